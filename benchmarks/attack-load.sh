#!/usr/bin/env bash
# Load time of MITRE ATT&CK releases by dscover's streaming catalog loader (AttackCatalog.load),
# against two common ways of reading the same file: Python's json.load and jq.
#
#   benchmarks/attack-load.sh [RUNS]        (default 7; from the repository root; needs ../shared/attack)
#
# For each bundle it prints the median of RUNS fresh JVMs for
#   cold      the first load in a new JVM (what `dscover ... --attack-bundle` waits for),
#   cold-cpu  the loading thread's CPU time in that first load,
#   warm      the median of 5 further loads in that JVM (the loader itself, JIT-compiled),
#   cli       wall time of `dscover attack list --attack-bundle FILE` (JVM start + load + output),
#   cli-cpu   its CPU time (user + system, all threads: JIT and GC included),
#   python    wall time of python3 -c 'json.load(gzip.open(FILE))' (whole tree, no model built),
#   py-cpu    its CPU time,
#   jq        wall time of zcat FILE | jq '.objects | length'.
# The machine is shared: read medians and ratios, not single runs. CPU times move less than wall
# times when other jobs compete for the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=cli/target/dscover.jar
[[ -f $jar ]] || ./dscover --version >/dev/null
java_opts=(-XX:+UseParallelGC -Xss4m)

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
wall_ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
# "wall_ms cpu_ms" of one command, from GNU time
wall_cpu_ms() { /usr/bin/time -f '%e %U %S' -o /tmp/attack-load.time "$@" >/dev/null 2>&1
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' /tmp/attack-load.time; }

printf '%-34s %8s %8s %8s %8s %8s %8s %8s %8s %11s %11s\n' bundle cold cold-cpu warm cli cli-cpu python py-cpu jq python/cli py-cpu/cli
for bundle in ../shared/attack/enterprise-attack-v18.1.json.gz ../shared/attack/enterprise-attack-v10.1.json.gz; do
    [[ -f $bundle ]] || { echo "skip $bundle (absent)"; continue; }
    cold=(); coldcpu=(); warm=(); cli=(); clicpu=(); py=(); pycpu=(); jqt=()
    for ((i = 0; i < runs; i++)); do
        out=$(java "${java_opts[@]}" -cp "$jar" benchmarks/AttackLoad.java "$bundle" 6)
        cold+=("$(echo "$out" | awk '/^cold/ {print $2}')")
        coldcpu+=("$(echo "$out" | awk '/^cold/ {print $5}')")
        warm+=("$(echo "$out" | awk '/^warm/ {print $2}' | median)")
        read -r w cpu < <(wall_cpu_ms java "${java_opts[@]}" -jar "$jar" attack list --quiet --attack-bundle "$bundle")
        cli+=("$w"); clicpu+=("$cpu")
        read -r w cpu < <(wall_cpu_ms python3 -c "import gzip, json, sys; json.load(gzip.open(sys.argv[1]))" "$bundle")
        py+=("$w"); pycpu+=("$cpu")
        if command -v jq >/dev/null; then jqt+=("$(wall_ms bash -c "zcat '$bundle' | jq '.objects | length'")"); else jqt+=(0); fi
    done
    c=$(printf '%s\n' "${cold[@]}" | median); cc=$(printf '%s\n' "${coldcpu[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
    l=$(printf '%s\n' "${cli[@]}" | median); lc=$(printf '%s\n' "${clicpu[@]}" | median)
    p=$(printf '%s\n' "${py[@]}" | median); pc=$(printf '%s\n' "${pycpu[@]}" | median)
    j=$(printf '%s\n' "${jqt[@]}" | median)
    printf '%-34s %6sms %6sms %6sms %6sms %6sms %6sms %6sms %6sms %11s %11s\n' "$(basename "$bundle")" "$c" "$cc" "$w" "$l" "$lc" \
        "$p" "$pc" "$j" "$(awk -v p="$p" -v l="$l" 'BEGIN {printf "%.2f", p / l}')" \
        "$(awk -v p="$pc" -v l="$lc" 'BEGIN {printf "%.2f", p / l}')"
done
echo "(medians of $runs runs; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
