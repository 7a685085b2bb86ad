package io.dscover.collect.pcap.proto;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Counts the decoded size of a gzip or deflate coded HTTP body (what Zeek's response_body_len
 * reports) without keeping it: output goes through an 8 KiB scratch buffer. Counting stops at
 * {@link #MAX_DECODED} bytes so a compression bomb costs bounded time.
 */
final class ContentDecoder {

    static final long MAX_DECODED = 256L << 20;
    /** What one decoder is counted as in the dissector memory: zlib's native state and window, and the scratch buffer. */
    static final int MEMORY = 64 * 1024;

    private final Inflater inflater;
    private final boolean gzip;
    private final byte[] scratch = new byte[8192];
    private final byte[] header = new byte[10];
    private int headerLen;
    private int flags = -1;
    private int skip;
    private int stage;
    private long produced;
    private boolean broken;

    ContentDecoder(boolean gzip) {
        this.gzip = gzip;
        this.inflater = new Inflater(gzip);
        this.stage = gzip ? 0 : 5;
    }

    /** The decoded size so far, or -1 when the coding was broken. */
    long decoded() {
        return broken ? -1 : produced;
    }

    void feed(byte[] b, int off, int len) {
        int p = off;
        int end = off + len;
        while (p < end && !broken && !inflater.finished() && produced < MAX_DECODED) {
            switch (stage) {
                case 0 -> { // fixed gzip header
                    int n = Math.min(10 - headerLen, end - p);
                    System.arraycopy(b, p, header, headerLen, n);
                    headerLen += n;
                    p += n;
                    if (headerLen == 10) {
                        if ((header[0] & 0xff) != 0x1f || (header[1] & 0xff) != 0x8b || header[2] != 8) {
                            broken = true;
                            return;
                        }
                        flags = header[3] & 0xff;
                        stage = 1;
                        headerLen = 0;
                    }
                }
                case 1 -> { // FEXTRA length
                    if ((flags & 4) == 0) {
                        stage = 2;
                        continue;
                    }
                    header[headerLen++] = b[p++];
                    if (headerLen == 2) {
                        skip = (header[0] & 0xff) | ((header[1] & 0xff) << 8);
                        stage = 6;
                    }
                }
                case 6 -> { // FEXTRA body
                    int n = Math.min(skip, end - p);
                    skip -= n;
                    p += n;
                    if (skip == 0) {
                        stage = 2;
                    }
                }
                case 2, 3 -> { // FNAME, FCOMMENT: zero-terminated
                    int bit = stage == 2 ? 8 : 16;
                    if ((flags & bit) == 0) {
                        stage++;
                        continue;
                    }
                    while (p < end && b[p] != 0) {
                        p++;
                    }
                    if (p < end) {
                        p++;
                        stage++;
                    }
                }
                case 4 -> { // FHCRC
                    if ((flags & 2) != 0) {
                        skip = 2;
                        flags &= ~2;
                    }
                    int n = Math.min(skip, end - p);
                    skip -= n;
                    p += n;
                    if (skip == 0) {
                        stage = 5;
                    }
                }
                default -> {
                    inflater.setInput(b, p, end - p);
                    p = end;
                    try {
                        while (!inflater.needsInput() && !inflater.finished() && produced < MAX_DECODED) {
                            int n = inflater.inflate(scratch);
                            produced += n;
                            if (n == 0 && inflater.needsDictionary()) {
                                broken = true;
                                return;
                            }
                            if (n == 0 && !inflater.needsInput()) {
                                break;
                            }
                        }
                    } catch (DataFormatException e) {
                        broken = true;
                    }
                }
            }
        }
    }

    void close() {
        inflater.end();
    }
}
