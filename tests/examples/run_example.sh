#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one examples/*.sh against a fresh dev node, as a newcomer would: starts aif-node --dev
# on a free loopback port with a temporary data dir, points AIF_RPC/AIF_WALLET at it, runs the
# example, and stops the node. Usage: run_example.sh BUILD_DIR SOURCE_DIR EXAMPLE
set -euo pipefail
BUILD_DIR=$1 SOURCE_DIR=$2 EXAMPLE=$3
WORK=$(mktemp -d)
NODE_PID=""
cleanup() {
    [ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null && wait "$NODE_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"$BUILD_DIR/node/aif-node" --dev --genesis "$SOURCE_DIR/genesis/dev.json" --data-dir "$WORK/data" \
    --validator-key "$SOURCE_DIR/genesis/dev-validator.key" --rpc-addr 127.0.0.1:0 \
    --block-interval-ms 50 >"$WORK/node.log" 2>&1 &
NODE_PID=$!
for _ in $(seq 1 200); do
    ADDR=$(sed -n 's/^aif-node: RPC listening on \(http:\/\/[0-9.:]*\).*/\1/p' "$WORK/node.log")
    [ -n "$ADDR" ] && break
    kill -0 "$NODE_PID" 2>/dev/null || { cat "$WORK/node.log"; exit 1; }
    sleep 0.05
done
[ -n "${ADDR:-}" ] || { echo "node did not start"; cat "$WORK/node.log"; exit 1; }

export AIF_RPC="$ADDR" AIF_WALLET="$BUILD_DIR/wallet/aif-wallet" AIF_EXAMPLE_HOME="$WORK/home"
mkdir -p "$AIF_EXAMPLE_HOME"
status=0
bash "$EXAMPLE" || status=$?
if [ $status -ne 0 ]; then
    echo "--- example failed ($status); node log:"
    tail -n 30 "$WORK/node.log"
fi
exit $status
