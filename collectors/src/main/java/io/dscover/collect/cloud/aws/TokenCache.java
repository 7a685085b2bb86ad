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
    private static final int MAX_TOKEN = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private final byte[][] addressKeys = new byte[SLOTS][];
    private final String[] addresses = new String[SLOTS];

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
        int slot = hash(b, from, to) & (SLOTS - 1);
        byte[] k = addressKeys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, from, to)) {
            return addresses[slot];
        }
        String canonical = IpAddresses.canonical(new String(b, from, len, StandardCharsets.ISO_8859_1));
        if (canonical != null) {
            addressKeys[slot] = Arrays.copyOfRange(b, from, to);
            addresses[slot] = canonical;
        }
        return canonical;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
