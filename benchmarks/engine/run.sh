#!/usr/bin/env bash
# Engine benchmarks (not unit tests): throughput of the Drools engine against a plain-Java
# implementation of the same checks on the same synthetic flows, and a heap soak in -Xmx512m.
#
#   benchmarks/engine/run.sh throughput [RUNS] [EVENTS]   # default 3 runs of 10,000,000 events
#   benchmarks/engine/run.sh soak [EVENTS] [RATE]         # default 10,000,000 events at 40 rows/s, built-in library
#   benchmarks/engine/run.sh quick                        # 1 run of 1,000,000 events, to try it out
#   THREADS="0 1 2" benchmarks/engine/run.sh throughput   # matcher threads to try (default: 1)
#   RULES="alpha50 alpha200" benchmarks/engine/run.sh throughput   # rule sets to run (default: all four)
#   GENERATE=no ...                                        # skip the generator-only runs
#
# Rule sets: alpha50 / alpha200 (per-event rules) and realistic (20 per-event rules, 5 aggregates, a
# beacon, a sequence) on flow records, each against a hand-written plain-Java twin; library (the
# built-in .det rules compiled by the DSL) on Zeek-like traffic (connection + flow per row, dns).
#
# Each run is a fresh JVM. Results go to benchmarks/engine/results/<time>/ and a summary with
# medians and ratios is printed. The machine is shared: the load average is recorded per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=benchmarks/engine
mode=${1:-quick}

mvn -q -B -o -pl rules -am test-compile -DskipTests >/dev/null 2>&1 || mvn -q -B -pl rules -am test-compile -DskipTests
mvn -q -B -o -pl rules dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/rules/target/bench.classpath" >/dev/null
# our own modules from this checkout, never from ~/.m2; copied, so a rebuild during a long run changes nothing
deps=$(tr ':' '\n' < rules/target/bench.classpath | grep -v '/io/dscover/' | paste -sd: -)
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out/classes"
for m in rules/target/test-classes rules/target/classes model/target/classes dsl/target/classes; do
  mkdir -p "$out/classes/$m" && cp -r "$m/." "$out/classes/$m/"
done
cp="$out/classes/rules/target/test-classes:$out/classes/rules/target/classes:$out/classes/model/target/classes:$out/classes/dsl/target/classes:$deps"
git rev-parse --short HEAD > "$out/commit" 2>/dev/null || true
cache="rules/target/bench-kjar-cache"

bench() { # bench NAME HEAP ARGS...
  local name=$1 heap=$2; shift 2
  echo "== $name $*" >&2
  java -Xms"$heap" -Xmx"$heap" -XX:+UseParallelGC -cp "$cp" io.dscover.rules.bench.EngineBenchmark "$@" \
      --cache "$cache" 2>>"$out/stderr.log" | tee -a "$out/results.txt"
}

case "$mode" in
  quick)
    runs=1; events=${2:-1000000} ;;
  throughput)
    runs=${2:-3}; events=${3:-10000000} ;;
  soak)
    events=${2:-10000000}; rate=${3:-40}
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/soak.txt"
    java -Xmx512m -XX:+UseParallelGC -cp "$cp" io.dscover.rules.bench.SoakBenchmark --events "$events" --rate "$rate" \
        --cache "$cache" 2>>"$out/stderr.log" | tee -a "$out/soak.txt"
    echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/soak.txt"
    exit 0 ;;
  *) echo "usage: $0 quick|throughput [RUNS] [EVENTS]|soak [EVENTS] [RATE]" >&2; exit 2 ;;
esac

threads_list=${THREADS:-1}
for run in $(seq 1 "$runs"); do
  if [ "${GENERATE:-yes}" = yes ]; then
    bench generate-flows 2g --impl generate --traffic flows --events "$events"
    bench generate-zeek 2g --impl generate --traffic zeek --events "$events"
  fi
  for rules in ${RULES:-library realistic alpha50 alpha200}; do
    if [ "$rules" != library ]; then
      bench "$rules-java" 2g --rules "$rules" --impl java --events "$events"
    fi
    for threads in $threads_list; do
      bench "$rules-drools-t$threads" 2g --rules "$rules" --impl drools --threads "$threads" --events "$events"
    done
  done
done
python3 "$here/summarize.py" "$out/results.txt" | tee "$out/summary.txt"
