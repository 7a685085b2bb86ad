package io.dscover.collect.pcap.decode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reassembles IPv4 and IPv6 fragments into whole datagrams, as Zeek does before its transport
 * analysis. Bounded: at most {@link #MAX_PENDING} datagrams and {@link #MAX_BYTES} bytes are held,
 * pieces per datagram are capped, and datagrams not completed within {@link #TIMEOUT_NANOS} are
 * dropped (and counted by the caller through {@link #dropped()}).
 */
final class FragmentReassembler {

    static final int MAX_PENDING = 1024;
    static final int MAX_BYTES = 8 << 20;
    static final int MAX_PIECES = 128;
    static final long TIMEOUT_NANOS = 30_000_000_000L;
    private static final int MAX_PAYLOAD = 65_535;

    private record Key(long a, long b, long c, long d, long id, int proto) {
    }

    private static final class Pending {
        byte[] header;
        final long firstTs;
        byte[] data = new byte[2048];
        final int[] starts = new int[MAX_PIECES];
        final int[] ends = new int[MAX_PIECES];
        int pieces;
        int total = -1;
        int held;

        Pending(long ts) {
            this.firstTs = ts;
        }
    }

    private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();
    private long heldBytes;
    private long dropped;

    long dropped() {
        return dropped;
    }

    private static long word(byte[] b, int off, int len, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            int p = i * 8 + k;
            v = (v << 8) | (p < len ? b[off + p] & 0xff : 0);
        }
        return v;
    }

    /**
     * Adds one fragment. {@code header} (a copy, only needed with the first fragment) is the IP
     * header to put in front of the reassembled payload; returns header and payload when this piece
     * completed the datagram (the caller fixes the length and fragment fields).
     */
    byte[] add(byte[] b, int addrOff, int addrLen, long id, int proto, byte[] header, int fragOffset, boolean more,
            int dataOff, int dataLen, long ts) {
        expire(ts);
        if (fragOffset + dataLen > MAX_PAYLOAD) {
            dropped++;
            return null;
        }
        Key key = new Key(word(b, addrOff, 2 * addrLen, 0), word(b, addrOff, 2 * addrLen, 1),
                word(b, addrOff, 2 * addrLen, 2), word(b, addrOff, 2 * addrLen, 3), id, proto);
        Pending p = pending.get(key);
        if (p == null) {
            while (pending.size() >= MAX_PENDING || heldBytes + dataLen > MAX_BYTES && !pending.isEmpty()) {
                evictOldest();
            }
            p = new Pending(ts);
            pending.put(key, p);
        }
        if (p.pieces >= MAX_PIECES) {
            remove(key, p);
            dropped++;
            return null;
        }
        int end = fragOffset + dataLen;
        if (end > p.data.length) {
            p.data = Arrays.copyOf(p.data, Math.min(MAX_PAYLOAD, Math.max(end, p.data.length * 2)));
        }
        System.arraycopy(b, dataOff, p.data, fragOffset, dataLen);
        p.starts[p.pieces] = fragOffset;
        p.ends[p.pieces] = end;
        p.pieces++;
        p.held += dataLen;
        heldBytes += dataLen;
        if (!more) {
            p.total = end;
        }
        if (fragOffset == 0) {
            p.header = header;
        }
        if (p.total >= 0 && p.header != null && covered(p)) {
            remove(key, p);
            byte[] whole = Arrays.copyOf(p.header, p.header.length + p.total);
            System.arraycopy(p.data, 0, whole, p.header.length, p.total);
            return whole;
        }
        return null;
    }

    private static boolean covered(Pending p) {
        int reach = 0;
        boolean progress = true;
        while (progress && reach < p.total) {
            progress = false;
            for (int i = 0; i < p.pieces; i++) {
                if (p.starts[i] <= reach && p.ends[i] > reach) {
                    reach = p.ends[i];
                    progress = true;
                }
            }
        }
        return reach >= p.total;
    }

    private void remove(Key key, Pending p) {
        pending.remove(key);
        heldBytes -= p.held;
    }

    private void evictOldest() {
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        Map.Entry<Key, Pending> e = it.next();
        heldBytes -= e.getValue().held;
        it.remove();
        dropped++;
    }

    private void expire(long now) {
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Pending> e = it.next();
            if (now - e.getValue().firstTs <= TIMEOUT_NANOS) {
                break;
            }
            heldBytes -= e.getValue().held;
            it.remove();
            dropped++;
        }
    }
}
