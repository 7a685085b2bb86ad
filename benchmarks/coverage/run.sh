#!/usr/bin/env bash
# Coverage benchmarks (not part of the build):
#  1. What the run record costs a run: `dscover collect` of a generated AWS VPC flow log (v2 text) with
#     and without --run-json (which counts every field of every event, sampled after 10,000 per type),
#     medians of several runs, wall and user+sys CPU, and the ratio.
#     And the counter alone, in thread CPU time (FillRateBench.java), which the noise of a shared machine
#     does not swamp.
#  2. `dscover coverage` end to end (JVM start, rule compile, catalog load, analysis with the
#     what-if gain of every source, JSON out): embedded DS0029 model and, when ../shared has it, the
#     ATT&CK v18.1 release.
#  3. `dscover demo` end to end (copy, collect the demo inputs, coverage, four report files).
# The machine is shared and noisy: compare ratios and CPU time, not absolute wall times.
#
# usage: benchmarks/coverage/run.sh
#   env: RECORDS (flow-log records, default 1000000), RUNS (default 5), WORK (default /tmp/dscover-coverage-bench)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RECORDS="${RECORDS:-1000000}"
RUNS="${RUNS:-5}"
WORK="${WORK:-/tmp/dscover-coverage-bench}"
mkdir -p "$WORK"
jar="$root/cli/target/dscover.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -B -o -DskipTests -Dmaven.test.skip=true package >&2)
J=(java -XX:+UseParallelGC -Xss4m -jar "$jar")

median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# runs "$@" RUNS times; prints "median-wall median-cpu" (seconds)
measure() {
    local out="$WORK/time.txt"
    : > "$out"
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -f "%e %U %S" -a -o "$out" "$@" > /dev/null 2>&1
    done
    echo "$(awk '{print $1}' "$out" | median) $(awk '{print $2+$3}' "$out" | median)"
}

echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each"

flows="$WORK/aws-v2-$RECORDS.log"
[[ -f "$flows" ]] || { echo "generating $RECORDS flow records..." >&2; python3 "$root/benchmarks/cloud/gen_aws_v2.py" "$RECORDS" "$flows"; }
read -r pw pc < <(measure "${J[@]}" --quiet collect "$flows" -o /dev/null)
read -r rw rc < <(measure "${J[@]}" --quiet collect "$flows" -o /dev/null --run-json "$WORK/run.json")
echo "== 1. collect $RECORDS AWS flow records (-o /dev/null)"
printf '%-28s %8s %8s\n' "" "wall s" "CPU s"
printf '%-28s %8.2f %8.2f\n' "collect" "$pw" "$pc" "collect --run-json" "$rw" "$rc"
awk -v pw="$pw" -v pc="$pc" -v rw="$rw" -v rc="$rc" 'BEGIN{printf "run record overhead: %.1f%% wall, %.1f%% CPU\n", 100*(rw/pw-1), 100*(rc/pc-1)}'
grep -o '"examined" : [0-9]*' "$WORK/run.json" | head -1 | sed 's/^/fields counted on: /'

echo "== 1b. FieldFillCounter alone (thread CPU time, no I/O)"
(cd "$root" && mvn -q -B -o -pl coverage-report -am dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >&2)
java -XX:+UseParallelGC -cp "$root/coverage-report/target/classes:$root/model/target/classes:$(cat "$WORK/cp.txt")" \
    "$root/benchmarks/coverage/FillRateBench.java" 2000000 "$RUNS"

echo "== 2. coverage --format json (built-in rules, everything dscover can collect)"
read -r ew ec < <(measure "${J[@]}" --quiet coverage --format json)
printf '%-28s %8.2f %8.2f\n' "embedded DS0029 (131)" "$ew" "$ec"
v18="$root/../shared/attack/enterprise-attack-v18.1.json.gz"
if [[ -f "$v18" ]]; then
    read -r vw vc < <(measure "${J[@]}" --quiet coverage --format json --attack-bundle "$v18")
    printf '%-28s %8.2f %8.2f\n' "ATT&CK v18.1 (221 + legacy)" "$vw" "$vc"
fi
read -r nw nc < <(measure "${J[@]}" --version)
printf '%-28s %8.2f %8.2f\n' "(JVM start: --version)" "$nw" "$nc"

echo "== 3. demo"
read -r dw dc < <(measure "${J[@]}" --quiet demo -o "$WORK/dscover-report")
printf '%-28s %8.2f %8.2f\n' "demo" "$dw" "$dc"
