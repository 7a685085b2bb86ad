package io.dscover.collect.cloud.aws;

import io.dscover.model.event.IpAddresses;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the repeated tokens of flow records (interface, account, VPC ids; addresses) into strings
 * without allocating one per record: a fixed-size table, the last token per slot wins. Address
 * tokens are validated and canonicalised once, when they enter the table. Bounded: 8,192 slots.
 */
final class TokenCache {

    private static final int SLOTS = 1 << 13;
    /** Addresses vary more than ids (every client and scanner): a larger table, still a few MB. */
    private static final int ADDRESS_SLOTS = 1 << 16;
    private static final int MAX_TOKEN = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private final byte[][] addressKeys = new byte[ADDRESS_SLOTS][];
    private final String[] addresses = new String[ADDRESS_SLOTS];
    private final byte[][] addressBytes = new byte[ADDRESS_SLOTS][];
    private byte[] lastAddressBytes;

    /** The token as a string (Latin-1: flow log tokens are ASCII). */
    String text(byte[] b, int from, int to) {
        int len = to - from;
        if (len > MAX_TOKEN) {
            return new String(b, from, len, StandardCharsets.UTF_8);
        }
        int slot = hash(b, from, to) & (SLOTS - 1);
        byte[] k = keys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, from, to)) {
            return values[slot];
        }
        String s = new String(b, from, len, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = s;
        return s;
    }

    /** The canonical text of an address token, or null when the token is not an address. */
    String address(byte[] b, int from, int to) {
        int len = to - from;
        if (len > 45) {
            return null;
        }
        long v4 = ipv4(b, from, to);
        if (v4 >= 0) {
            return ipv4Text((int) v4);
        }
        int slot = hash(b, from, to) & (ADDRESS_SLOTS - 1);
        byte[] k = addressKeys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, from, to)) {
            lastAddressBytes = addressBytes[slot];
            return addresses[slot];
        }
        byte[] raw = IpAddresses.parse(new String(b, from, len, StandardCharsets.ISO_8859_1));
        if (raw == null) {
            lastAddressBytes = null;
            return null;
        }
        String canonical = IpAddresses.format(raw);
        addressKeys[slot] = Arrays.copyOfRange(b, from, to);
        addresses[slot] = canonical;
        addressBytes[slot] = raw;
        lastAddressBytes = raw;
        return canonical;
    }

    /** The 4 or 16 bytes of the address {@link #address} last returned (shared: do not modify). */
    byte[] lastAddressBytes() {
        return lastAddressBytes;
    }

    /** IPv4 addresses by value, in two-entry sets (the most recent first) so two busy addresses sharing a set do not evict each other. */
    private static final int V4_SETS = 1 << 16;
    private final int[] v4Keys = new int[2 * V4_SETS];
    private final String[] v4Texts = new String[2 * V4_SETS];
    private final byte[][] v4Bytes = new byte[2 * V4_SETS][];

    /** A dotted quad as its 32-bit value, or -1 when the token is not one (leading zeros rejected, as IpAddresses does). */
    private static long ipv4(byte[] b, int from, int to) {
        long value = 0;
        int octet = 0;
        int digits = 0;
        int dots = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '.') {
                if (digits == 0 || ++dots > 3) {
                    return -1;
                }
                value = (value << 8) | octet;
                octet = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && octet == 0) {
                    return -1;
                }
                octet = octet * 10 + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        if (dots != 3 || digits == 0) {
            return -1;
        }
        return (value << 8) | octet;
    }

    private String ipv4Text(int v) {
        int first = ((v * 0x9E3779B9) >>> 16) << 1;
        int second = first + 1;
        if (v4Texts[first] != null && v4Keys[first] == v) {
            lastAddressBytes = v4Bytes[first];
            return v4Texts[first];
        }
        if (v4Texts[second] != null && v4Keys[second] == v) {
            lastAddressBytes = v4Bytes[second];
            return v4Texts[second];
        }
        byte[] raw = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        String s = IpAddresses.format(raw);
        v4Keys[second] = v4Keys[first];
        v4Texts[second] = v4Texts[first];
        v4Bytes[second] = v4Bytes[first];
        v4Keys[first] = v;
        v4Texts[first] = s;
        v4Bytes[first] = raw;
        lastAddressBytes = raw;
        return s;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
