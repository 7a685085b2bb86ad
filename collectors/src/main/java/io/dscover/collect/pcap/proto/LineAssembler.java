package io.dscover.collect.pcap.proto;

/**
 * Cuts a byte stream into CRLF (or LF) terminated lines across segment boundaries, keeping at most
 * {@code cap} bytes of one line (the rest of an over-long line is dropped and the line is flagged).
 * Only a line that spans segments is copied; its buffer is taken from the owning dissector's share
 * of the dissector memory and given back once the line is complete. When the memory is spent the
 * line is cut short (and flagged) instead.
 */
final class LineAssembler {

    interface LineHandler {
        /** One line without its terminator; returns false to stop taking lines from this chunk. */
        boolean line(byte[] b, int off, int len, boolean truncated);
    }

    /** A line buffer larger than this is given back after its line. */
    private static final int KEEP = 256;

    private final int cap;
    private byte[] buf; // allocated when a line spans segments
    private int len;
    private boolean truncated;

    LineAssembler(int cap) {
        this.cap = cap;
    }

    /** Feeds bytes; returns how many were consumed (fewer when the handler stopped). */
    int feed(Analyzer owner, Session s, byte[] b, int off, int n, LineHandler h) {
        int p = off;
        int end = off + n;
        while (p < end) {
            int nl = -1;
            for (int i = p; i < end; i++) {
                if (b[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                append(owner, s, b, p, end - p);
                return n;
            }
            boolean go;
            if (len == 0) {
                int l = nl - p;
                if (l > 0 && b[nl - 1] == '\r') {
                    l--;
                }
                // truncated here means the start of this line could not be kept (no memory)
                boolean t = l > cap || truncated;
                truncated = false;
                go = h.line(b, p, Math.min(l, cap), t);
            } else {
                append(owner, s, b, p, nl - p);
                int l = len;
                if (l > 0 && buf[l - 1] == '\r') {
                    l--;
                }
                boolean t = truncated;
                len = 0;
                truncated = false;
                go = h.line(buf, 0, l, t);
                if (len == 0 && buf.length > KEEP) {
                    owner.release(s, buf.length);
                    buf = null;
                }
            }
            p = nl + 1;
            if (!go) {
                return p - off;
            }
        }
        return n;
    }

    boolean pending() {
        return len > 0;
    }

    private void append(Analyzer owner, Session s, byte[] b, int off, int n) {
        int room = cap + 1 - len;
        if (n > room) {
            truncated = true;
            n = Math.max(0, room);
        }
        int old = buf == null ? 0 : buf.length;
        if (len + n > old) {
            int size = Math.min(cap + 1, Math.max(Math.max(64, len + n), old * 2));
            if (!owner.reserve(s, size - old)) {
                // no memory for the rest of this line: keep what the buffer holds
                truncated = true;
                n = old - len;
                size = old;
            }
            if (size > old) {
                buf = buf == null ? new byte[size] : java.util.Arrays.copyOf(buf, size);
            }
        }
        if (n > 0) {
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }
    }
}
