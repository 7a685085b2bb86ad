package io.dscover.collect.pcap.decode;

/**
 * One decoded IP datagram and its transport header, as offsets into a byte array (no copies).
 * Reused from packet to packet; each tunnel depth has its own instance.
 */
public final class Datagram {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    byte[] buf;
    int ipVersion;
    int ipOffset;
    int addressOffset;
    int addressLength;
    int protocol;
    int ipWireLength;
    int transportOffset;
    int transportCaptured;
    int transportWire;
    int ttl;
    int vlan = -1;

    int sourcePort;
    int destinationPort;
    int tcpFlags;
    long seq;
    long ack;
    int window;
    int payloadOffset;
    int payloadCaptured;
    int payloadWire;
    int icmpType;
    int icmpCode;
    boolean checksumOk = true;

    public byte[] buffer() {
        return buf;
    }

    public int ipVersion() {
        return ipVersion;
    }

    public int ipOffset() {
        return ipOffset;
    }

    /** Offset of the source address; the destination follows it. */
    public int sourceAddressOffset() {
        return addressOffset;
    }

    public int destinationAddressOffset() {
        return addressOffset + addressLength;
    }

    /** 4 or 16. */
    public int addressLength() {
        return addressLength;
    }

    /** IANA protocol of the transport (after IPv6 extension headers). */
    public int protocol() {
        return protocol;
    }

    /** Bytes of the datagram on the wire, IP header included (Zeek's *_ip_bytes unit). */
    public int ipWireLength() {
        return ipWireLength;
    }

    public int transportOffset() {
        return transportOffset;
    }

    /** Captured bytes of the transport segment (header and payload). */
    public int transportCaptured() {
        return transportCaptured;
    }

    public int ttl() {
        return ttl;
    }

    /** Outermost 802.1Q VLAN ID, or -1. */
    public int vlan() {
        return vlan;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    public int tcpFlags() {
        return tcpFlags;
    }

    public long seq() {
        return seq;
    }

    public long ack() {
        return ack;
    }

    public int window() {
        return window;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload bytes present in the capture. */
    public int payloadCaptured() {
        return payloadCaptured;
    }

    /** Payload bytes on the wire (by the IP and transport lengths). */
    public int payloadWire() {
        return payloadWire;
    }

    public int icmpType() {
        return icmpType;
    }

    public int icmpCode() {
        return icmpCode;
    }

    /** False when checksums were verified and one was wrong. */
    public boolean checksumOk() {
        return checksumOk;
    }

    /** True when both address ranges compare equal to another datagram's (for tests and tunnels). */
    public boolean sameAddresses(Datagram o) {
        if (addressLength != o.addressLength) {
            return false;
        }
        return java.util.Arrays.equals(buf, addressOffset, addressOffset + 2 * addressLength,
                o.buf, o.addressOffset, o.addressOffset + 2 * o.addressLength);
    }
}
