package io.dscover.collect.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DER encoding for test messages (Kerberos, LDAP): tags with definite lengths, nothing more. */
final class Asn1 {

    private Asn1() {
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        byte[] content = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] seq(byte[]... parts) {
        return tlv(0x30, parts);
    }

    /** Context-specific constructed tag [n]. */
    static byte[] ctx(int n, byte[]... parts) {
        return tlv(0xa0 | n, parts);
    }

    /** Application constructed tag [APPLICATION n]. */
    static byte[] app(int n, byte[]... parts) {
        return tlv(0x60 | n, parts);
    }

    static byte[] integer(long v) {
        int len = 1;
        while (len < 8 && (v >> (8 * len - 1)) != 0 && (v >> (8 * len - 1)) != -1) {
            len++;
        }
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[len - 1 - i] = (byte) (v >> (8 * i));
        }
        return tlv(0x02, b);
    }

    static byte[] generalString(String s) {
        return tlv(0x1b, s.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] octets(byte[] b) {
        return tlv(0x04, b);
    }

    static byte[] octets(String s) {
        return octets(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A BIT STRING of 32 bits with the given bits set (bit 0 is the most significant bit of the first byte). */
    static byte[] bits32(int... set) {
        byte[] b = new byte[5];
        for (int n : set) {
            b[1 + n / 8] |= (byte) (0x80 >> (n % 8));
        }
        return tlv(0x03, b);
    }

    static byte[] enumerated(int v) {
        return tlv(0x0a, new byte[] {(byte) v});
    }

    static byte[] bool(boolean v) {
        return tlv(0x01, new byte[] {(byte) (v ? 0xff : 0)});
    }
}
