package io.dscover.collect.pcap.flow;

/**
 * Teredo (RFC 4380) detection: IPv6 inside UDP, optionally after authentication and origin
 * indication headers. Off the Teredo port only packets with a Teredo (2001:0::/32) address count.
 */
final class Teredo {

    private Teredo() {
    }

    /** Offset of the inner IPv6 header, or -1 when the payload is not Teredo. */
    static int innerIpv6(byte[] b, int p, int len, boolean teredoPort) {
        int end = p + len;
        int q = p;
        if (end - q >= 2 && b[q] == 0 && b[q + 1] == 1) { // authentication
            if (end - q < 13) {
                return -1;
            }
            int idLen = b[q + 2] & 0xff;
            int authLen = b[q + 3] & 0xff;
            q += 4 + idLen + authLen + 9;
        }
        if (end - q >= 2 && b[q] == 0 && b[q + 1] == 0) { // origin indication
            q += 8;
        }
        if (end - q < 40 || ((b[q] & 0xff) >> 4) != 6) {
            return -1;
        }
        int payload = ((b[q + 4] & 0xff) << 8) | (b[q + 5] & 0xff);
        if (payload + 40 != end - q) {
            return -1;
        }
        if (!teredoPort && !teredoAddress(b, q + 8) && !teredoAddress(b, q + 24)) {
            return -1;
        }
        return q;
    }

    private static boolean teredoAddress(byte[] b, int p) {
        return b[p] == 0x20 && b[p + 1] == 0x01 && b[p + 2] == 0 && b[p + 3] == 0;
    }
}
