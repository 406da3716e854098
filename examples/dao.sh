#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# DAO governance from the wallet (SPEC §7, §9; docs/dao.md): holders delegate, propose, vote,
# change a vote and read the live tally; after the vote and the timelock a parameter change
# (minFee) and a treasury spend execute. Time is moved with the dev node's dev_advanceTime.
# Runs against the dev node at $AIF_RPC (default http://127.0.0.1:8645) with $AIF_WALLET
# (default: the build's aif-wallet). Keys go to a throwaway keystore.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export AIF_RPC="${AIF_RPC:-http://127.0.0.1:8645}"
W="${AIF_WALLET:-$HERE/../build/wallet/aif-wallet}"
HOME_DIR="${AIF_EXAMPLE_HOME:-$(mktemp -d)}"
KS="$HOME_DIR/keystore-dao"
echo 'test test test test test test test test test test test junk' > "$HOME_DIR/mnemonic"
echo 'example passphrase' > "$HOME_DIR/pw"
# Cheap scrypt for a throwaway example keystore only; real keys use the default n=262144.
export AIF_WALLET_SCRYPT_N="${AIF_WALLET_SCRYPT_N:-1024}"
w() { "$W" --keystore "$KS" --password-file "$HOME_DIR/pw" "$@"; }
# A field of the JSON on stdin: jfield '.a.b'
jfield() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split(".").filter(Boolean))v=v?.[k];console.log(typeof v==="object"?JSON.stringify(v):String(v))})' "$1"; }
# dev_* calls: the wallet's `dev` commands when it has them, else plain JSON-RPC.
dev() {
    if "$W" dev advance-time --help >/dev/null 2>&1; then
        case "$1" in
        dev_advanceTime) "$W" dev advance-time --seconds "$2" >/dev/null ;;
        dev_mine) "$W" dev mine >/dev/null ;;
        esac
    else
        local params='{}'
        [ "$1" = dev_advanceTime ] && params="{\"seconds\":$2}"
        curl -sf -X POST "$AIF_RPC/" -H 'content-type: application/json' \
            -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$params}" >/dev/null
    fi
}
advance() { dev dev_advanceTime "$1"; dev dev_mine; }
fail() { echo "FAILED: $*" >&2; exit 1; }

for i in 0 1 2; do w key import --name "dev$i" --mnemonic-file "$HOME_DIR/mnemonic" --index "$i" >/dev/null; done
w key new --name grantee >/dev/null

echo "== delegate: dev0 and dev1 vote themselves, dev2 lends its power to dev1"
w dao delegate --from dev0 --to dev0
w dao delegate --from dev1 --to dev1
w dao delegate --from dev2 --to dev1
w dao power dev1
w dao params

echo "== a text proposal: vote, change a vote, read the live tally"
id=$(w --json dao propose --from dev0 --kind text --title "Screen the finalists in the park" \
        --description "Open-air screening of the 2026 finalists." | jfield proposalId)
echo "proposal $id"
w dao vote --from dev0 --proposal "$id" --choice for
w dao vote --from dev1 --proposal "$id" --choice against
w dao vote --from dev1 --proposal "$id" --choice for        # changed: the last vote counts
w dao show "$id"
[ "$(w --json dao vote-of "$id" dev1 | jfield choice)" = for ] || fail "dev1's vote should be 'for'"
[ "$(w --json dao show "$id" | jfield tally.against)" = 0 ] || fail "the changed vote must leave 'against' empty"

echo "== a parameter change (minFee 0.001 → 0.002 AIF) and a treasury spend (25 AIF)"
treasury=$(w --json dao params | jfield treasury)
w transfer --from dev0 --to "$treasury" --amount 100 --memo "donation to the festival treasury" --wait >/dev/null
param=$(w --json dao propose --from dev0 --kind param --key minFee --value 0.002 | jfield proposalId)
spend=$(w --json dao propose --from dev1 --kind spend --to grantee --amount 25 \
           --title "Grant for the restoration of film prints" | jfield proposalId)
for p in "$param" "$spend"; do
    w dao vote --from dev0 --proposal "$p" --choice for
    w dao vote --from dev1 --proposal "$p" --choice for
done

period=$(w --json dao params | jfield votingPeriod)
timelock=$(w --json dao params | jfield timelock)
echo "== voting ends ($period s later)"
advance $((period + 1))
w dao show "$param"
[ "$(w --json dao show "$param" | jfield status)" = queued ] || fail "param proposal should be queued"
# Refusals exit 3 and name the rule (wrong_phase); nothing is sent.
refused() {
    local rc=0
    "$@" >/dev/null 2>"$HOME_DIR/err" || rc=$?
    [ $rc -eq 3 ] || fail "expected exit 3 from: $* (got $rc)"
    grep -q wrong_phase "$HOME_DIR/err" || fail "expected wrong_phase: $(cat "$HOME_DIR/err")"
}
refused w dao vote --from dev2 --proposal "$spend" --choice against
echo "(a vote after the end was refused, as it should be)"
refused w dao execute --from dev2 --proposal "$param"
echo "(execution during the timelock was refused, as it should be)"

echo "== the timelock ($timelock s) passes; anyone may execute, once"
advance $((timelock + 1))
w dao execute --from dev2 --proposal "$param"
w dao execute --from dev2 --proposal "$spend"
refused w dao execute --from dev2 --proposal "$spend"    # a spend pays once
minfee=$(w --json chain info | jfield minFee)
[ "$minfee" = 2000000000000000 ] || fail "minFee should be 0.002 AIF, is $minfee base units"
grant=$(w --json balance grantee | jfield amount)
[ "$grant" = 25 ] || fail "grantee should hold 25 AIF, holds $grant"
w dao list
echo "minFee now $minfee base units; grantee holds $grant AIF"
echo "dao ok"
