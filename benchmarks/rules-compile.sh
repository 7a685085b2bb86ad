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
read -r -a java_opts <<< "${BENCH_JAVA_OPTS:--XX:+UseParallelGC -Xss4m}"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# wall ms and CPU ms (user + sys, all threads): on a busy machine CPU time is the steadier measure
time_ms() {
    local what="$1"
    shift
    /usr/bin/time -o "$work/t" -f "%e %U %S" java "${java_opts[@]}" -jar "$jar" "$@" > /dev/null 2>&1 || true
    read -r wall user sys < "$work/t"
    awk -v w="$wall" '{}END{printf "%d\n", w * 1000}' /dev/null >> "$work/$what.txt"
    awk -v u="$user" -v s="$sys" '{}END{printf "%d\n", (u + s) * 1000}' /dev/null >> "$work/$what.cpu.txt"
}

declare -A results
declare -A cpu
for what in version check compile; do
    : > "$work/$what.txt"
    : > "$work/$what.cpu.txt"
done
for ((i = 0; i < runs; i++)); do   # interleaved, so machine noise hits all three alike
    time_ms version --version
    time_ms check rules check "$work/bench.det"
    time_ms compile rules compile "$work/bench.det"
done
for what in version check compile; do
    results[$what]=$(median < "$work/$what.txt")
    cpu[$what]=$(median < "$work/$what.cpu.txt")
done
rules=$(grep -c '^rule ' "$work/bench.det")
echo "rules: $rules  runs: $runs  java: ${java_opts[*]}  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median ms            wall   cpu    wall after JVM start   cpu after JVM start"
printf '%-20s %5s  %5s\n' "dscover --version" "${results[version]}" "${cpu[version]}"
for what in check compile; do
    printf '%-20s %5s  %5s    %5s                  %5s\n' "dscover rules $what" "${results[$what]}" "${cpu[$what]}" \
        $(( ${results[$what]%.*} - ${results[version]%.*} )) $(( ${cpu[$what]%.*} - ${cpu[version]%.*} ))
done
java "${java_opts[@]}" -jar "$jar" rules check --no-color "$work/bench.det" 2>&1 | tail -1
