#!/usr/bin/env bash
# Zeek conn.log throughput: dscover's Zeek collector (TSV and JSON into events) against
# `mlr --itsv --ojson cat` and `jq -c .` on the same generated log.
#
#   benchmarks/zeek/run.sh [ROWS] [RUNS]      (defaults: 5000000 rows, 5 runs of ours, 3 of each reference)
#
# Needs a JDK 17, Maven (offline repository filled by a normal build), mlr and jq
# (apt-get install -y miller jq), and about 3 GB in benchmarks/results/ for 5 M rows.
# Prints per-run figures, then medians and ratios; keeps everything in benchmarks/results/zeek/.
# Rates are given per wall-clock second and per CPU second (user+sys of the whole process, "per
# core"): on a shared machine the CPU figure is the stable one.
set -euo pipefail

rows="${1:-5000000}"
runs="${2:-5}"
ref_runs=3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/benchmarks/results/zeek"
mkdir -p "$out"
report="$out/report-$(date +%Y%m%d-%H%M%S).txt"

for tool in java mvn mlr jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

echo "== building (offline) ==" >&2
(cd "$root" && mvn -q -B -o -pl collectors -am test-compile >&2)
(cd "$root" && mvn -q -B -o -pl collectors dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$out/classpath.txt" >&2)
# this worktree's classes first: the SNAPSHOT jars in ~/.m2 may be someone else's build
cp="$root/collectors/target/test-classes:$root/collectors/target/classes:$root/model/target/classes:$(cat "$out/classpath.txt")"
jvm=(java -XX:+UseParallelGC -Xmx256m -cp "$cp")

data="$out/data-$rows"
if [[ ! -s "$data/conn.json" ]]; then
    echo "== generating $rows rows ==" >&2
    "${jvm[@]}" io.dscover.collect.zeek.ConnLogGenerator "$rows" "$data"
fi
# Miller reads plain TSV: the #fields names as its header line, Zeek's other # lines left out
if [[ ! -s "$data/conn.mlr.tsv" ]]; then
    { grep -m1 '^#fields' "$data/conn.log" | cut -f2-; grep -v '^#' "$data/conn.log"; } > "$data/conn.mlr.tsv"
fi
tsv_bytes=$(stat -c %s "$data/conn.log")
json_bytes=$(stat -c %s "$data/conn.json")

{
echo "Zeek conn.log throughput, $rows rows ($((tsv_bytes / 1048576)) MiB TSV, $((json_bytes / 1048576)) MiB JSON)"
echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), mlr $(mlr --version | cut -d' ' -f2), $(jq --version)"
echo
} | tee "$report"

ours() { # format file
    local log="$out/ours-$1.log"
    /usr/bin/time -f "%e %U %S %M" -o "$out/ours-$1.time" "${jvm[@]}" io.dscover.collect.zeek.ZeekThroughput "$2" "$runs" > "$log"
    cat "$log" | tee -a "$report"
    echo "  peak RSS $(( $(cut -d' ' -f4 "$out/ours-$1.time") / 1024 )) MiB (heap capped at 256 MiB)" | tee -a "$report"
}

reference() { # name command...
    local name="$1"
    shift
    local walls=() cpus=() rss=0
    for ((i = 1; i <= ref_runs; i++)); do
        /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" > /dev/null
        read -r wall user sys maxrss < "$out/$name.time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc -l)")
        rss=$maxrss
        printf "%s run %d: %.2f s wall, %.2f s cpu, %.0f records/s wall, %.0f records/cpu-s\n" "$name" "$i" "$wall" \
            "${cpus[-1]}" "$(echo "$rows / $wall" | bc -l)" "$(echo "$rows / ${cpus[-1]}" | bc -l)" | tee -a "$report"
    done
    local mw mc
    mw=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(( (ref_runs + 1) / 2 ))p")
    mc=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "$(( (ref_runs + 1) / 2 ))p")
    printf "%s median: %.0f records/s wall, %.0f records/cpu-s; peak RSS %d MiB\n" "$name" \
        "$(echo "$rows / $mw" | bc -l)" "$(echo "$rows / $mc" | bc -l)" $((rss / 1024)) | tee -a "$report"
    echo "$(echo "$rows / $mw" | bc -l) $(echo "$rows / $mc" | bc -l)" > "$out/$name.rates"
}

echo "== dscover zeek collector, TSV -> events ==" | tee -a "$report"
ours tsv "$data/conn.log"
echo "== dscover zeek collector, JSON -> events ==" | tee -a "$report"
ours json "$data/conn.json"
echo "== memory: the same files with the heap capped at 32 MiB ==" | tee -a "$report"
for f in conn.log conn.json; do
    /usr/bin/time -f "%M" -o "$out/small-heap.time" java -XX:+UseParallelGC -Xmx32m -cp "$cp" \
        io.dscover.collect.zeek.ZeekThroughput "$data/$f" 1 | grep '^run' | tee -a "$report"
    echo "  $f with -Xmx32m: peak RSS $(( $(cat "$out/small-heap.time") / 1024 )) MiB" | tee -a "$report"
done
echo "== mlr --itsv --ojson cat ==" | tee -a "$report"
reference mlr mlr --itsv --ojson cat "$data/conn.mlr.tsv"
echo "== jq -c . ==" | tee -a "$report"
reference jq jq -c . "$data/conn.json"

median_of() { grep '^median' "$out/ours-$1.log" | sed -E 's/median ([0-9,]+) records\/s wall, ([0-9,]+) records\/cpu-s.*/\1 \2/' | tr -d ,; }
read -r tsv_wall tsv_cpu < <(median_of tsv)
read -r json_wall json_cpu < <(median_of json)
read -r mlr_wall mlr_cpu < "$out/mlr.rates"
read -r jq_wall jq_cpu < "$out/jq.rates"
{
echo
echo "== summary (medians) =="
printf "%-34s %15s %18s\n" "" "records/s wall" "records/cpu-s"
printf "%-34s %15.0f %18.0f\n" "dscover zeek TSV -> events" "$tsv_wall" "$tsv_cpu"
printf "%-34s %15.0f %18.0f\n" "dscover zeek JSON -> events" "$json_wall" "$json_cpu"
printf "%-34s %15.0f %18.0f\n" "mlr --itsv --ojson cat (TSV)" "$mlr_wall" "$mlr_cpu"
printf "%-34s %15.0f %18.0f\n" "jq -c . (JSON)" "$jq_wall" "$jq_cpu"
printf "ratio dscover TSV / mlr:  %.1fx wall, %.1fx per cpu-s\n" "$(echo "$tsv_wall / $mlr_wall" | bc -l)" "$(echo "$tsv_cpu / $mlr_cpu" | bc -l)"
printf "ratio dscover JSON / jq:  %.1fx wall, %.1fx per cpu-s\n" "$(echo "$json_wall / $jq_wall" | bc -l)" "$(echo "$json_cpu / $jq_cpu" | bc -l)"
printf "ratio dscover JSON / mlr: %.1fx wall, %.1fx per cpu-s\n" "$(echo "$json_wall / $mlr_wall" | bc -l)" "$(echo "$json_cpu / $mlr_cpu" | bc -l)"
} | tee -a "$report"
echo "report: $report" >&2
