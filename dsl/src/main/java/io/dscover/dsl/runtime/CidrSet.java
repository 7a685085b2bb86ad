package io.dscover.dsl.runtime;

import io.dscover.model.event.IpAddresses;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of IPv4 and IPv6 networks answering "is this address in any of them" by binary search over
 * sorted, merged ranges (IPv4 as unsigned 32-bit values, IPv6 as two unsigned 64-bit halves).
 *
 * <p>Answers are remembered for the last few addresses asked about (a small direct-mapped table on
 * the string's hash): a rule library asks the same question of the same event's addresses for rule
 * after rule ("is the source internal" is in most network rules), and parsing the address text was
 * the largest cost of these constraints in engine profiles. Several matcher threads share a set; the
 * table holds immutable entries, so a racy read sees a whole entry or a miss, never a wrong answer.
 */
final class CidrSet {

    private static final int MEMO_SLOTS = 64;

    private record Answer(String ip, boolean in) {
    }

    private final Answer[] memo = new Answer[MEMO_SLOTS];

    private final long[] v4Lo;
    private final long[] v4Hi;
    private final long[][] v6Lo;
    private final long[][] v6Hi;

    private CidrSet(long[] v4Lo, long[] v4Hi, long[][] v6Lo, long[][] v6Hi) {
        this.v4Lo = v4Lo;
        this.v4Hi = v4Hi;
        this.v6Lo = v6Lo;
        this.v6Hi = v6Hi;
    }

    /** Parses space-separated CIDRs or addresses; anything unparseable is skipped (the validator rejected it already). */
    static CidrSet parse(String networks) {
        List<long[]> v4 = new ArrayList<>();
        List<long[][]> v6 = new ArrayList<>();
        for (String item : networks.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            byte[] a = IpAddresses.parse(slash < 0 ? item : item.substring(0, slash));
            if (a == null) {
                continue;
            }
            int prefix = slash < 0 ? a.length * 8 : Integer.parseInt(item.substring(slash + 1));
            if (a.length == 4) {
                long v = u32(a, 0);
                long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
                v4.add(new long[] {v & mask, (v & mask) | (~mask & 0xffffffffL)});
            } else {
                long hi = u64(a, 0);
                long lo = u64(a, 8);
                long[] net = maskV6(hi, lo, prefix);
                long[] top = {net[0] | (prefix >= 64 ? 0 : (prefix == 0 ? -1L : -1L >>> prefix)),
                        net[1] | (prefix >= 128 ? 0 : (prefix <= 64 ? -1L : -1L >>> (prefix - 64)))};
                v6.add(new long[][] {net, top});
            }
        }
        v4.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> m4 = new ArrayList<>();
        for (long[] r : v4) {
            if (!m4.isEmpty() && r[0] <= m4.get(m4.size() - 1)[1] + 1) {
                m4.get(m4.size() - 1)[1] = Math.max(m4.get(m4.size() - 1)[1], r[1]);
            } else {
                m4.add(r.clone());
            }
        }
        v6.sort((x, y) -> compare(x[0], y[0]));
        List<long[][]> m6 = new ArrayList<>();
        for (long[][] r : v6) {
            if (!m6.isEmpty() && compare(r[0], m6.get(m6.size() - 1)[1]) <= 0) {
                long[][] last = m6.get(m6.size() - 1);
                if (compare(r[1], last[1]) > 0) {
                    last[1] = r[1];
                }
            } else {
                m6.add(new long[][] {r[0].clone(), r[1].clone()});
            }
        }
        long[] lo4 = m4.stream().mapToLong(r -> r[0]).toArray();
        long[] hi4 = m4.stream().mapToLong(r -> r[1]).toArray();
        return new CidrSet(lo4, hi4, m6.stream().map(r -> r[0]).toArray(long[][]::new),
                m6.stream().map(r -> r[1]).toArray(long[][]::new));
    }

    private static long[] maskV6(long hi, long lo, int prefix) {
        long mh = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
        long ml = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        return new long[] {hi & mh, lo & ml};
    }

    boolean contains(String ip) {
        int slot = ip.hashCode() & (MEMO_SLOTS - 1);
        Answer known = memo[slot];
        if (known != null && (known.ip == ip || known.ip.equals(ip))) {
            return known.in;
        }
        boolean in = lookup(ip);
        memo[slot] = new Answer(ip, in);
        return in;
    }

    private boolean lookup(String ip) {
        byte[] a = IpAddresses.parse(ip);
        if (a == null) {
            return false;
        }
        if (a.length == 4) {
            long v = u32(a, 0);
            int i = upperIndex(v4Lo, v);
            return i >= 0 && v <= v4Hi[i];
        }
        long[] v = {u64(a, 0), u64(a, 8)};
        int lo = 0;
        int hi = v6Lo.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(v6Lo[mid], v) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && compare(v, v6Hi[found]) <= 0;
    }

    // index of the last range starting at or below v, or -1
    private static int upperIndex(long[] starts, long v) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= v) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static int compare(long[] a, long[] b) {
        int c = Long.compareUnsigned(a[0], b[0]);
        return c != 0 ? c : Long.compareUnsigned(a[1], b[1]);
    }

    private static long u32(byte[] a, int off) {
        return ((a[off] & 0xffL) << 24) | ((a[off + 1] & 0xffL) << 16) | ((a[off + 2] & 0xffL) << 8) | (a[off + 3] & 0xffL);
    }

    private static long u64(byte[] a, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (a[off + i] & 0xffL);
        }
        return v;
    }
}
