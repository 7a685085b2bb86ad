#!/usr/bin/env bash
# Throughput of the pcap collector against tcpdump (read limit), softflowd (C flow exporter) and
# tshark (field extraction) on one large capture. Prints medians of several runs and ratios.
#
#   benchmarks/pcap/run.sh [SIZE_MB] [RUNS]      (default 1024 MB, 3 runs)
#
# The capture is built from the developer corpus (../shared/corpus/pcap), time-shifted copies merged
# with editcap/mergecap until it reaches SIZE_MB. Needs: apt-get install -y tshark softflowd tcpdump wireshark-common
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SIZE_MB="${1:-1024}"
RUNS="${2:-3}"
WORK="${BENCH_DIR:-/tmp/dscover-pcap-bench}"
mkdir -p "$WORK"
BIG="$WORK/big-${SIZE_MB}.pcap"
CORPUS="$ROOT/../shared/corpus/pcap"

if [ ! -f "$BIG" ]; then
  echo "building $BIG ..." >&2
  SEED="$WORK/seed.pcap"
  # every corpus capture (the damaged ones left out) moved to start 10 s after the previous one, so
  # the seed spans minutes, not the years between the original captures; then merged by time
  base=1700000000
  k=0
  parts=()
  for f in $(ls "$CORPUS"/*.pcap | grep -v -e damaged-file -e truncated-snaplen); do
    start=$(capinfos -T -r -S -a "$f" | awk -F'\t' '{print int($2)}')
    editcap -F pcap -t $((base + k * 10 - start)) "$f" "$WORK/part-$k.pcap"
    parts+=("$WORK/part-$k.pcap")
    k=$((k + 1))
  done
  mergecap -F pcap -w "$SEED" "${parts[@]}"
  rm -f "${parts[@]}"
  cp "$SEED" "$WORK/acc.pcap"
  i=1
  while [ "$(stat -c %s "$WORK/acc.pcap")" -lt $((SIZE_MB * 1024 * 1024)) ]; do
    editcap -F pcap -t $((i * 3600)) "$WORK/acc.pcap" "$WORK/shift.pcap"
    mergecap -F pcap -a -w "$WORK/next.pcap" "$WORK/acc.pcap" "$WORK/shift.pcap"
    mv "$WORK/next.pcap" "$WORK/acc.pcap"
    i=$((i * 2))
  done
  mv "$WORK/acc.pcap" "$BIG"
  rm -f "$WORK/shift.pcap"
fi

JAR="$ROOT/cli/target/dscover.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -q -o -B -DskipTests package) >&2

fi
BYTES=$(stat -c %s "$BIG")
PKTS=$(capinfos -M -c "$BIG" | awk -F': *' '/Number of packets/ {print $2}')
echo "capture: $BIG ($BYTES bytes, $PKTS packets)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# The machine is shared (load from other builds), so besides wall time each run's CPU time
# (user + system, all threads) is taken; the ratios use CPU time, which contention hardly moves.
measure() { # name, command...
  local name="$1"; shift
  local walls=() cpus=() runs="$RUNS"
  case "$name" in tshark*) runs="${TSHARK_RUNS:-1}" ;; esac # tshark takes minutes per GB
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "$@" > /dev/null 2>&1 || true
    read -r wall user sys < "$WORK/time.txt"
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc -l)")
  done
  local w c
  w=$(printf '%s\n' "${walls[@]}" | median)
  c=$(printf '%s\n' "${cpus[@]}" | median)
  printf '%-34s wall %7.2f s  cpu %7.2f s  %9.0f pkt/s  %7.1f MB/s (per cpu second)\n' "$name" "$w" "$c" \
    "$(echo "$PKTS / $c" | bc -l)" "$(echo "$BYTES / 1048576 / $c" | bc -l)"
  echo "$name $c" >> "$WORK/results.txt"
}

: > "$WORK/results.txt"
JAVA="java -Xmx512m -jar $JAR"
measure "tcpdump -r F -w /dev/null" tcpdump -r "$BIG" -w /dev/null
measure "softflowd -r F" softflowd -r "$BIG" -n 127.0.0.1:9 -d
measure "dscover flows only" $JAVA collect -q --collector-option pcap.content=false -o /dev/null "$BIG"
measure "dscover flows+content" $JAVA collect -q -o /dev/null "$BIG"
measure "tshark -T fields (same fields)" tshark -n -r "$BIG" -T fields -e frame.time_epoch -e ip.src -e ip.dst \
  -e tcp.srcport -e tcp.dstport -e udp.srcport -e udp.dstport -e dns.qry.name -e dns.flags.rcode -e http.request.method \
  -e http.host -e http.request.uri -e http.user_agent -e http.response.code -e tls.handshake.extensions_server_name \
  -e tls.handshake.ja3 -e tls.handshake.ja3s

echo
awk '{t[$0]=$NF} {n=$0; sub(/ [0-9.]+$/, "", n); v[n]=$NF} END {
  printf "ratios (cpu time of reference / cpu time of dscover):\n";
  printf "  softflowd / dscover flows only      %.2fx\n", v["softflowd -r F"] / v["dscover flows only"];
  printf "  tshark / dscover flows+content      %.2fx\n", v["tshark -T fields (same fields)"] / v["dscover flows+content"];
  printf "  dscover flows only / tcpdump read   %.2fx slower\n", v["dscover flows only"] / v["tcpdump -r F -w /dev/null"];
  printf "  dscover flows+content / tcpdump     %.2fx slower\n", v["dscover flows+content"] / v["tcpdump -r F -w /dev/null"];
}' "$WORK/results.txt"
echo
echo "collector only (no JSON output), one JVM, 3 rounds each (round 1 includes JIT warm-up):"
CP="$ROOT/collectors/target/test-classes:$ROOT/collectors/target/classes:$ROOT/model/target/classes"
if [ ! -d "$ROOT/collectors/target/test-classes" ]; then
  (cd "$ROOT" && mvn -q -o -B -pl collectors -am test-compile) >&2
fi
echo " flows only:"
java -Xmx512m -cp "$CP" io.dscover.collect.pcap.bench.PcapThroughput "$BIG" content=false 3 | sed 's/^/  /'
echo " flows + content:"
java -Xmx512m -cp "$CP" io.dscover.collect.pcap.bench.PcapThroughput "$BIG" content=true 3 | sed 's/^/  /'
echo
echo "memory: peak RSS of dscover flows+content under -Xmx512m:"
/usr/bin/time -f "  %M KiB max resident" $JAVA collect -q -o /dev/null "$BIG" 2>&1 | tail -1
