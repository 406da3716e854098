#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README quick-start as a script: import dev account 0 from the public test mnemonic, make a
# new key, send it 12.5 AIF, and show the balance.
# Runs against the dev node at $AIF_RPC (default http://127.0.0.1:8645) with $AIF_WALLET
# (default: the build's aif-wallet). Keys go to a throwaway keystore.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export AIF_RPC="${AIF_RPC:-http://127.0.0.1:8645}"
W="${AIF_WALLET:-$HERE/../build/wallet/aif-wallet}"
HOME_DIR="${AIF_EXAMPLE_HOME:-$(mktemp -d)}"
KS="$HOME_DIR/keystore-quickstart"
echo 'test test test test test test test test test test test junk' > "$HOME_DIR/mnemonic"
echo 'example passphrase' > "$HOME_DIR/pw"
# Cheap scrypt for a throwaway example keystore only; real keys use the default n=262144.
export AIF_WALLET_SCRYPT_N="${AIF_WALLET_SCRYPT_N:-1024}"
w() { "$W" --keystore "$KS" --password-file "$HOME_DIR/pw" "$@"; }

w key import --name dev0 --mnemonic-file "$HOME_DIR/mnemonic" --index 0
w key new --name alice
before=$(w --json balance alice | grep -o '"baseUnits": *"[0-9]*"' | grep -o '[0-9][0-9]*')
w transfer --from dev0 --to alice --amount 12.5 --wait
after=$(w --json balance alice)
echo "alice: $after"
echo "$after" | grep -q '"amount": *"12.5"' || { echo "expected 12.5 AIF, got $after"; exit 1; }
[ "${before:-0}" = "0" ] || { echo "alice should start empty"; exit 1; }
echo "quickstart ok"
