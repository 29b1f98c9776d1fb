#!/usr/bin/env bash
# Builds the libFuzzer harnesses in build-fuzz (clang, ASan + UBSan) and runs each for a while.
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]     (default 60 s; targets: jsonbytes address idnumber change)
# Each target starts from fuzz/corpus/<target>/ (read only) and keeps what it learns in
# build-fuzz/corpus/<target>/; a crash is written to build-fuzz/findings/<target>/. See docs/fuzzing.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ADMISSIONS_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(jsonbytes address idnumber change)

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

if ! command -v clang++ >/dev/null 2>&1 || ! clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a | grep -q /; then
    say "The fuzzers need clang with libFuzzer: apt-get install clang libclang-rt-dev (Debian 12: clang-14, libclang-rt-14-dev)"
    exit 2
fi

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    say "Configuring in $BUILD"
    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DADMISSIONS_BUILD_FUZZERS=ON -DADMISSIONS_BUILD_TESTS=OFF -DADMISSIONS_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
fi
say "Building ${TARGETS[*]}"
cmake --build "$BUILD" -j "${JOBS:-2}" --target "${TARGETS[@]/#/fuzz_}" 2>&1 | { grep -vE '^\[ *[0-9]+%\]|^(gmake|make)\[' || true; }

status=0
for t in "${TARGETS[@]}"; do
    seeds="$ROOT/fuzz/corpus/$t"
    work="$BUILD/corpus/$t"
    findings="$BUILD/findings/$t"
    mkdir -p "$work" "$findings"
    dict=()
    [ -f "$ROOT/fuzz/$t.dict" ] && dict=(-dict="$ROOT/fuzz/$t.dict")
    log="$BUILD/fuzz-$t.log"
    say "Fuzzing $t for $SECONDS_EACH s (log: $log)"
    # The first folder is where new inputs go; the repo's seeds are only read.
    set +e
    ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}" \
        "$BUILD/fuzz/fuzz_$t" "$work" "$seeds" "${dict[@]}" -max_total_time="$SECONDS_EACH" -max_len=8192 \
        -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)
    last=$(grep -E '#[0-9]+.*(cov|ft):' "$log" | tail -1 || true)
    cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
    corpus=$(sed -nE 's/.*corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
    crashes=$(find "$findings" -type f | wc -l)
    printf '%-10s executions %-10s exec/s %-7s corpus %-12s cov %-6s ft %-6s findings %s\n' \
        "$t" "${runs:-?}" "${rate:-?}" "${corpus:-?}" "${cov:-?}" "${ft:-?}" "$crashes"
    if [ $rc -ne 0 ]; then
        status=1
        say "$t stopped with a finding:"
        grep -E 'ERROR: |fuzz target|runtime error|SUMMARY|Test unit written' "$log" | head -8 >&2 || true
    fi
done
exit $status
