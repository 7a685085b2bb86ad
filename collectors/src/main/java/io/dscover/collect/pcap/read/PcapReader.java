package io.dscover.collect.pcap.read;

import io.dscover.collect.InputLedger;
import java.io.IOException;

/**
 * The classic libpcap format: a 24-byte file header (magic a1b2c3d4 for microseconds, a1b23c4d for
 * nanoseconds, in either byte order) and 16-byte record headers. A record header that cannot be
 * right (a length over the maximum snap length) leaves no way to find the next record, so reading
 * stops there with the offset in the ledger, as libpcap and tshark do.
 */
final class PcapReader implements CaptureReader {

    private final ByteSource src;
    private final InputLedger ledger;
    private boolean bigEndian;
    private boolean nanos;
    private int linkType;
    private long number;
    private boolean done;

    /** {"big-endian", "nanos"} flags of a pcap magic, or null when the bytes are not one. */
    static boolean[] magic(byte[] head) {
        if (head.length < 4) {
            return null;
        }
        int be = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        int le = Integer.reverseBytes(be);
        if (be == 0xa1b2c3d4) {
            return new boolean[] {true, false};
        }
        if (be == 0xa1b23c4d) {
            return new boolean[] {true, true};
        }
        if (le == 0xa1b2c3d4) {
            return new boolean[] {false, false};
        }
        if (le == 0xa1b23c4d) {
            return new boolean[] {false, true};
        }
        return null;
    }

    PcapReader(ByteSource src, InputLedger ledger) throws IOException {
        this.src = src;
        this.ledger = ledger;
        if (src == null) {
            done = true;
            return;
        }
        byte[] b = src.buffer();
        int p = src.position();
        byte[] head = {b[p], b[p + 1], b[p + 2], b[p + 3]};
        boolean[] m = magic(head);
        bigEndian = m[0];
        nanos = m[1];
        linkType = u32(b, p + 20) & 0x03ff_ffff; // upper bits carry FCS length flags
        src.advance(24);
    }

    private int u32(byte[] b, int p) {
        int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    @Override
    public boolean next(Frame f) throws IOException {
        while (!done) {
            long offset = src.offset();
            if (!src.ensure(16)) {
                if (src.available() > 0) {
                    number++;
                    ledger.reject("packet " + number + " (offset " + offset + ")", "truncated record header",
                            src.available() + " of 16 bytes before end of file");
                }
                done = true;
                return false;
            }
            byte[] b = src.buffer();
            int p = src.position();
            long sec = u32(b, p) & 0xffff_ffffL;
            long frac = u32(b, p + 4) & 0xffff_ffffL;
            long incl = u32(b, p + 8) & 0xffff_ffffL;
            long orig = u32(b, p + 12) & 0xffff_ffffL;
            number++;
            if (incl > Frame.MAX_CAPTURE_LENGTH) {
                ledger.reject(where(offset), "capture length too large",
                        "record claims " + incl + " bytes (maximum " + Frame.MAX_CAPTURE_LENGTH
                                + "); the file is damaged here and reading stops");
                done = true;
                return false;
            }
            src.advance(16);
            int got = src.read(f.data, 0, (int) incl);
            if (got < incl) {
                ledger.reject(where(offset), "truncated record", "record claims " + incl + " bytes, file ends after " + got);
                done = true;
                return false;
            }
            if (incl == 0) {
                ledger.reject(where(offset), "empty packet", "captured length 0");
                continue;
            }
            if (!nanos && frac >= 1_000_000L || nanos && frac >= 1_000_000_000L) {
                ledger.reject(where(offset), "bad timestamp", "fraction " + frac + " out of range");
                continue;
            }
            f.capturedLength = (int) incl;
            f.wireLength = (int) Math.max(incl, Math.min(orig, Integer.MAX_VALUE));
            f.tsNanos = sec * 1_000_000_000L + (nanos ? frac : frac * 1000L);
            f.tsDigits = nanos ? 9 : 6;
            f.linkType = linkType;
            f.number = number;
            f.offset = offset;
            f.interfaceId = 0;
            return true;
        }
        return false;
    }

    /** Built only for a problem: formatting it for every packet would cost more than reading the packet. */
    private String where(long offset) {
        return "packet " + number + " (offset " + offset + ")";
    }

    @Override
    public void close() throws IOException {
        if (src != null) {
            src.close();
        }
    }
}
