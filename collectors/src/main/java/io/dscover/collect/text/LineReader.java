package io.dscover.collect.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines with bounded memory: a line longer than the limit is skipped
 * (reported as {@link Line#tooLong()}) instead of buffered, so one hostile line cannot exhaust the
 * heap. Tracks line numbers and byte offsets for diagnostics. Accepts LF and CRLF line ends.
 *
 * <p>The returned {@link Line} is reused by the next call: read what you need before calling
 * {@link #next()} again. Parsers that care about speed can work on {@link Line#buffer()} directly.
 */
public final class LineReader implements Closeable {

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private long lineNumber;
    private long offset;
    private final Line line = new Line();

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.min(1 << 16, Math.max(1024, maxLineBytes + 2))];
    }

    /** The next line, or {@code null} at end of input. */
    public Line next() throws IOException {
        boolean skipping = false;
        long skipStartOffset = 0;
        while (true) {
            int nl = indexOf((byte) '\n', start, end);
            if (nl >= 0) {
                int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
                long lineOffset = offset;
                int consumed = nl + 1 - start;
                offset += consumed;
                int s = start;
                start = nl + 1;
                lineNumber++;
                if (skipping) {
                    return line.set(lineNumber, skipStartOffset, buf, s, s, true);
                }
                return line.set(lineNumber, lineOffset, buf, s, lineEnd, false);
            }
            if (eof) {
                if (start >= end) {
                    if (skipping) {
                        lineNumber++;
                        return line.set(lineNumber, skipStartOffset, buf, start, start, true);
                    }
                    return null;
                }
                long lineOffset = offset;
                int s = start;
                int e = end;
                offset += e - s;
                start = end;
                lineNumber++;
                if (skipping) {
                    return line.set(lineNumber, skipStartOffset, buf, s, s, true);
                }
                if (e > s && buf[e - 1] == '\r') {
                    e--;
                }
                return line.set(lineNumber, lineOffset, buf, s, e, false);
            }
            if (end - start > maxLineBytes) {
                // too long: drop what we have and keep dropping until the next newline
                if (!skipping) {
                    skipping = true;
                    skipStartOffset = offset;
                }
                offset += end - start;
                start = end;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxLineBytes + 2 + (1 << 16)));
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private int indexOf(byte b, int from, int to) {
        // eight bytes at a time (SWAR): lines are long and this scan touches every byte of the input
        long pattern = (b & 0xffL) * 0x0101010101010101L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ pattern;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Lines returned so far. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** One line, valid until the next call to {@link LineReader#next()}. */
    public static final class Line {
        private long number;
        private long offset;
        private byte[] buffer;
        private int from;
        private int to;
        private boolean tooLong;
        private String text;

        Line set(long number, long offset, byte[] buffer, int from, int to, boolean tooLong) {
            this.number = number;
            this.offset = offset;
            this.buffer = buffer;
            this.from = from;
            this.to = to;
            this.tooLong = tooLong;
            this.text = null;
            return this;
        }

        /** 1-based line number. */
        public long number() {
            return number;
        }

        /** Byte offset of the line's first byte in the (decompressed) input. */
        public long offset() {
            return offset;
        }

        /** The line exceeded the limit and its content was dropped. */
        public boolean tooLong() {
            return tooLong;
        }

        public byte[] buffer() {
            return buffer;
        }

        /** Start of the line in {@link #buffer()}. */
        public int from() {
            return from;
        }

        /** End (exclusive, without the line end) of the line in {@link #buffer()}. */
        public int to() {
            return to;
        }

        public int length() {
            return to - from;
        }

        /** The line decoded as UTF-8 (invalid sequences become U+FFFD; see {@link #validUtf8()}). */
        public String text() {
            if (text == null) {
                text = new String(buffer, from, to - from, StandardCharsets.UTF_8);
            }
            return text;
        }

        /** Whether the line is well-formed UTF-8. */
        public boolean validUtf8() {
            return Utf8.isValid(buffer, from, to);
        }
    }
}
