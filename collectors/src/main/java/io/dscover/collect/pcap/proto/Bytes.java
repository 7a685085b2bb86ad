package io.dscover.collect.pcap.proto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Byte reading and hashing shared by the dissectors. */
final class Bytes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    static int u8(byte[] b, int p) {
        return b[p] & 0xff;
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    static int u24(byte[] b, int p) {
        return ((b[p] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] & 0xff);
    }

    static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    static int u16le(byte[] b, int p) {
        return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
    }

    static long u32le(byte[] b, int p) {
        return (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | ((b[p + 2] & 0xff) << 16) | ((long) (b[p + 3] & 0xff) << 24);
    }

    /** Printable text of raw bytes (ISO-8859-1 keeps every byte one char). */
    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    static String hex(byte[] digest) {
        char[] c = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            c[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            c[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(c);
    }

    static String hex4(int v) {
        return new String(new char[] {HEX[(v >> 12) & 0xf], HEX[(v >> 8) & 0xf], HEX[(v >> 4) & 0xf], HEX[v & 0xf]});
    }

    static String md5(String text) {
        return hex(digest("MD5", text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length()));
    }

    static String sha256Prefix12(String text) {
        return hex(digest("SHA-256", text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length())).substring(0, 12);
    }

    static byte[] digest(String algorithm, byte[] b, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(b, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    static boolean startsWith(byte[] b, int off, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[off + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(byte[] b, int off, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            int c = b[off + i] & 0xff;
            if (Character.toUpperCase(c) != Character.toUpperCase(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
