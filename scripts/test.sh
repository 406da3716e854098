#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 2: install, build once, and run every suite through CTest (unit tests per
# library, the ethers.js interop tests, and end-to-end tests against real aif-node processes).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "${BUILD_PACKAGES[@]}"
command -v node >/dev/null && command -v npm >/dev/null || install_packages nodejs npm
build

log "installing interop test dependencies (npm ci, from the committed lock file)"
(cd "$ROOT/tests/interop" && npm ci --no-audit --no-fund --loglevel=error)

log "running the test suite"
cd "$BUILD_DIR"
ctest --output-on-failure -j "$JOBS" "$@"
