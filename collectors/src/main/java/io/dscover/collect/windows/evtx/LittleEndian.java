package io.dscover.collect.windows.evtx;

/** Unsigned little-endian reads from a byte array (EVTX stores every integer little-endian). */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    /** An unsigned 32-bit value as a long. */
    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff)) | (long) (b[at + 1] & 0xff) << 8 | (long) (b[at + 2] & 0xff) << 16
                | (long) (b[at + 3] & 0xff) << 24;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
