package io.dscover.collect.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds small captures in memory for tests: frames (Ethernet/IPv4/IPv6, TCP/UDP/ICMP) and pcap/pcapng files. */
final class Captures {

    record Packet(long tsMicros, byte[] frame) {
    }

    final List<Packet> packets = new ArrayList<>();

    static byte[] ip4(String a) {
        String[] p = a.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(p[i]);
        }
        return b;
    }

    static byte[] tcp(int sport, int dport, long seq, long ack, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack);
        b.put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    static byte[] ipv4(byte[] src, byte[] dst, int proto, byte[] l4) {
        ByteBuffer b = ByteBuffer.allocate(20 + l4.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4.length)).putShort((short) 1).putShort((short) 0x4000);
        b.put((byte) 64).put((byte) proto).putShort((short) 0).put(src).put(dst).put(l4);
        return b.array();
    }

    static byte[] ipv6(byte[] src, byte[] dst, int proto, byte[] l4) {
        ByteBuffer b = ByteBuffer.allocate(40 + l4.length);
        b.putInt(0x60000000).putShort((short) l4.length).put((byte) proto).put((byte) 64).put(src).put(dst).put(l4);
        return b.array();
    }

    static byte[] ethernet(byte[] ip, int... vlans) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlans.length + ip.length);
        b.put(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        for (int i = 0; i < vlans.length; i++) {
            b.putShort((short) (i == 0 && vlans.length > 1 ? 0x88a8 : 0x8100)).putShort((short) vlans[i]);
        }
        b.putShort((short) ((ip[0] >> 4) == 6 ? 0x86dd : 0x0800)).put(ip);
        return b.array();
    }

    Captures add(long tsMicros, byte[] frame) {
        packets.add(new Packet(tsMicros, frame));
        return this;
    }

    byte[] pcap(int linkType, boolean nanos, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(24 + packets.stream().mapToInt(p -> 16 + p.frame.length).sum()).order(order);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        for (Packet p : packets) {
            b.putInt((int) (p.tsMicros / 1_000_000)).putInt((int) (p.tsMicros % 1_000_000 * (nanos ? 1000 : 1)))
                    .putInt(p.frame.length).putInt(p.frame.length).put(p.frame);
        }
        return b.array();
    }

    /** pcapng with two interfaces (microseconds and nanoseconds); packets alternate between them. */
    byte[] pcapng(int linkType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer shb = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        out.writeBytes(shb.array());
        for (int res : new int[] {6, 9}) {
            ByteBuffer idb = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            idb.putInt(1).putInt(32).putShort((short) linkType).putShort((short) 0).putInt(262144)
                    .putShort((short) 9).putShort((short) 1).put((byte) res).put(new byte[3]).putInt(0).putInt(32);
            out.writeBytes(idb.array());
        }
        int i = 0;
        for (Packet p : packets) {
            int iface = i++ % 2;
            long units = iface == 0 ? p.tsMicros : p.tsMicros * 1000;
            int padded = (p.frame.length + 3) & ~3;
            int total = 32 + padded;
            ByteBuffer epb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            epb.putInt(6).putInt(total).putInt(iface).putInt((int) (units >>> 32)).putInt((int) units)
                    .putInt(p.frame.length).putInt(p.frame.length).put(p.frame).put(new byte[padded - p.frame.length])
                    .putInt(total);
            out.writeBytes(epb.array());
        }
        return out.toByteArray();
    }
}
