#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/build.sh) and runs each for FUZZ_SECONDS, seeded from Fuzz/Seeds/<target> and
# the malformed-input corpus. Limits: 512 MB of memory and 5 s per input; a crash, a leak-free OOM or a hang
# stops with the input saved under .build/fuzz/artifacts/ (copy it into Tests/RobustnessTests/MalformedInputs
# as a regression test). Prints the executions per target and in total.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/fuzz"
seconds="${FUZZ_SECONDS:-30}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for file in "$root"/Fuzz/Targets/*.swift; do targets+=("$(basename "$file" .swift)"); done
fi
"$root/Fuzz/build.sh" "${targets[@]}" || exit 1
mkdir -p "$out/artifacts"
total=0
status=0
for target in "${targets[@]}"; do
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    cp "$root"/Fuzz/Seeds/"$target"/* "$corpus"/ 2>/dev/null || true
    case "$target" in
        collection) find "$root/Tests/RobustnessTests/MalformedInputs" -maxdepth 1 -type f -name '*.json' -exec cp {} "$corpus"/ \; ;;
        csv) find "$root/Tests/RobustnessTests/MalformedInputs" -maxdepth 1 -type f -name '*.csv' -exec cp {} "$corpus"/ \; ;;
    esac
    log="$out/$target.fuzz.log"
    "$out/$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=512 -timeout=5 -max_len=65536 \
        -artifact_prefix="$out/artifacts/$target-" -print_final_stats=1 ${FUZZ_ARGS:-} > "$log" 2>&1
    code=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    runs=${runs:-0}
    total=$((total + runs))
    if [ $code -ne 0 ]; then
        status=1
        echo "fuzz $target: FAILED after $runs executions (exit $code); see $log"
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
    else
        echo "fuzz $target: $runs executions in ${seconds}s, no crash, hang or memory blow-up"
    fi
done
echo "fuzz total: $total executions"
exit $status
