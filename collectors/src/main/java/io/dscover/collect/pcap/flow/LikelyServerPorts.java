package io.dscover.collect.pcap.flow;

import java.util.BitSet;

/**
 * Ports Zeek's default scripts register as likely server ports ({@code likely_server_ports}):
 * when a connection is first seen mid-stream, the side on such a port is taken as the responder.
 */
final class LikelyServerPorts {

    private static final BitSet TCP = new BitSet(65536);
    private static final BitSet UDP = new BitSet(65536);

    static {
        int[] tcp = {21, 22, 23, 25, 53, 80, 81, 88, 110, 111, 135, 139, 143, 179, 389, 443, 445, 465, 502, 563, 585, 587,
            614, 631, 636, 989, 990, 992, 993, 994, 995, 1080, 1433, 1521, 1883, 2049, 2404, 3128, 3260, 3306, 3389,
            4222, 5060, 5061, 5222, 5269, 5432, 5671, 5672, 5900, 6379, 6443, 6666, 6667, 6668, 6669, 8000, 8080, 8443,
            8883, 8888, 9200, 11211, 20000, 27017};
        int[] udp = {53, 67, 68, 69, 88, 111, 123, 137, 161, 162, 443, 500, 514, 520, 547, 1812, 1813, 2152, 3544,
            4500, 4789, 5060, 5353, 5355, 6081, 20000};
        for (int p : tcp) {
            TCP.set(p);
        }
        for (int p : udp) {
            UDP.set(p);
        }
    }

    private LikelyServerPorts() {
    }

    static boolean tcp(int port) {
        return TCP.get(port);
    }

    static boolean udp(int port) {
        return UDP.get(port);
    }
}
