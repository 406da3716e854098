#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 2: install, build, and run every suite through CTest (unit tests per library,
# the ethers.js interop tests, end-to-end, crash and hostile-client tests against real aif-node
# processes) — first in Release, then again built with AddressSanitizer + UndefinedBehavior-
# Sanitizer (Debug), then every libFuzzer target briefly on its committed corpus
# (docs/testing.md, docs/fuzzing.md). Arguments are passed to both ctest runs.
#
# Environment:
#   AIF_BUILD_DIR        Release build directory (default <repo>/build)
#   AIF_ASAN_BUILD_DIR   sanitizer build directory (default <repo>/build-asan)
#   AIF_FUZZ_BUILD_DIR   fuzz build directory (default <repo>/build-fuzz)
#   AIF_FUZZ_SECONDS     seconds per fuzz target (default 30)
#   AIF_QUICK=1          local shortcut: Release suite only (no sanitizer suite, no fuzzing).
#                        Ignored when CI=true: CI always runs everything.
# The last line is a ctest-style summary over all of it ("N% tests passed, F tests failed out
# of T"; each fuzz target counts as one test); the exit status is non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ASAN_BUILD_DIR="${AIF_ASAN_BUILD_DIR:-$ROOT/build-asan}"
FUZZ_SECONDS="${AIF_FUZZ_SECONDS:-30}"
FULL=1
if [ "${AIF_QUICK:-0}" = 1 ] && [ "${CI:-}" != true ]; then
    FULL=0
fi

packages=("${BUILD_PACKAGES[@]}")
[ "$FULL" = 1 ] && packages+=("${FUZZ_PACKAGES[@]}")
install_packages "${packages[@]}"
command -v node >/dev/null && command -v npm >/dev/null || install_packages nodejs npm

START=$(date +%s)
PHASES=()     # "name|summary line|seconds"
TOTAL_TESTS=0
TOTAL_FAILED=0
STATUS=0

# run_ctest NAME DIR [ARGS...] — runs ctest in DIR, records its summary line and counts.
run_ctest() {
    local name="$1" dir="$2"
    shift 2
    local t0 log rc=0
    t0=$(date +%s)
    log="$(mktemp)"
    (cd "$dir" && ctest --output-on-failure -j "$JOBS" "$@") 2>&1 | tee "$log" || rc=$?
    local line passed_total failed
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1 || true)
    rm -f "$log"
    if [ -z "$line" ]; then
        line="ctest did not finish (exit $rc)"
        failed=1
        passed_total=1
    else
        failed=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$line")
        passed_total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
    fi
    TOTAL_TESTS=$((TOTAL_TESTS + passed_total))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then STATUS=1; fi
    PHASES+=("$name|$line|$(($(date +%s) - t0))")
}

# 1. Release.
build
# npm ci (from the committed lock file) unless node_modules was installed after the lock file
# last changed: a re-run then needs no network and does not pull node_modules from under tests
# running elsewhere.
interop="$ROOT/tests/interop"
if [ "$interop/node_modules/.package-lock.json" -nt "$interop/package-lock.json" ] &&
   [ "$interop/node_modules/.package-lock.json" -nt "$interop/package.json" ]; then
    log "interop test dependencies are up to date (tests/interop/node_modules)"
else
    log "installing interop test dependencies (npm ci, from the committed lock file)"
    (cd "$interop" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "running the test suite (Release)"
run_ctest release "$BUILD_DIR" "$@"

if [ "$FULL" = 1 ]; then
    # 2. The same suite built with ASan + UBSan: any report aborts the process under test.
    t0=$(date +%s)
    log "configuring $ASAN_BUILD_DIR (Debug, AddressSanitizer + UndefinedBehaviorSanitizer)"
    cmake -S "$ROOT" -B "$ASAN_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAIF_SANITIZE=ON >/dev/null
    log "building the sanitizer build with $JOBS jobs"
    if cmake --build "$ASAN_BUILD_DIR" -j "$JOBS"; then
        PHASES+=("asan build|built|$(($(date +%s) - t0))")
        log "running the test suite (ASan + UBSan)"
        ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
            run_ctest asan "$ASAN_BUILD_DIR" "$@"
    else
        PHASES+=("asan build|FAILED|$(($(date +%s) - t0))")
        STATUS=1
    fi

    # 3. Every fuzz target on its committed corpus.
    t0=$(date +%s)
    fuzz_rc=0
    "$ROOT/scripts/fuzz.sh" "$FUZZ_SECONDS" || fuzz_rc=$?
    TOTAL_TESTS=$((TOTAL_TESTS + 5))
    if [ "$fuzz_rc" -ne 0 ]; then
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        STATUS=1
        PHASES+=("fuzz|FAILED (see above)|$(($(date +%s) - t0))")
    else
        PHASES+=("fuzz|5 targets × ${FUZZ_SECONDS}s passed|$(($(date +%s) - t0))")
    fi
else
    log "AIF_QUICK=1: skipping the sanitizer suite and fuzzing (CI runs them)"
fi

log "summary ($(($(date +%s) - START)) s after installing packages)"
for p in "${PHASES[@]}"; do
    IFS='|' read -r name line secs <<<"$p"
    printf '  %-11s %s (%s s)\n' "$name:" "$line" "$secs"
done
passed=$((TOTAL_TESTS - TOTAL_FAILED))
pct=0
[ "$TOTAL_TESTS" -gt 0 ] && pct=$((100 * passed / TOTAL_TESTS))
echo "${pct}% tests passed, ${TOTAL_FAILED} tests failed out of ${TOTAL_TESTS}"
exit "$STATUS"
