package io.dscover.collect.pcap.read;

import io.dscover.collect.InputLedger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng (draft-ietf-opsawg-pcapng): sections (SHB, which sets the byte order), interfaces (IDB,
 * each with its own link type, timestamp resolution and offset), and packets (EPB, SPB, the
 * obsolete PB). Blocks of other types are skipped by their length; options are read only where
 * needed (if_tsresol, if_tsoffset) and bounded by the block.
 */
final class PcapngReader implements CaptureReader {

    static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int PB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    /** Blocks longer than this cannot be a packet we accept, so they are treated as damage. */
    private static final int MAX_BLOCK = 16 << 20;
    private static final int MAX_INTERFACES = 4096;

    private record Interface(int linkType, int snapLen, long unitsPerSecond, boolean decimal, int exponent, long offsetSeconds,
            long nanosPerUnit, long unitsPerNano) {
    }

    private final ByteSource src;
    private final InputLedger ledger;
    private final List<Interface> interfaces = new ArrayList<>();
    private boolean bigEndian;
    private long number;
    private long lastTs;
    private boolean done;
    private final byte[] header = new byte[28];

    static boolean isSectionHeader(byte[] head) {
        return head.length >= 12 && (head[0] & 0xff) == 0x0A && (head[1] & 0xff) == 0x0D
                && (head[2] & 0xff) == 0x0D && (head[3] & 0xff) == 0x0A;
    }

    PcapngReader(ByteSource src, InputLedger ledger) {
        this.src = src;
        this.ledger = ledger;
    }

    private int u32(byte[] b, int p) {
        int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    private int u16(byte[] b, int p) {
        return bigEndian ? ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff) : ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    @Override
    public boolean next(Frame f) throws IOException {
        while (!done) {
            long offset = src.offset();
            if (!src.ensure(12)) {
                if (src.available() > 0) {
                    ledger.reject("offset " + offset, "truncated block header", src.available() + " bytes before end of file");
                }
                done = true;
                return false;
            }
            byte[] b = src.buffer();
            int p = src.position();
            int rawType = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (rawType == SHB) {
                int bom = ((b[p + 8] & 0xff) << 24) | ((b[p + 9] & 0xff) << 16) | ((b[p + 10] & 0xff) << 8) | (b[p + 11] & 0xff);
                if (bom == 0x1A2B3C4D) {
                    bigEndian = true;
                } else if (bom == 0x4D3C2B1A) {
                    bigEndian = false;
                } else {
                    ledger.reject("offset " + offset, "bad section header", "byte-order magic " + Integer.toHexString(bom));
                    done = true;
                    return false;
                }
                interfaces.clear();
            }
            int type = u32(b, p);
            long total = u32(b, p + 4) & 0xffff_ffffL;
            if (total < 12 || (total & 3) != 0 || total > MAX_BLOCK) {
                ledger.reject("offset " + offset, "bad block length",
                        "block type " + type + " claims " + total + " bytes; the file is damaged here and reading stops");
                done = true;
                return false;
            }
            int bodyLen = (int) total - 12;
            if (type == EPB || type == PB || type == SPB) {
                number++;
                if (readPacket(f, type, bodyLen, offset)) {
                    return true;
                }
                continue;
            }
            src.advance(8);
            if (type == IDB) {
                readInterface(bodyLen, offset);
            } else if (src.skip(bodyLen) < bodyLen) {
                truncated(offset);
                return false;
            }
            if (!finishBlock(total, offset)) {
                return false;
            }
        }
        return false;
    }

    private void truncated(long offset) {
        ledger.reject("offset " + offset, "truncated block", "file ends inside the block");
        done = true;
    }

    private boolean finishBlock(long total, long offset) throws IOException {
        if (!src.ensure(4)) {
            truncated(offset);
            return false;
        }
        long trailer = u32(src.buffer(), src.position()) & 0xffff_ffffL;
        src.advance(4);
        if (trailer != total) {
            ledger.reject("offset " + offset, "block length mismatch",
                    "header says " + total + ", trailer says " + trailer);
        }
        return true;
    }

    private void readInterface(int bodyLen, long offset) throws IOException {
        byte[] body = new byte[bodyLen];
        if (src.read(body, 0, bodyLen) < bodyLen) {
            truncated(offset);
            return;
        }
        if (bodyLen < 8) {
            ledger.reject("offset " + offset, "bad interface block", "body of " + bodyLen + " bytes");
            return;
        }
        int linkType = u16(body, 0);
        int snap = u32(body, 4);
        boolean decimal = true;
        int exponent = 6;
        long tsOffset = 0;
        int p = 8;
        while (p + 4 <= bodyLen) {
            int code = u16(body, p);
            int len = u16(body, p + 2);
            if (code == 0 || p + 4 + len > bodyLen) {
                break;
            }
            if (code == 9 && len >= 1) {
                int r = body[p + 4] & 0xff;
                decimal = (r & 0x80) == 0;
                exponent = r & 0x7f;
            } else if (code == 14 && len >= 8) {
                long hi = u32(body, p + 4) & 0xffff_ffffL;
                long lo = u32(body, p + 8) & 0xffff_ffffL;
                tsOffset = bigEndian ? (hi << 32) | lo : (lo << 32) | hi;
            }
            p += 4 + ((len + 3) & ~3);
        }
        if (decimal && exponent > 18 || !decimal && exponent > 62) {
            ledger.reject("offset " + offset, "bad timestamp resolution", "if_tsresol exponent " + exponent + "; using microseconds");
            decimal = true;
            exponent = 6;
        }
        if (interfaces.size() >= MAX_INTERFACES) {
            ledger.reject("offset " + offset, "too many interfaces", "more than " + MAX_INTERFACES + " in one section");
            return;
        }
        long units = decimal ? pow10(exponent) : 1L << exponent;
        long nanosPerUnit = decimal && exponent <= 9 ? pow10(9 - exponent) : 0;
        long unitsPerNano = decimal && exponent > 9 ? pow10(exponent - 9) : 0;
        interfaces.add(new Interface(linkType, snap, units, decimal, exponent, tsOffset, nanosPerUnit, unitsPerNano));
    }

    private static long pow10(int e) {
        long v = 1;
        for (int i = 0; i < e; i++) {
            v *= 10;
        }
        return v;
    }

    private boolean readPacket(Frame f, int type, int bodyLen, long offset) throws IOException {
        int fixed = type == SPB ? 4 : 20;
        if (bodyLen < fixed) {
            ledger.reject(where(offset), "bad packet block", "body of " + bodyLen + " bytes");
            return skipRest(8 + bodyLen, bodyLen + 12L, offset);
        }
        if (!src.ensure(8 + fixed)) {
            truncated(offset);
            return false;
        }
        byte[] b = src.buffer();
        int p = src.position() + 8;
        int iface;
        long tsUnits = 0;
        long captured;
        long wire;
        if (type == SPB) {
            iface = 0;
            wire = u32(b, p) & 0xffff_ffffL;
            captured = Math.min(wire, bodyLen - 4);
        } else {
            iface = type == PB ? u16(b, p) : u32(b, p);
            long hi = u32(b, p + 4) & 0xffff_ffffL;
            long lo = u32(b, p + 8) & 0xffff_ffffL;
            tsUnits = (hi << 32) | lo;
            captured = u32(b, p + 12) & 0xffff_ffffL;
            wire = u32(b, p + 16) & 0xffff_ffffL;
        }
        long total = bodyLen + 12L;
        if (iface < 0 || iface >= interfaces.size()) {
            ledger.reject(where(offset), "unknown interface", "interface " + iface + " has no interface description block");
            return skipRest(0, total, offset);
        }
        if (captured > bodyLen - fixed) {
            ledger.reject(where(offset), "capture length exceeds block", "claims " + captured + " bytes in a block body of " + bodyLen);
            return skipRest(0, total, offset);
        }
        if (captured > Frame.MAX_CAPTURE_LENGTH) {
            ledger.reject(where(offset), "capture length too large", captured + " bytes (maximum " + Frame.MAX_CAPTURE_LENGTH + ")");
            return skipRest(0, total, offset);
        }
        if (captured == 0) {
            ledger.reject(where(offset), "empty packet", "captured length 0");
            return skipRest(0, total, offset);
        }
        Interface in = interfaces.get(iface);
        src.advance(8 + fixed);
        src.read(f.data, 0, (int) captured);
        long rest = bodyLen - fixed - captured;
        if (src.skip(rest) < rest) {
            truncated(offset);
            return false;
        }
        if (!finishBlock(total, offset)) {
            return false;
        }
        f.capturedLength = (int) captured;
        f.wireLength = (int) Math.min(Integer.MAX_VALUE, Math.max(wire, captured));
        f.tsNanos = type == SPB ? lastTs : toNanos(tsUnits, in);
        lastTs = f.tsNanos;
        f.tsDigits = in.decimal ? Math.min(9, in.exponent) : 9;
        f.linkType = in.linkType;
        f.number = number;
        f.offset = offset;
        f.interfaceId = iface;
        return true;
    }

    /** Built only for a problem. */
    private String where(long offset) {
        return "packet " + number + " (offset " + offset + ")";
    }

    private static long toNanos(long units, Interface in) {
        long per = in.unitsPerSecond;
        long sec = Long.divideUnsigned(units, per) + in.offsetSeconds;
        long frac = Long.remainderUnsigned(units, per);
        long nanos;
        if (in.decimal) {
            nanos = in.exponent <= 9 ? frac * in.nanosPerUnit : frac / in.unitsPerNano;
        } else {
            nanos = (long) ((double) frac * 1e9 / per);
        }
        return sec * 1_000_000_000L + nanos;
    }

    private boolean skipRest(int alreadyInBuffer, long total, long offset) throws IOException {
        if (src.skip(total) < total) {
            truncated(offset);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
