#!/usr/bin/env bash
# Cloud flow-log benchmarks (not part of the build):
#  1. AWS VPC flow log v2 text parse: dscover's collector vs awk and Miller on the same generated
#     file, medians of several runs, wall clock and CPU time, and ratios.
#  2. A multi-GB synthetic S3 export (gzip'd objects in the AWSLogs/ layout) audited end to end
#     with `dscover audit aws` in a 512 MB heap: time, records/s and peak RSS.
# The machine is shared and noisy: compare ratios and CPU-time figures, not absolute wall times.
#
# usage: benchmarks/cloud/run.sh [parse|audit|all]
#   env: RECORDS (parse file size, default 2000000), RUNS (default 5), AUDIT_GB (default 5),
#        WORK (scratch folder, default /tmp/dscover-cloud-bench; generated data is never committed)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/benchmarks/cloud"
what="${1:-all}"
RECORDS="${RECORDS:-2000000}"
RUNS="${RUNS:-5}"
AUDIT_GB="${AUDIT_GB:-5}"
WORK="${WORK:-/tmp/dscover-cloud-bench}"
mkdir -p "$WORK"

median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

parse_bench() {
    command -v mlr >/dev/null || { echo "Miller is needed: apt-get install -y miller" >&2; exit 2; }
    local file="$WORK/aws-v2-$RECORDS.log"
    [[ -f "$file" ]] || { echo "generating $RECORDS records..." >&2; python3 "$here/gen_aws_v2.py" "$RECORDS" "$file"; }
    (cd "$root" && mvn -q -o -B -pl collectors -am test-compile >&2 \
        && mvn -q -o -B -pl collectors dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >&2)
    local cp="$root/collectors/target/test-classes:$root/collectors/target/classes:$root/model/target/classes:$(cat "$WORK/cp.txt")"
    echo "== AWS v2 parse: $(wc -l < "$file") records, $(du -hL "$file" | cut -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx512m -XX:+UseParallelGC -cp "$cp" io.dscover.collect.cloud.aws.AwsParseBench "$file" "$RUNS" | tee "$WORK/dscover.txt"
    : > "$WORK/awk.txt"; : > "$WORK/mlr.txt"
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -f "%e %U %S" -a -o "$WORK/awk.txt" awk '{n+=$10} END{printf "%.0f\n", n}' "$file" > "$WORK/awk.sum"
    done
    for ((i = 0; i < (RUNS < 3 ? RUNS : 3); i++)); do
        /usr/bin/time -f "%e %U %S" -a -o "$WORK/mlr.txt" mlr --inidx --ifs ' ' --onidx stats1 -a sum -f 10 "$file" > "$WORK/mlr.sum"
    done
    local n; n=$(grep -c . "$file")
    local dw dc aw ac mw mc
    dw=$(grep -o 'median [0-9,]* records/s wall' "$WORK/dscover.txt" | tr -dc 0-9)
    dc=$(grep -o '[0-9,]* records per CPU-second' "$WORK/dscover.txt" | tr -dc 0-9)
    aw=$(awk -v n="$n" '{print n/$1}' "$WORK/awk.txt" | median)
    ac=$(awk -v n="$n" '{print n/($2+$3)}' "$WORK/awk.txt" | median)
    mw=$(awk -v n="$n" '{print n/$1}' "$WORK/mlr.txt" | median)
    mc=$(awk -v n="$n" '{print n/($2+$3)}' "$WORK/mlr.txt" | median)
    echo "bytes sum: dscover $(grep -o 'bytes sum [0-9]*' "$WORK/dscover.txt" | tr -dc 0-9), awk $(cat "$WORK/awk.sum"), mlr $(cat "$WORK/mlr.sum")"
    printf '%-8s %14s %18s\n' tool "records/s wall" "records/CPU-second"
    printf '%-8s %14.0f %18.0f\n' dscover "$dw" "$dc" awk "$aw" "$ac" mlr "$mw" "$mc"
    awk -v dw="$dw" -v dc="$dc" -v aw="$aw" -v ac="$ac" -v mw="$mw" -v mc="$mc" 'BEGIN{
        printf "ratio dscover/awk: %.2f wall, %.2f CPU;  dscover/mlr: %.2f wall, %.2f CPU\n", dw/aw, dc/ac, dw/mw, dc/mc }'
    echo "(awk sums one column; dscover builds a full flow event per record: addresses, ports, times, community id)"
}

audit_bench() {
    local dir="$WORK/export"
    local want=$((AUDIT_GB * 1024 * 1024 * 1024))
    if [[ ! -f "$dir/.complete-$AUDIT_GB" ]]; then
        rm -rf "$dir"
        echo "generating the base day..." >&2
        python3 "$here/gen_aws_export.py" "$dir" --hours 24 --records-per-file 20000
        local day; day=$(find "$dir" -name '*.log.gz' -exec zcat {} + | wc -c)
        local copies=$(( (want + day - 1) / day ))
        echo "one day = $day bytes uncompressed; linking $copies days" >&2
        python3 "$here/gen_aws_export.py" "$dir" --hours 24 --records-per-file 20000 --copies "$copies"
        touch "$dir/.complete-$AUDIT_GB"
    fi
    (cd "$root" && ./dscover --version >/dev/null)
    local files; files=$(find "$dir" -name '*.log.gz' | wc -l)
    echo "== audit: $files gzip objects, $(du -shL "$dir" | cut -f1) on disk (hard-linked days), ~${AUDIT_GB} GB uncompressed"
    /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" -o "$WORK/audit.time" \
        java -Xmx512m -XX:+UseParallelGC -jar "$root/cli/target/dscover.jar" audit aws "$dir" -q \
        --json "$WORK/audit.json" > "$WORK/audit.md"
    local recs secs
    recs=$(python3 -c "import json;print(json.load(open('$WORK/audit.json'))['findings']['visibility']['records'])")
    secs=$(cut -d' ' -f1 "$WORK/audit.time")
    echo "audit: $recs records in $(cat "$WORK/audit.time"); $(awk -v r="$recs" -v s="$secs" 'BEGIN{printf "%.0f", r/s}') records/s"
    head -12 "$WORK/audit.md"
}

case "$what" in
    parse) parse_bench ;;
    audit) audit_bench ;;
    all) parse_bench; audit_bench ;;
    *) echo "usage: $0 [parse|audit|all]" >&2; exit 2 ;;
esac
