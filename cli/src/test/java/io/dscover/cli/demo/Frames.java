package io.dscover.cli.demo;

import io.dscover.model.event.IpAddresses;
import java.nio.ByteBuffer;

/** Ethernet/IPv4/TCP/UDP/ICMP frames with correct lengths and checksums, for the demo capture. */
final class Frames {

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    private static int ipId = 0x1000;

    private Frames() {
    }

    /** Restarts IP identification numbering, so every generation yields the same bytes. */
    static void reset() {
        ipId = 0x1000;
    }

    static byte[] tcp(String src, int sport, String dst, int dport, long seq, long ack, int flags, byte[] payload) {
        byte[] seg = new byte[20 + payload.length];
        ByteBuffer b = ByteBuffer.wrap(seg);
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack);
        b.put((byte) (5 << 4)).put((byte) flags).putShort((short) 64240).putShort((short) 0).putShort((short) 0);
        b.put(payload);
        int sum = transportChecksum(src, dst, 6, seg);
        seg[16] = (byte) (sum >>> 8);
        seg[17] = (byte) sum;
        return ethernetIpv4(src, dst, 6, seg);
    }

    static byte[] udp(String src, int sport, String dst, int dport, byte[] payload) {
        byte[] dgram = new byte[8 + payload.length];
        ByteBuffer b = ByteBuffer.wrap(dgram);
        b.putShort((short) sport).putShort((short) dport).putShort((short) dgram.length).putShort((short) 0);
        b.put(payload);
        int sum = transportChecksum(src, dst, 17, dgram);
        if (sum == 0) {
            sum = 0xffff;
        }
        dgram[6] = (byte) (sum >>> 8);
        dgram[7] = (byte) sum;
        return ethernetIpv4(src, dst, 17, dgram);
    }

    /** A UDP datagram to an IPv4 multicast group, with the group's Ethernet address and the given IP TTL. */
    static byte[] udpMulticast(String src, int sport, String group, int dport, int ttl, byte[] payload) {
        byte[] frame = udp(src, sport, group, dport, payload);
        byte[] g = IpAddresses.parse(group);
        byte[] groupMac = {0x01, 0x00, 0x5e, (byte) (g[1] & 0x7f), g[2], g[3]}; // RFC 1112 section 6.4
        System.arraycopy(groupMac, 0, frame, 0, 6);
        frame[14 + 8] = (byte) ttl;
        frame[14 + 10] = 0;
        frame[14 + 11] = 0;
        int sum = checksum(frame, 14, 20, 0);
        frame[14 + 10] = (byte) (sum >>> 8);
        frame[14 + 11] = (byte) sum;
        return frame;
    }

    /**
     * An ARP packet (RFC 826) for Ethernet and IPv4, padded to the 60-byte Ethernet minimum as a
     * sensor receives it. {@code senderMac} is both the Ethernet source and the claimed hardware
     * address; a request goes to broadcast with a zero target hardware address.
     */
    static byte[] arp(boolean reply, byte[] senderMac, String senderIp, String targetIp) {
        byte[] frame = new byte[60];
        ByteBuffer b = ByteBuffer.wrap(frame);
        byte[] broadcast = {-1, -1, -1, -1, -1, -1};
        b.put(reply ? mac(targetIp) : broadcast).put(senderMac).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) (reply ? 2 : 1));
        b.put(senderMac).put(IpAddresses.parse(senderIp)).put(reply ? mac(targetIp) : new byte[6])
                .put(IpAddresses.parse(targetIp));
        return frame;
    }

    static byte[] icmpEcho(String src, String dst, boolean request, int id, int seq, byte[] payload) {
        byte[] msg = new byte[8 + payload.length];
        ByteBuffer b = ByteBuffer.wrap(msg);
        b.put((byte) (request ? 8 : 0)).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq);
        b.put(payload);
        int sum = checksum(msg, 0, msg.length, 0);
        msg[2] = (byte) (sum >>> 8);
        msg[3] = (byte) sum;
        return ethernetIpv4(src, dst, 1, msg);
    }

    private static byte[] ethernetIpv4(String src, String dst, int proto, byte[] payload) {
        byte[] s = IpAddresses.parse(src);
        byte[] d = IpAddresses.parse(dst);
        byte[] frame = new byte[14 + 20 + payload.length];
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.put(mac(dst)).put(mac(src)).putShort((short) 0x0800);
        int ipStart = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) (ipId++ & 0xffff))
                .putShort((short) 0x4000).put((byte) 64).put((byte) proto).putShort((short) 0).put(s).put(d);
        int sum = checksum(frame, ipStart, 20, 0);
        frame[ipStart + 10] = (byte) (sum >>> 8);
        frame[ipStart + 11] = (byte) sum;
        b.put(payload);
        return frame;
    }

    /** A stable locally administered MAC per address, so hosts keep their MAC through the capture. */
    static byte[] mac(String ip) {
        byte[] a = IpAddresses.parse(ip);
        return new byte[] {0x02, 0x00, a[0], a[1], a[2], a[3]};
    }

    private static int transportChecksum(String src, String dst, int proto, byte[] seg) {
        byte[] s = IpAddresses.parse(src);
        byte[] d = IpAddresses.parse(dst);
        byte[] pseudo = new byte[12];
        System.arraycopy(s, 0, pseudo, 0, 4);
        System.arraycopy(d, 0, pseudo, 4, 4);
        pseudo[9] = (byte) proto;
        pseudo[10] = (byte) (seg.length >>> 8);
        pseudo[11] = (byte) seg.length;
        int partial = sum(pseudo, 0, 12, 0);
        return checksum(seg, 0, seg.length, partial);
    }

    private static int sum(byte[] b, int off, int len, int initial) {
        int sum = initial;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        }
        if ((len & 1) == 1) {
            sum += (b[off + len - 1] & 0xff) << 8;
        }
        return sum;
    }

    private static int checksum(byte[] b, int off, int len, int initial) {
        int sum = sum(b, off, len, initial);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }
}
