package io.dscover.model.event;

import java.util.Locale;

/** IANA protocol numbers and the names {@code network.transport} uses for them. */
public final class IpProtocols {

    public static final int ICMP = 1;
    public static final int IGMP = 2;
    public static final int IPV4 = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int IPV6 = 41;
    public static final int GRE = 47;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int ICMPV6 = 58;
    public static final int SCTP = 132;

    private static final String[] NAMES = new String[256];

    static {
        NAMES[ICMP] = "icmp";
        NAMES[IGMP] = "igmp";
        NAMES[IPV4] = "ipv4";
        NAMES[TCP] = "tcp";
        NAMES[UDP] = "udp";
        NAMES[IPV6] = "ipv6";
        NAMES[GRE] = "gre";
        NAMES[ESP] = "esp";
        NAMES[AH] = "ah";
        NAMES[ICMPV6] = "ipv6-icmp";
        NAMES[SCTP] = "sctp";
        NAMES[88] = "eigrp";
        NAMES[89] = "ospf";
        NAMES[103] = "pim";
        NAMES[112] = "vrrp";
        NAMES[115] = "l2tp";
    }

    private IpProtocols() {
    }

    /** The transport name of a protocol number; numbers without a name are written as decimal text. */
    public static String name(int number) {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("IP protocol number out of range: " + number);
        }
        String name = NAMES[number];
        return name != null ? name : Integer.toString(number);
    }

    /** The protocol number of a transport name or decimal text ("icmp6" and "icmpv6" are accepted too); -1 if unknown. */
    public static int number(String name) {
        if (name == null || name.isEmpty()) {
            return -1;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("icmp6") || n.equals("icmpv6")) {
            return ICMPV6;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (n.equals(NAMES[i])) {
                return i;
            }
        }
        if (n.length() <= 3 && n.chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(n);
            return v <= 255 ? v : -1;
        }
        return -1;
    }

    /** Whether the Community ID hash includes ports for this protocol (ICMP types/codes count as ports). */
    static boolean hasPorts(int number) {
        return number == TCP || number == UDP || number == SCTP || number == ICMP || number == ICMPV6;
    }

    /**
     * The paired message type of an ICMP or ICMPv6 request/reply (echo, timestamp, router and
     * neighbour discovery, ...), or -1 when the type is one-way: Zeek and Community ID use it as
     * the "destination port" so that a request and its reply share one flow.
     */
    public static int icmpCounterpart(int proto, int type) {
        if (proto == ICMP) {
            return switch (type) {
                case 8 -> 0;
                case 0 -> 8;
                case 13 -> 14;
                case 14 -> 13;
                case 15 -> 16;
                case 16 -> 15;
                case 10 -> 9;
                case 9 -> 10;
                case 17 -> 18;
                case 18 -> 17;
                default -> -1;
            };
        }
        return switch (type) {
            case 128 -> 129;
            case 129 -> 128;
            case 130 -> 131;
            case 131 -> 130;
            case 133 -> 134;
            case 134 -> 133;
            case 135 -> 136;
            case 136 -> 135;
            case 139 -> 140;
            case 140 -> 139;
            case 144 -> 145;
            case 145 -> 144;
            default -> -1;
        };
    }
}
