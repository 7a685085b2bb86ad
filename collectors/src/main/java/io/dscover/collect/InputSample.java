package io.dscover.collect;

import java.nio.charset.StandardCharsets;

/**
 * The first bytes of an input (decompressed) and its name, for {@link Collector#probe}.
 *
 * @param baseName file name without {@code .gz}, e.g. {@code conn.2024-05-01-10-00-00.log}
 * @param head     up to {@link #SIZE} bytes from the start of the content
 */
public record InputSample(String baseName, byte[] head) {

    /** How many bytes collectors get to decide. */
    public static final int SIZE = 64 * 1024;

    /** The head as text (ISO-8859-1, so every byte maps to one char and offsets agree). */
    public String headText() {
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    /** The head's first line without the line end. */
    public String firstLine() {
        String t = headText();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Unsigned byte at {@code i}, or -1 past the end. */
    public int byteAt(int i) {
        return i < head.length ? head[i] & 0xff : -1;
    }
}
