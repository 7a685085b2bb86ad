#!/usr/bin/env bash
# Benchmark: `dscover rules check` and `dscover rules compile` on N generated rules (default 200), against
# the same JVM doing nothing (`dscover --version`): the difference is the time the rules cost after JVM start.
# Prints the median of RUNS runs (default 7) of each and the differences. Usage: benchmarks/rules-compile.sh [N] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-200}"
runs="${2:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/benchmarks/gen_rules.py" "$n" > "$work/bench.det"
"$root/dscover" --version > /dev/null   # build the jar if needed
jar="$root/cli/target/dscover.jar"
java_opts=(-XX:+UseParallelGC -Xss4m)

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_ms() {
    local start end
    start=$(date +%s%N)
    java "${java_opts[@]}" -jar "$jar" "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

declare -A results
for what in version check compile; do
    : > "$work/$what.txt"
done
for ((i = 0; i < runs; i++)); do   # interleaved, so machine noise hits all three alike
    time_ms --version >> "$work/version.txt"
    time_ms rules check "$work/bench.det" >> "$work/check.txt"
    time_ms rules compile "$work/bench.det" >> "$work/compile.txt"
done
for what in version check compile; do
    results[$what]=$(median < "$work/$what.txt")
done
rules=$(grep -c '^rule ' "$work/bench.det")
echo "rules: $rules  runs: $runs  (wall ms, median; JVM start = dscover --version)"
printf '%-22s %8s\n' "dscover --version" "${results[version]}"
printf '%-22s %8s   after JVM start: %s ms\n' "dscover rules check" "${results[check]}" $(( ${results[check]%.*} - ${results[version]%.*} ))
printf '%-22s %8s   after JVM start: %s ms\n' "dscover rules compile" "${results[compile]}" $(( ${results[compile]%.*} - ${results[version]%.*} ))
java "${java_opts[@]}" -jar "$jar" rules check --no-color "$work/bench.det" 2>&1 | tail -1
