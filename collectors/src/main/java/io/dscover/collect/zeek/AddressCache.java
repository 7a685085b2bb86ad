package io.dscover.collect.zeek;

import io.dscover.model.event.IpAddresses;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses address text into {@link Address}es, remembering recent ones. A log names the same few
 * thousand hosts millions of times, so a hit saves the parse, the canonical formatting and two
 * allocations. Fixed size (direct-mapped, newest wins), so memory stays flat whatever the input.
 */
final class AddressCache {

    private static final int SLOTS = 1 << 14;
    /** Longer text is no address (the longest IPv6 form is 45 characters, brackets and a zone add some). */
    private static final int MAX_TEXT = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final Address[] values = new Address[SLOTS];

    /** The address written in {@code b[from..to)}, or {@code null} when it is not an address literal. */
    Address lookup(byte[] b, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > MAX_TEXT) {
            return null;
        }
        if (len <= 15) {
            Address v4 = parseV4(b, from, to); // cheaper than a cache probe
            if (v4 != null) {
                return v4;
            }
        }
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == len && same(key, b, from)) {
            return values[slot];
        }
        Address a = parse(new String(b, from, len, StandardCharsets.ISO_8859_1));
        if (a != null) {
            keys[slot] = Arrays.copyOfRange(b, from, to);
            values[slot] = a;
        }
        return a;
    }

    /** The address written in {@code text}, or {@code null}. */
    Address lookup(String text) {
        int len = text.length();
        if (len == 0 || len > MAX_TEXT + 2) {
            return null;
        }
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return null;
            }
            b[i] = (byte) c;
        }
        return lookup(b, 0, len);
    }

    /** A dotted quad straight from bytes (the common case); {@code null} for anything else, which the general parser then sees. */
    private static Address parseV4(byte[] b, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '.') {
                if (digits == 0 || part == 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // leading zero: let the general parser decide
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0) {
            return null;
        }
        out[3] = (byte) value;
        return new Address(new String(b, from, to - from, StandardCharsets.ISO_8859_1), out);
    }

    private static Address parse(String text) {
        byte[] bytes = IpAddresses.parse(text);
        if (bytes == null) {
            String canonical = IpAddresses.canonical(text); // [v6] and zone-suffixed forms
            return canonical == null ? null : new Address(canonical, IpAddresses.parse(canonical));
        }
        // a dotted quad that parses has no leading zeros, so it is already canonical
        return new Address(bytes.length == 4 ? text : IpAddresses.format(bytes), bytes);
    }

    private static boolean same(byte[] key, byte[] b, int from) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
