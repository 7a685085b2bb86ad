package io.dscover.collect.pcap.proto;

/** Minimal DER reader for X.509: tag, length and content bounds, every length checked. */
final class Der {

    final byte[] b;
    int tag;
    int start;
    int end;

    Der(byte[] b) {
        this.b = b;
    }

    /** Reads the element at p (not beyond limit); false when it is not well formed. */
    boolean read(int p, int limit) {
        if (p + 2 > limit) {
            return false;
        }
        tag = b[p] & 0xff;
        int l = b[p + 1] & 0xff;
        int q = p + 2;
        long len;
        if (l < 0x80) {
            len = l;
        } else {
            int n = l & 0x7f;
            if (n == 0 || n > 4 || q + n > limit) {
                return false;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[q + i] & 0xff);
            }
            q += n;
        }
        if (q + len > limit) {
            return false;
        }
        start = q;
        end = (int) (q + len);
        return true;
    }
}
