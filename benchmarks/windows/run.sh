#!/usr/bin/env bash
# Windows collector throughput: events/s (median of several runs) for wevtutil XML, NXLog JSON,
# Winlogbeat JSON and EVTX, in a small fixed heap; then jq over the same JSON files as a reference point.
# Usage: benchmarks/windows/run.sh [EVENTS] [RUNS]   (defaults 200000 and 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
events="${1:-200000}"
runs="${2:-5}"
dir="${TMPDIR:-/tmp}/dscover-windows-bench"
cd "$root"
mvn -q -B -o -pl collectors -am test-compile >/dev/null
cp="$root/collectors/target/test-classes:$root/collectors/target/classes:$root/model/target/classes"
cp="$cp:$(mvn -q -B -o -pl collectors dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
echo "== dscover windows collector, -Xmx64m (memory must stay flat whatever the file size)"
java -Xmx64m -XX:+UseParallelGC -cp "$cp" io.dscover.collect.windows.WindowsThroughput "$dir" "$events" "$runs"
if command -v jq >/dev/null; then
    echo "== reference: jq -c . (parse and re-print each JSON line, no mapping), median of $runs runs"
    for f in nxlog.json winlogbeat.ndjson; do
        times=()
        for _ in $(seq "$runs"); do
            s=$(date +%s.%N); jq -c . "$dir/$f" >/dev/null; e=$(date +%s.%N)
            times+=("$(echo "$e - $s" | bc -l)")
        done
        median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
        printf '%-18s jq median %10.0f lines/s\n' "$f" "$(echo "$events / $median" | bc -l)"
    done
fi
