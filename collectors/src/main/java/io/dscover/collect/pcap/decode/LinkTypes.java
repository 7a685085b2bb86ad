package io.dscover.collect.pcap.decode;

/** The DLT/LINKTYPE values dscover decodes (tcpdump.org/linktypes.html). */
public final class LinkTypes {

    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int RAW_OPENBSD = 12;
    public static final int RAW_ALT = 14;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    /** Pseudo link types for tunnel payloads. */
    public static final int INNER_ETHERNET = -1;
    public static final int INNER_IP = -2;
    public static final int INNER_PPP = -3;

    private LinkTypes() {
    }

    public static boolean supported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW, RAW_OPENBSD, RAW_ALT, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }
}
