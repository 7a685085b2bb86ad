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

    private static final int SLOTS = 1 << 12;
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
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == len && Arrays.equals(key, 0, len, b, from, to)) {
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

    private static Address parse(String text) {
        byte[] bytes = IpAddresses.parse(text);
        if (bytes == null) {
            String canonical = IpAddresses.canonical(text); // [v6] and zone-suffixed forms
            return canonical == null ? null : new Address(canonical, IpAddresses.parse(canonical));
        }
        // a dotted quad that parses has no leading zeros, so it is already canonical
        return new Address(bytes.length == 4 ? text : IpAddresses.format(bytes), bytes);
    }
}
