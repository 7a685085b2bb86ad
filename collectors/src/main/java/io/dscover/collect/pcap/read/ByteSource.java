package io.dscover.collect.pcap.read;

import java.io.IOException;
import java.io.InputStream;

/** A buffered byte stream that knows its file offset and can hand out contiguous windows of its buffer. */
final class ByteSource {

    private final InputStream in;
    private final byte[] buf = new byte[1 << 18];
    private int pos;
    private int lim;
    private long base;
    private boolean eof;

    ByteSource(InputStream in) {
        this.in = in;
    }

    long offset() {
        return base + pos;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    /** Makes {@code n} (at most the buffer size) bytes available from {@link #position()}; false at end of input. */
    boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }

    int available() {
        return lim - pos;
    }

    void advance(int n) {
        pos += n;
    }

    /** Copies up to {@code len} bytes; returns how many were there. */
    int read(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos == lim && !ensure(1)) {
                break;
            }
            int n = Math.min(len - done, lim - pos);
            System.arraycopy(buf, pos, dst, off + done, n);
            pos += n;
            done += n;
        }
        return done;
    }

    /** Skips up to {@code n} bytes; returns how many were skipped. */
    long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            if (pos == lim && !ensure(1)) {
                break;
            }
            int step = (int) Math.min(n - done, lim - pos);
            pos += step;
            done += step;
        }
        return done;
    }

    void close() throws IOException {
        in.close();
    }
}
