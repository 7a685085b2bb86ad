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
  # one pcap of all Ethernet corpus captures (pcapng and the damaged file left out), ordered by time
  files=$(ls "$CORPUS"/*.pcap | grep -v -e damaged-file -e truncated-snaplen)
  mergecap -F pcap -w "$SEED" $files
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

JAR=$(ls "$ROOT"/cli/target/dscover-cli-*-all.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  (cd "$ROOT" && mvn -q -o -B -DskipTests package) >&2
  JAR=$(ls "$ROOT"/cli/target/dscover-cli-*-all.jar | head -1)
fi
BYTES=$(stat -c %s "$BIG")
PKTS=$(capinfos -M -c "$BIG" | awk -F': *' '/Number of packets/ {print $2}')
echo "capture: $BIG ($BYTES bytes, $PKTS packets)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # name, command...
  local name="$1"; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  local m
  m=$(printf '%s\n' "${times[@]}" | median)
  printf '%-34s median %8.2f s  %10.0f pkt/s  %8.1f MB/s\n' "$name" "$m" "$(echo "$PKTS / $m" | bc -l)" \
    "$(echo "$BYTES / 1048576 / $m" | bc -l)"
  eval "T_$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_' )=$m"
  echo "$name $m" >> "$WORK/results.txt"
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
  printf "ratios (time of reference / time of dscover):\n";
  printf "  softflowd / dscover flows only      %.2fx\n", v["softflowd -r F"] / v["dscover flows only"];
  printf "  tshark / dscover flows+content      %.2fx\n", v["tshark -T fields (same fields)"] / v["dscover flows+content"];
  printf "  dscover flows only / tcpdump read   %.2fx slower\n", v["dscover flows only"] / v["tcpdump -r F -w /dev/null"];
  printf "  dscover flows+content / tcpdump     %.2fx slower\n", v["dscover flows+content"] / v["tcpdump -r F -w /dev/null"];
}' "$WORK/results.txt"
echo
echo "memory: peak RSS of dscover flows+content under -Xmx512m:"
/usr/bin/time -f "  %M KiB max resident" $JAVA collect -q -o /dev/null "$BIG" 2>&1 | tail -1
