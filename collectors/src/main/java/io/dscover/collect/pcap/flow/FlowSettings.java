package io.dscover.collect.pcap.flow;

/**
 * How connections are tracked.
 *
 * @param tcpTimeout       inactivity timeout of TCP connections (Zeek: 5 min)
 * @param udpTimeout       inactivity timeout of UDP flows (Zeek: 1 min)
 * @param icmpTimeout      inactivity timeout of ICMP flows (Zeek: 1 min)
 * @param maxFlows         connections held at once; past it the least recently active one is ended early (counted)
 * @param streamCap        out-of-order TCP bytes buffered per direction
 * @param verifyChecksums  drop packets with bad IP/TCP/UDP checksums, as Zeek does without -C
 * @param content          run the protocol dissectors (off: flows only)
 * @param dissectorMemory  bytes all dissectors may hold together (buffers, messages awaiting their reply)
 */
public record FlowSettings(long tcpTimeout, long udpTimeout, long icmpTimeout, int maxFlows, int streamCap,
        boolean verifyChecksums, boolean content, long dissectorMemory) {

    public static final long MINUTE = 60_000_000_000L;

    public static FlowSettings defaults() {
        return new FlowSettings(5 * MINUTE, MINUTE, MINUTE, 200_000, 64 * 1024, false, true, 64L << 20);
    }
}
