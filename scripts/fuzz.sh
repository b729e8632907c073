#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, the fuzz preset: clang with ASan and UBSan) and runs
# each over its seed corpus; a crash, a failed check or a leak fails the run.
#   scripts/fuzz.sh [--seconds S | --runs N] [TARGET ...]
# Default: 20 seconds per target. New inputs the fuzzer finds go to build/fuzz/corpus/<target>,
# never into the source tree; the seeds stay in tests/fuzz/corpus/<target>.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

limit=(-max_total_time=20)
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) limit=(-max_total_time="$2"); shift 2 ;;
        --runs) limit=(-runs="$2"); shift 2 ;;
        -h|--help) sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(cd tests/fuzz/corpus && ls)
    targets=("${targets[@]/#/fuzz_}")
fi

"$root/scripts/install-dependencies.sh"
[[ -f build/fuzz/build.ninja ]] || cmake --preset fuzz
cmake --build --preset fuzz

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
printf '%-24s %14s %10s %8s\n' target executions "per sec" corpus
for target in "${targets[@]}"; do
    name="${target#fuzz_}"
    work="build/fuzz/corpus/$name"
    mkdir -p "$work"
    log="build/fuzz/$target.log"
    if ! "build/fuzz/tests/fuzz/$target" "${limit[@]}" -max_len=4096 -print_final_stats=1 -timeout=60 -rss_limit_mb=4096 \
        -artifact_prefix="build/fuzz/$target-" "$work" "tests/fuzz/corpus/$name" >"$log" 2>&1; then
        tail -40 "$log" >&2
        echo "error: $target failed; the input is in build/fuzz/$target-*" >&2
        exit 1
    fi
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    printf '%-24s %14s %10s %8s\n' "$target" "$executions" "$rate" "$(ls "$work" | wc -l)"
done
