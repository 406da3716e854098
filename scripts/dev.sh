#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: install, build, and start a single-validator dev chain on genesis/dev.json
# with its RocksDB data in data/dev (kept across runs; delete it to start over).
# Extra arguments go to aif-node (e.g. --rpc-addr 127.0.0.1:9000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "${BUILD_PACKAGES[@]}"
build aif-node aif-wallet
DATA_DIR="${AIF_DATA_DIR:-$ROOT/data/dev}"
mkdir -p "$DATA_DIR"
log "starting aif-node --dev (data in $DATA_DIR; Ctrl-C stops it cleanly)"
exec "$BUILD_DIR/node/aif-node" --dev \
    --genesis "$ROOT/genesis/dev.json" \
    --data-dir "$DATA_DIR" \
    --validator-key "$ROOT/genesis/dev-validator.key" \
    "$@"
