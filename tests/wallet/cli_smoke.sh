#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) aifchain developers
# Smoke test of the aif-wallet binary itself (the in-process CLI tests cover the behaviour):
# import dev0 from the test mnemonic into a temp keystore, list it as JSON, check exit codes.
# Usage: cli_smoke.sh PATH/TO/aif-wallet
set -eu
W="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export AIF_WALLET_SCRYPT_N=1024
echo "test test test test test test test test test test test junk" > "$T/mnemonic"
echo "smoke-password" > "$T/pw"

"$W" --keystore "$T/ks" key import --name dev0 --mnemonic-file "$T/mnemonic" \
    --password-file "$T/pw" > /dev/null
out=$("$W" --keystore "$T/ks" key list --json)
echo "$out" | grep -q '"name": "dev0"' || { echo "key list: $out"; exit 1; }
echo "$out" | grep -q '"address": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"' ||
    { echo "key list: $out"; exit 1; }
[ "$(stat -c %a "$T/ks")" = 700 ] || { echo "keystore dir not 0700"; exit 1; }
[ "$(stat -c %a "$T/ks/dev0.json")" = 600 ] || { echo "key file not 0600"; exit 1; }

code() { set +e; "$@" > /dev/null 2>&1; c=$?; set -e; echo $c; }
[ "$(code "$W" --keystore "$T/ks" key import --name dev0 --mnemonic-file "$T/mnemonic" \
    --password-file "$T/pw")" = 5 ] || { echo "duplicate name: expected exit 5"; exit 1; }
[ "$(code "$W" no-such-command)" = 2 ] || { echo "unknown command: expected exit 2"; exit 1; }
[ "$(code "$W" --help)" = 0 ] || { echo "--help: expected exit 0"; exit 1; }
echo "aif-wallet smoke test passed"
