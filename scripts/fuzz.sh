#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# scripts/fuzz.sh [SECONDS] — builds the libFuzzer targets (clang, AddressSanitizer +
# UndefinedBehaviorSanitizer) and runs each for SECONDS (default 30) on its committed corpus
# fuzz/corpus/<target>/. See docs/fuzzing.md.
#
# The committed corpus is only read: inputs the fuzzer finds go to a scratch directory, crashes
# and timeouts to $AIF_FUZZ_BUILD_DIR/artifacts/<target>/ (and the run fails, printing the
# reproducer command). Environment:
#   AIF_FUZZ_BUILD_DIR   build directory (default <repo>/build-fuzz)
#   AIF_FUZZ_TARGETS     space-separated subset of targets (default: all five)
#   AIF_FUZZ_KEEP_CORPUS directory to keep the inputs each run finds (default: discarded)
# Options:
#   --seed               regenerate fuzz/corpus/ with make_corpus first (commit the result)
#   --build-only         build, do not run
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_PER_TARGET=30
SEED=0
BUILD_ONLY=0
for arg in "$@"; do
    case "$arg" in
        --seed) SEED=1 ;;
        --build-only) BUILD_ONLY=1 ;;
        ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [--seed] [--build-only] [SECONDS]" >&2; exit 2 ;;
        *) SECONDS_PER_TARGET="$arg" ;;
    esac
done

FUZZ_BUILD="${AIF_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
TARGETS=(${AIF_FUZZ_TARGETS:-fuzz_wire_decode fuzz_eip712 fuzz_rpc_dispatch fuzz_genesis fuzz_block_decode})

install_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"

log "configuring $FUZZ_BUILD (clang, libFuzzer + ASan + UBSan)"
cmake -S "$ROOT/fuzz" -B "$FUZZ_BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
log "building fuzz targets with $JOBS jobs"
cmake --build "$FUZZ_BUILD" -j "$JOBS" --target "${TARGETS[@]}" make_corpus

if [ "$SEED" = 1 ]; then
    log "regenerating fuzz/corpus with make_corpus"
    rm -rf "$ROOT/fuzz/corpus"
    "$FUZZ_BUILD/make_corpus" "$ROOT/fuzz/corpus"
fi
[ "$BUILD_ONLY" = 1 ] && exit 0

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=()
summary=()
for t in "${TARGETS[@]}"; do
    corpus="$ROOT/fuzz/corpus/$t"
    artifacts="$FUZZ_BUILD/artifacts/$t"
    scratch="${AIF_FUZZ_KEEP_CORPUS:+$AIF_FUZZ_KEEP_CORPUS/$t}"
    [ -n "$scratch" ] || scratch="$(mktemp -d "${TMPDIR:-/tmp}/aif-fuzz-$t-XXXXXX")"
    mkdir -p "$artifacts" "$scratch"
    extra=()
    [ "$t" = fuzz_rpc_dispatch ] && [ -f "$ROOT/fuzz/corpus/rpc.dict" ] && extra+=(-dict="$ROOT/fuzz/corpus/rpc.dict")
    log "fuzzing $t for ${SECONDS_PER_TARGET}s (corpus fuzz/corpus/$t, $(ls "$corpus" | wc -l) seeds)"
    logfile="$FUZZ_BUILD/$t.log"
    status=0
    "$FUZZ_BUILD/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" \
        "$scratch" "$corpus" >"$logfile" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$logfile" | tail -1 || true)
    [ -z "${AIF_FUZZ_KEEP_CORPUS:-}" ] && rm -rf "$scratch"
    if [ "$status" -ne 0 ]; then
        failed+=("$t")
        tail -n 60 "$logfile" >&2
        crash=$(ls -t "$artifacts" 2>/dev/null | head -1)
        echo "FAILED: $t (exit $status); reproduce: $FUZZ_BUILD/$t $artifacts/$crash" >&2
        summary+=("$t: FAILED after ${execs:-?} execs")
    else
        summary+=("$t: ok, ${execs:-?} execs, ${cov:-cov ?}")
    fi
done

log "fuzz summary (${SECONDS_PER_TARGET}s per target)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} of ${#TARGETS[@]} targets failed: ${failed[*]}"
    exit 1
fi
echo "fuzz: all ${#TARGETS[@]} targets passed"
