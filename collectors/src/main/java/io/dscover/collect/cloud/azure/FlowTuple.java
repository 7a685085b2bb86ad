package io.dscover.collect.cloud.azure;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.IpAddresses;

/**
 * One Azure flow tuple, the comma-separated string both flow log kinds use:
 * <ul>
 * <li>NSG version 1 (8 fields): {@code time, src, dst, sport, dport, T|U, I|O, A|D}</li>
 * <li>NSG version 2 (13): version 1 plus {@code B|C|E, packets src->dst, bytes src->dst, packets
 * dst->src, bytes dst->src} (empty on B)</li>
 * <li>VNet (13): {@code time(ms), src, dst, sport, dport, protocol number, I|O, B|C|E|D, encryption,}
 * and the four counters ({@code 0} or empty on B and D)</li>
 * </ul>
 * The shape tells the kind: a letter protocol is an NSG tuple, a number a VNet tuple. Counters of
 * C and E tuples are deltas since the flow's previous tuple, so summing them is right.
 */
final class FlowTuple {

    /** Which flow log kind a tuple came from. */
    enum Kind { NSG_V1, NSG_V2, VNET }

    private static final int MAX_FIELDS = 16;
    private static final long MILLIS_THRESHOLD = 100_000_000_000L; // epoch seconds stay below this until 5138

    private FlowTuple() {
    }

    /** Why a tuple could not be read. */
    static final class BadTuple extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        BadTuple(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Parses a tuple into the event's 5-tuple, time, direction, decision, state and counters; returns its kind. */
    static Kind parse(String tuple, FlowEvent e) throws BadTuple {
        String[] f = split(tuple);
        if (f.length != 8 && f.length != 13) {
            throw new BadTuple("wrong tuple field count", f.length + " fields (8 for NSG v1, 13 for NSG v2 and VNet)");
        }
        long t = number(f[0], "time");
        if (t < 0) {
            throw new BadTuple("invalid time", "'" + f[0] + "'");
        }
        if (t >= MILLIS_THRESHOLD) {
            e.setTs(t * 1_000_000L, 3);
        } else {
            e.setTs(t * 1_000_000_000L, 0);
        }
        String src = IpAddresses.canonical(f[1]);
        String dst = IpAddresses.canonical(f[2]);
        if (src == null || dst == null) {
            throw new BadTuple("invalid address", "'" + clip(f[1]) + "' -> '" + clip(f[2]) + "'");
        }
        e.setSourceIp(src);
        e.setDestinationIp(dst);
        e.setNetworkType(src.indexOf(':') >= 0 ? "ipv6" : "ipv4");
        long sport = number(f[3], "port");
        long dport = number(f[4], "port");
        if (sport < 0 || sport > 65_535 || dport < 0 || dport > 65_535) {
            throw new BadTuple("invalid port", "'" + clip(f[3]) + "' -> '" + clip(f[4]) + "'");
        }
        e.setSourcePort(sport);
        e.setDestinationPort(dport);
        Kind kind;
        switch (f[5]) {
            case "T" -> e.setNetworkTransport("tcp");
            case "U" -> e.setNetworkTransport("udp");
            default -> {
                long p = number(f[5], "protocol");
                if (p < 0 || p > 255) {
                    throw new BadTuple("invalid protocol", "'" + clip(f[5]) + "'");
                }
                e.setNetworkTransport(io.dscover.model.event.IpProtocols.name((int) p));
            }
        }
        boolean letterProtocol = f[5].equals("T") || f[5].equals("U");
        switch (f[6]) {
            case "I" -> e.setNetworkDirection("ingress");
            case "O" -> e.setNetworkDirection("egress");
            default -> throw new BadTuple("invalid direction", "'" + clip(f[6]) + "' (I or O)");
        }
        if (letterProtocol) {
            kind = f.length == 8 ? Kind.NSG_V1 : Kind.NSG_V2;
            switch (f[7]) {
                case "A" -> e.setEventAction("accept");
                case "D" -> e.setEventAction("reject");
                default -> throw new BadTuple("invalid decision", "'" + clip(f[7]) + "' (A or D)");
            }
            if (kind == Kind.NSG_V2) {
                state(f[8], false, e);
                counters(f, 9, e);
            }
        } else {
            if (f.length != 13) {
                throw new BadTuple("wrong tuple field count", f.length + " fields in a VNet tuple (13)");
            }
            kind = Kind.VNET;
            state(f[7], true, e);
            e.setEventAction(f[7].equals("D") ? "reject" : "accept");
            if (!f[8].isEmpty()) {
                e.setFlowEncryption(f[8]);
            }
            counters(f, 9, e);
        }
        return kind;
    }

    private static void state(String s, boolean denyAllowed, FlowEvent e) throws BadTuple {
        switch (s) {
            case "B", "C", "E" -> e.setFlowCloudState(s);
            case "D" -> {
                if (!denyAllowed) {
                    throw new BadTuple("invalid flow state", "'D' (B, C or E in NSG tuples)");
                }
                e.setFlowCloudState(s);
            }
            default -> throw new BadTuple("invalid flow state", "'" + clip(s) + "'");
        }
    }

    private static void counters(String[] f, int at, FlowEvent e) throws BadTuple {
        Long sp = counter(f[at]);
        Long sb = counter(f[at + 1]);
        Long dp = counter(f[at + 2]);
        Long db = counter(f[at + 3]);
        e.setSourcePackets(sp);
        e.setSourceBytes(sb);
        e.setDestinationPackets(dp);
        e.setDestinationBytes(db);
        if (sb != null || db != null) {
            e.setNetworkBytes((sb == null ? 0 : sb) + (db == null ? 0 : db));
        }
        if (sp != null || dp != null) {
            e.setNetworkPackets((sp == null ? 0 : sp) + (dp == null ? 0 : dp));
        }
    }

    private static Long counter(String s) throws BadTuple {
        if (s.isEmpty()) {
            return null;
        }
        long v = number(s, "counter");
        if (v < 0) {
            throw new BadTuple("invalid counter", "'" + clip(s) + "'");
        }
        return v;
    }

    private static long number(String s, String what) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static String[] split(String s) {
        String[] out = new String[MAX_FIELDS + 1];
        int n = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ',') {
                if (n > MAX_FIELDS) {
                    break;
                }
                out[n++] = s.substring(start, i).trim();
                start = i + 1;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
