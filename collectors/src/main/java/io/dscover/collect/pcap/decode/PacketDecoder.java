package io.dscover.collect.pcap.decode;

import io.dscover.model.event.IpProtocols;

/**
 * Decodes link layers (Ethernet with 802.1Q/QinQ and MPLS, PPPoE, Linux SLL/SLL2, raw IP, BSD
 * loopback), IPv4 (options, fragments), IPv6 (extension headers, fragments) and the TCP, UDP and
 * ICMP headers into a {@link Datagram}. Hand-written on the frame's byte array: no allocation per
 * packet (only reassembled fragments allocate), every length checked against the captured bytes.
 */
public final class PacketDecoder {

    private static final int ETH_IPV4 = 0x0800;
    private static final int ETH_IPV6 = 0x86DD;
    private static final int ETH_VLAN = 0x8100;
    private static final int ETH_QINQ = 0x88A8;
    private static final int ETH_QINQ_OLD = 0x9100;
    private static final int ETH_MPLS = 0x8847;
    private static final int ETH_MPLS_MC = 0x8848;
    private static final int ETH_PPPOE = 0x8864;
    private static final int ETH_ARP = 0x0806;
    private static final int MAX_LABELS = 8;

    private final FragmentReassembler fragments = new FragmentReassembler();
    private final boolean verifyChecksums;
    private String problem;
    private String skipReason;
    private int arpOffset;
    private int arpEnd;

    public PacketDecoder(boolean verifyChecksums) {
        this.verifyChecksums = verifyChecksums;
    }

    /** Why the last decode was {@link DecodeResult#MALFORMED}. */
    public String problem() {
        return problem;
    }

    /** What the last skipped frame was, e.g. {@code ethertype 0x0806}. */
    public String skipReason() {
        return skipReason;
    }

    /** Where the ARP packet of the last {@link DecodeResult#ARP} frame starts. */
    public int arpOffset() {
        return arpOffset;
    }

    /** Where the frame of the last {@link DecodeResult#ARP} packet ends. */
    public int arpEnd() {
        return arpEnd;
    }

    /** Fragmented datagrams given up (timeout, limits). */
    public long fragmentsDropped() {
        return fragments.dropped();
    }

    private static final String[] ETHERTYPE_REASONS = new String[65536];

    /** Reasons are made once per ethertype: ARP-heavy captures would otherwise format a string per frame. */
    private static String etherTypeReason(int etherType) {
        if (etherType <= 1500) {
            return "802.3 LLC frame";
        }
        String r = ETHERTYPE_REASONS[etherType & 0xffff];
        if (r == null) {
            r = "ethertype 0x" + String.format("%04x", etherType);
            ETHERTYPE_REASONS[etherType & 0xffff] = r;
        }
        return r;
    }

    private DecodeResult malformed(String why) {
        problem = why;
        return DecodeResult.MALFORMED;
    }

    private DecodeResult skip(String why) {
        skipReason = why;
        return DecodeResult.SKIPPED_NOT_IP;
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    /**
     * Decodes a frame (or a tunnel payload when {@code linkType} is one of the {@code INNER_*}
     * pseudo types) from {@code off} to {@code end}.
     */
    public DecodeResult decode(int linkType, byte[] b, int off, int end, long ts, Datagram out) {
        out.vlan = -1;
        out.checksumOk = true;
        int p = off;
        int etherType;
        switch (linkType) {
            case LinkTypes.ETHERNET, LinkTypes.INNER_ETHERNET -> {
                if (end - p < 14) {
                    return malformed("Ethernet header truncated: " + (end - p) + " bytes");
                }
                etherType = u16(b, p + 12);
                p += 14;
            }
            case LinkTypes.LINUX_SLL -> {
                if (end - p < 16) {
                    return malformed("Linux cooked header truncated: " + (end - p) + " bytes");
                }
                etherType = u16(b, p + 14);
                p += 16;
            }
            case LinkTypes.LINUX_SLL2 -> {
                if (end - p < 20) {
                    return malformed("Linux cooked v2 header truncated: " + (end - p) + " bytes");
                }
                etherType = u16(b, p);
                p += 20;
            }
            case LinkTypes.NULL, LinkTypes.LOOP -> {
                if (end - p < 4) {
                    return malformed("loopback header truncated");
                }
                long be = u32(b, p);
                long le = Long.reverseBytes(be) >>> 32;
                long family = linkType == LinkTypes.LOOP ? be : (be > 0xffff ? le : be);
                p += 4;
                if (family == 2) {
                    etherType = ETH_IPV4;
                } else if (family == 24 || family == 28 || family == 30 || family == 10) {
                    etherType = ETH_IPV6;
                } else {
                    return skip("loopback family " + family);
                }
            }
            case LinkTypes.RAW, LinkTypes.RAW_OPENBSD, LinkTypes.RAW_ALT, LinkTypes.INNER_IP,
                    LinkTypes.IPV4, LinkTypes.IPV6 -> {
                if (end - p < 1) {
                    return malformed("empty IP packet");
                }
                int v = (b[p] & 0xff) >> 4;
                etherType = v == 4 ? ETH_IPV4 : v == 6 ? ETH_IPV6 : -1;
                if (etherType < 0) {
                    return malformed("IP version " + v);
                }
            }
            case LinkTypes.INNER_PPP -> {
                if (end - p >= 2 && (b[p] & 0xff) == 0xff && (b[p + 1] & 0xff) == 0x03) {
                    p += 2;
                }
                if (end - p < 2) {
                    return malformed("PPP header truncated");
                }
                int proto = u16(b, p);
                p += 2;
                etherType = proto == 0x0021 ? ETH_IPV4 : proto == 0x0057 ? ETH_IPV6 : -1;
                if (etherType < 0) {
                    return skip("PPP protocol 0x" + Integer.toHexString(proto));
                }
            }
            default -> {
                skipReason = "link type " + linkType;
                return DecodeResult.SKIPPED_LINK_TYPE;
            }
        }
        // VLAN tags, MPLS label stacks and PPPoE sessions in front of IP
        for (int guard = 0; guard < MAX_LABELS; guard++) {
            if (etherType == ETH_VLAN || etherType == ETH_QINQ || etherType == ETH_QINQ_OLD) {
                if (end - p < 4) {
                    return malformed("802.1Q tag truncated");
                }
                if (out.vlan < 0) {
                    out.vlan = u16(b, p) & 0x0fff;
                }
                etherType = u16(b, p + 2);
                p += 4;
            } else if (etherType == ETH_MPLS || etherType == ETH_MPLS_MC) {
                boolean bottom = false;
                int labels = 0;
                while (!bottom) {
                    if (end - p < 4 || ++labels > MAX_LABELS) {
                        return malformed("MPLS label stack truncated or too deep");
                    }
                    bottom = (b[p + 2] & 0x01) != 0;
                    p += 4;
                }
                if (end - p < 1) {
                    return malformed("MPLS payload missing");
                }
                int v = (b[p] & 0xff) >> 4;
                if (v == 4) {
                    etherType = ETH_IPV4;
                } else if (v == 6) {
                    etherType = ETH_IPV6;
                } else {
                    // pseudowire with a control word and Ethernet inside
                    if (end - p < 18) {
                        return skip("MPLS payload");
                    }
                    p += 4;
                    etherType = u16(b, p + 12);
                    p += 14;
                }
            } else if (etherType == ETH_PPPOE) {
                if (end - p < 8) {
                    return malformed("PPPoE header truncated");
                }
                int proto = u16(b, p + 6);
                p += 8;
                etherType = proto == 0x0021 ? ETH_IPV4 : proto == 0x0057 ? ETH_IPV6 : -2;
                if (etherType == -2) {
                    return skip("PPPoE protocol 0x" + Integer.toHexString(proto));
                }
            } else {
                break;
            }
        }
        if (etherType == ETH_IPV4) {
            return decodeIpv4(b, p, end, ts, out);
        }
        if (etherType == ETH_IPV6) {
            return decodeIpv6(b, p, end, ts, out);
        }
        if (etherType == ETH_ARP) {
            arpOffset = p;
            arpEnd = end;
            return DecodeResult.ARP;
        }
        return skip(etherTypeReason(etherType));
    }

    private DecodeResult decodeIpv4(byte[] b, int p, int end, long ts, Datagram out) {
        if (end - p < 20) {
            return malformed("IPv4 header truncated: " + (end - p) + " bytes");
        }
        int vihl = b[p] & 0xff;
        if (vihl >> 4 != 4) {
            return malformed("IPv4 header with version " + (vihl >> 4));
        }
        int hl = (vihl & 0x0f) * 4;
        int total = u16(b, p + 2);
        if (hl < 20 || end - p < hl) {
            return malformed("IPv4 header length " + hl);
        }
        if (total < hl) {
            // TSO captures write 0 here; take the captured length
            if (total == 0) {
                total = end - p;
            } else {
                return malformed("IPv4 total length " + total + " below header length " + hl);
            }
        }
        if (verifyChecksums && checksum(b, p, hl, 0) != 0xffff) {
            out.checksumOk = false;
        }
        int capturedEnd = Math.min(end, p + total); // drop Ethernet padding
        int fragField = u16(b, p + 6);
        boolean more = (fragField & 0x2000) != 0;
        int fragOffset = (fragField & 0x1fff) * 8;
        int proto = b[p + 9] & 0xff;
        out.buf = b;
        out.ipVersion = 4;
        out.ipOffset = p;
        out.addressOffset = p + 12;
        out.addressLength = 4;
        out.ttl = b[p + 8] & 0xff;
        out.protocol = proto;
        if (more || fragOffset > 0) {
            if (capturedEnd < p + total) {
                return malformed("IPv4 fragment truncated by the snap length");
            }
            byte[] header = null;
            if (fragOffset == 0) {
                header = java.util.Arrays.copyOfRange(b, p, p + hl);
            }
            byte[] whole = fragments.add(b, p + 12, 4, u16(b, p + 4), proto, header, fragOffset, more,
                    p + hl, total - hl, ts);
            if (whole == null) {
                return DecodeResult.FRAGMENT_HELD;
            }
            whole[2] = (byte) (whole.length >> 8);
            whole[3] = (byte) whole.length;
            whole[6] = 0;
            whole[7] = 0;
            return decodeIpv4(whole, 0, whole.length, ts, out);
        }
        out.ipWireLength = total;
        return decodeTransport(b, p + hl, capturedEnd, total - hl, out);
    }

    private DecodeResult decodeIpv6(byte[] b, int p, int end, long ts, Datagram out) {
        if (end - p < 40) {
            return malformed("IPv6 header truncated: " + (end - p) + " bytes");
        }
        if ((b[p] & 0xff) >> 4 != 6) {
            return malformed("IPv6 header with version " + ((b[p] & 0xff) >> 4));
        }
        int payloadLen = u16(b, p + 4);
        if (payloadLen == 0) {
            payloadLen = end - p - 40; // jumbogram or TSO: trust the capture
        }
        int next = b[p + 6] & 0xff;
        int capturedEnd = Math.min(end, p + 40 + payloadLen);
        out.buf = b;
        out.ipVersion = 6;
        out.ipOffset = p;
        out.addressOffset = p + 8;
        out.addressLength = 16;
        out.ttl = b[p + 7] & 0xff;
        int q = p + 40;
        int remainingWire = payloadLen;
        for (int guard = 0; guard < 16; guard++) {
            switch (next) {
                case 0, 43, 60, 135, 139, 140 -> {
                    if (capturedEnd - q < 8) {
                        return malformed("IPv6 extension header truncated");
                    }
                    int len = ((b[q + 1] & 0xff) + 1) * 8;
                    if (capturedEnd - q < len || remainingWire < len) {
                        return malformed("IPv6 extension header of " + len + " bytes truncated");
                    }
                    next = b[q] & 0xff;
                    q += len;
                    remainingWire -= len;
                    continue;
                }
                case 51 -> {
                    if (capturedEnd - q < 8) {
                        return malformed("IPv6 AH truncated");
                    }
                    int len = ((b[q + 1] & 0xff) + 2) * 4;
                    if (capturedEnd - q < len || remainingWire < len) {
                        return malformed("IPv6 AH of " + len + " bytes truncated");
                    }
                    next = b[q] & 0xff;
                    q += len;
                    remainingWire -= len;
                    continue;
                }
                case 44 -> {
                    if (capturedEnd - q < 8) {
                        return malformed("IPv6 fragment header truncated");
                    }
                    int nh = b[q] & 0xff;
                    int field = u16(b, q + 2);
                    int fragOffset = field & 0xfff8;
                    boolean more = (field & 1) != 0;
                    long id = u32(b, q + 4);
                    if (!more && fragOffset == 0) {
                        next = nh; // atomic fragment
                        q += 8;
                        remainingWire -= 8;
                        continue;
                    }
                    int dataLen = remainingWire - 8;
                    if (capturedEnd - (q + 8) < dataLen || dataLen < 0) {
                        return malformed("IPv6 fragment truncated by the snap length");
                    }
                    byte[] header = null;
                    if (fragOffset == 0) {
                        header = java.util.Arrays.copyOfRange(b, p, p + 40);
                        header[6] = (byte) nh;
                    }
                    byte[] whole = fragments.add(b, p + 8, 16, id, nh, header, fragOffset, more, q + 8, dataLen, ts);
                    if (whole == null) {
                        return DecodeResult.FRAGMENT_HELD;
                    }
                    int pl = whole.length - 40;
                    whole[4] = (byte) (pl >> 8);
                    whole[5] = (byte) pl;
                    return decodeIpv6(whole, 0, whole.length, ts, out);
                }
                default -> {
                    out.protocol = next;
                    out.ipWireLength = payloadLen + 40;
                    return decodeTransport(b, q, capturedEnd, remainingWire, out);
                }
            }
        }
        return malformed("IPv6 extension header chain too long");
    }

    private DecodeResult decodeTransport(byte[] b, int p, int end, int wireLen, Datagram out) {
        out.transportOffset = p;
        out.transportCaptured = Math.max(0, Math.min(end - p, wireLen));
        out.transportWire = wireLen;
        int cap = out.transportCaptured;
        out.sourcePort = 0;
        out.destinationPort = 0;
        out.tcpFlags = 0;
        out.payloadOffset = p;
        out.payloadCaptured = 0;
        out.payloadWire = 0;
        switch (out.protocol) {
            case IpProtocols.TCP -> {
                if (cap < 20) {
                    return malformed("TCP header truncated: " + cap + " bytes");
                }
                int thl = ((b[p + 12] & 0xff) >> 4) * 4;
                if (thl < 20 || thl > cap) {
                    return malformed("TCP header length " + thl + " with " + cap + " bytes captured");
                }
                out.sourcePort = u16(b, p);
                out.destinationPort = u16(b, p + 2);
                out.seq = u32(b, p + 4);
                out.ack = u32(b, p + 8);
                out.tcpFlags = b[p + 13] & 0xff;
                out.window = u16(b, p + 14);
                out.payloadOffset = p + thl;
                out.payloadWire = wireLen - thl;
                out.payloadCaptured = cap - thl;
                if (verifyChecksums && out.checksumOk && cap == wireLen) {
                    out.checksumOk = transportChecksumOk(b, p, wireLen, out);
                }
            }
            case IpProtocols.UDP -> {
                if (cap < 8) {
                    return malformed("UDP header truncated: " + cap + " bytes");
                }
                out.sourcePort = u16(b, p);
                out.destinationPort = u16(b, p + 2);
                int ulen = u16(b, p + 4);
                int len = ulen >= 8 && ulen <= wireLen ? ulen : wireLen;
                out.payloadOffset = p + 8;
                out.payloadWire = len - 8;
                out.payloadCaptured = Math.min(cap, len) - 8;
                if (verifyChecksums && out.checksumOk && cap >= len && u16(b, p + 6) != 0) {
                    out.checksumOk = transportChecksumOk(b, p, len, out);
                }
            }
            case IpProtocols.ICMP, IpProtocols.ICMPV6 -> {
                if (cap < 4) {
                    return malformed("ICMP header truncated: " + cap + " bytes");
                }
                out.icmpType = b[p] & 0xff;
                out.icmpCode = b[p + 1] & 0xff;
                out.payloadOffset = p + Math.min(8, cap);
                out.payloadWire = Math.max(0, wireLen - 8);
                out.payloadCaptured = Math.max(0, cap - 8);
            }
            default -> {
                out.payloadOffset = p;
                out.payloadWire = wireLen;
                out.payloadCaptured = cap;
            }
        }
        return DecodeResult.OK;
    }

    private static int checksum(byte[] b, int p, int len, long initial) {
        long sum = initial;
        int i = p;
        int stop = p + (len & ~1);
        while (i < stop) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            i += 2;
        }
        if ((len & 1) != 0) {
            sum += (b[stop] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static boolean transportChecksumOk(byte[] b, int p, int len, Datagram d) {
        long pseudo = 0;
        int a = d.addressOffset;
        for (int i = 0; i < 2 * d.addressLength; i += 2) {
            pseudo += ((b[a + i] & 0xff) << 8) | (b[a + i + 1] & 0xff);
        }
        pseudo += d.protocol + len;
        return checksum(b, p, len, pseudo) == 0xffff;
    }
}
