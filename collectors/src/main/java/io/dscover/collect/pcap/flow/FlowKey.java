package io.dscover.collect.pcap.flow;

/**
 * Direction-free key of a connection: both endpoints (address, port) in a canonical order plus
 * the protocol. Mutable so one instance can probe the table without allocating; stored keys are copies.
 */
final class FlowKey {

    long a0;
    long a1;
    long b0;
    long b1;
    int ports;
    int proto;
    private int hash;

    private static long word(byte[] b, int off, int len, int half) {
        long v = 0;
        if (len == 4) {
            if (half == 0) {
                return 0;
            }
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
            return v | 0xffff_0000_0000L;
        }
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + half * 8 + i] & 0xff);
        }
        return v;
    }

    void set(byte[] b, int srcOff, int dstOff, int len, int sport, int dport, int proto) {
        long s0 = word(b, srcOff, len, 0);
        long s1 = word(b, srcOff, len, 1);
        long d0 = word(b, dstOff, len, 0);
        long d1 = word(b, dstOff, len, 1);
        int c = Long.compareUnsigned(s0, d0);
        if (c == 0) {
            c = Long.compareUnsigned(s1, d1);
        }
        if (c == 0) {
            c = Integer.compare(sport, dport);
        }
        if (c <= 0) {
            a0 = s0;
            a1 = s1;
            b0 = d0;
            b1 = d1;
            ports = (sport << 16) | dport;
        } else {
            a0 = d0;
            a1 = d1;
            b0 = s0;
            b1 = s1;
            ports = (dport << 16) | sport;
        }
        this.proto = proto;
        long h = a0 * 0x9E3779B97F4A7C15L ^ a1 * 0xC2B2AE3D27D4EB4FL ^ b0 * 0x165667B19E3779F9L
                ^ b1 * 0xD6E8FEB86659FD93L ^ ((long) ports << 8 | proto) * 0xFF51AFD7ED558CCDL;
        hash = (int) (h ^ (h >>> 32));
    }

    FlowKey copy() {
        FlowKey k = new FlowKey();
        k.a0 = a0;
        k.a1 = a1;
        k.b0 = b0;
        k.b1 = b1;
        k.ports = ports;
        k.proto = proto;
        k.hash = hash;
        return k;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && k.hash == hash && k.a0 == a0 && k.a1 == a1 && k.b0 == b0 && k.b1 == b1
                && k.ports == ports && k.proto == proto;
    }
}
