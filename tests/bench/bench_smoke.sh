#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: bench_smoke.sh BUILD_DIR — aif-bench on 3,000 txs from 150 senders, transfers, DAO
# votes and market orders, (a) (b) (c) once each; then its refusals of bad flags. Figures are
# not checked; what each measure committed is (final nonces, and the market's share balances).
set -euo pipefail
bench="$1/bench/aif-bench"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

"$bench" --txs 3000 --senders 150 --runs 1 >"$out" 2>&1 || { cat "$out"; echo "FAIL: aif-bench exited $?"; exit 1; }
cat "$out"
for want in "== transfers: 3000 txs from 150 senders (after 0 setup blocks)" \
            "== DAO votes: 3000 txs from 150 senders (after 2 setup blocks)" \
            "== market orders: 3000 txs from 150 senders (after 3 setup blocks)"; do
    grep -qF -- "$want" "$out" || { echo "FAIL: missing '$want'"; exit 1; }
done
# Each workload: (b) and (c) committed everything (else aif-bench fails on a nonce) and both
# ratios are printed.
[ "$(grep -c '^    b/a = ' "$out")" = 3 ] || { echo "FAIL: expected three b/a lines"; exit 1; }
[ "$(grep -c '^    c/a = ' "$out")" = 3 ] || { echo "FAIL: expected three c/a lines"; exit 1; }

# Fewer timed txs than senders: the setup alone sets most final nonces, and a setup block is
# larger than the timed workload (the node's pool must hold it).
"$bench" --workloads votes --txs 100 --senders 150 --runs 1 >"$out" 2>&1 || { cat "$out"; echo "FAIL: small votes run exited $?"; exit 1; }
[ "$(grep -c '^    c/a = ' "$out")" = 1 ] || { cat "$out"; echo "FAIL: small votes run printed no c/a"; exit 1; }

# Few senders with many txs each (1,000 per sender, the node's default per-sender pool limit),
# an odd count (one more seller than buyers: the extra sells rest).
"$bench" --workloads market --txs 3000 --senders 3 --runs 1 >"$out" 2>&1 || { cat "$out"; echo "FAIL: 3-sender market run exited $?"; exit 1; }
[ "$(grep -c '^    c/a = ' "$out")" = 1 ] || { cat "$out"; echo "FAIL: 3-sender market run printed no c/a"; exit 1; }

refuse() {
    local msg="$1"; shift
    local rc=0
    "$bench" "$@" >"$out" 2>&1 || rc=$?
    [ "$rc" = 2 ] || { cat "$out"; echo "FAIL: aif-bench $* exited $rc, not 2"; exit 1; }
    grep -qF -- "$msg" "$out" || { cat "$out"; echo "FAIL: aif-bench $* did not say '$msg'"; exit 1; }
}
refuse "--workloads: unknown workload 'orders'" --workloads transfers,orders
refuse "--only must be a, seal, b or c" --only x
refuse "--senders: the market workload needs at least 2" --workloads market --senders 1
echo "bench_smoke: OK"
