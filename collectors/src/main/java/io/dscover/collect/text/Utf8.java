package io.dscover.collect.text;

/** UTF-8 well-formedness check without decoding (RFC 3629: no overlongs, no surrogates, max U+10FFFF). */
public final class Utf8 {

    private Utf8() {
    }

    public static boolean isValid(byte[] b, int from, int to) {
        return firstInvalid(b, from, to) == to;
    }

    /** Index of the first byte that does not start a well-formed sequence, or {@code to} when all do. */
    public static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int n = sequenceLength(b, i, to);
            if (n < 0) {
                return i;
            }
            i += n;
        }
        return to;
    }

    /** Length of the well-formed sequence starting at {@code i} (1 to 4 bytes, none past {@code to}), or -1. */
    public static int sequenceLength(byte[] b, int i, int to) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        int need;
        int min;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + need >= to) {
            return -1; // truncated sequence
        }
        int cp = c & (0x3f >> need);
        for (int k = 1; k <= need; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xc0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return -1;
        }
        return need + 1;
    }
}
