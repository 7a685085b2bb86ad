package io.dscover.collect.zeek;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Short ASCII values that repeat on most rows (proto, service, conn_state, history, query types)
 * decoded once and shared. Direct-mapped and fixed in size, so a hostile input with ever-new values
 * only costs misses, never memory.
 */
final class TextCache {

    private static final int SLOTS = 1 << 10;
    static final int MAX_LENGTH = 48;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The ASCII text in {@code b[from..to)}; the caller has checked it holds no escapes or non-ASCII bytes. */
    String ascii(byte[] b, int from, int to) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        int slot = (h ^ (h >>> 13)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == len && same(key, b, from)) {
            return values[slot];
        }
        String s = new String(b, from, len, StandardCharsets.ISO_8859_1);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = s;
        return s;
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
