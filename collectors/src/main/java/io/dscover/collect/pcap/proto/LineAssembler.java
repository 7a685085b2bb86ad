package io.dscover.collect.pcap.proto;

/**
 * Cuts a byte stream into CRLF (or LF) terminated lines across segment boundaries, keeping at most
 * {@code cap} bytes of one line (the rest of an over-long line is dropped and the line is flagged).
 */
final class LineAssembler {

    interface LineHandler {
        /** One line without its terminator; returns false to stop taking lines from this chunk. */
        boolean line(byte[] b, int off, int len, boolean truncated);
    }

    private final int cap;
    private byte[] buf; // allocated when a line spans segments
    private int len;
    private boolean truncated;

    LineAssembler(int cap) {
        this.cap = cap;
    }

    /** Feeds bytes; returns how many were consumed (fewer when the handler stopped). */
    int feed(byte[] b, int off, int n, LineHandler h) {
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
                append(b, p, end - p);
                return n;
            }
            boolean go;
            if (len == 0) {
                int l = nl - p;
                if (l > 0 && b[nl - 1] == '\r') {
                    l--;
                }
                boolean t = l > cap;
                go = h.line(b, p, Math.min(l, cap), t);
            } else {
                append(b, p, nl - p);
                int l = len;
                if (l > 0 && buf[l - 1] == '\r') {
                    l--;
                }
                boolean t = truncated;
                len = 0;
                truncated = false;
                go = h.line(buf, 0, l, t);
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

    private void append(byte[] b, int off, int n) {
        int room = cap + 1 - len;
        if (n > room) {
            truncated = true;
            n = Math.max(0, room);
        }
        if (buf == null) {
            buf = new byte[Math.min(cap + 1, Math.max(64, n))];
        }
        if (len + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.min(cap + 1, Math.max(len + n, buf.length * 2)));
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }
}
