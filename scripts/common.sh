#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Shared by scripts/dev.sh and scripts/test.sh: install Debian packages, configure, build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${AIF_BUILD_DIR:-$ROOT/build}"
JOBS="${AIF_JOBS:-$(nproc)}"

# Debian package names (SPEC §1). Node.js/npm only for the ethers.js interop tests.
BUILD_PACKAGES=(g++ cmake ninja-build pkg-config libsecp256k1-dev librocksdb-dev libcrypto++-dev
                nlohmann-json3-dev libboost-dev libboost-program-options-dev libboost-test-dev)
# The libFuzzer targets (scripts/fuzz.sh, docs/fuzzing.md): clang 14 and its runtimes.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# install_packages PKG... — apt-get installs whatever is missing (nothing when all are there,
# so a re-run needs no network).
install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build [TARGET...] — configures (Release) and builds into $BUILD_DIR.
build() {
    log "configuring $BUILD_DIR (Release)"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    log "building with $JOBS jobs"
    if [ $# -gt 0 ]; then
        cmake --build "$BUILD_DIR" -j "$JOBS" --target "$@"
    else
        cmake --build "$BUILD_DIR" -j "$JOBS"
    fi
}
