package io.dscover.collect.windows.evtx;

import java.util.zip.CRC32;

/**
 * One 64 KiB chunk: a 512-byte header (record number range, free-space offset, CRC32 of the header
 * and of the record data, the common-string and template offset tables) followed by event records.
 */
final class EvtxChunk {

    static final int SIZE = 1 << 16;
    static final int HEADER_SIZE = 512;
    static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    final byte[] data = new byte[SIZE];
    /** Valid bytes in {@link #data} (less than {@link #SIZE} only for a truncated last chunk). */
    int length;
    long firstRecordNumber;
    long lastRecordNumber;
    long freeSpaceOffset;
    long storedHeaderCrc;
    long storedDataCrc;

    boolean hasSignature() {
        return length >= SIGNATURE.length && startsWith(data, SIGNATURE);
    }

    boolean isAllZero() {
        for (int i = 0; i < length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    void readHeader() {
        firstRecordNumber = LittleEndian.u64(data, 8);
        lastRecordNumber = LittleEndian.u64(data, 16);
        freeSpaceOffset = LittleEndian.u32(data, 48);
        storedDataCrc = LittleEndian.u32(data, 52);
        storedHeaderCrc = LittleEndian.u32(data, 124);
    }

    /** CRC32 of header bytes 0-119 and 128-511 (the checksum field and the flags are left out). */
    long computedHeaderCrc() {
        CRC32 crc = new CRC32();
        crc.update(data, 0, 120);
        crc.update(data, 128, HEADER_SIZE - 128);
        return crc.getValue();
    }

    /** Whether the free-space offset is one the records can end at. */
    boolean freeSpaceOffsetValid() {
        return freeSpaceOffset >= HEADER_SIZE && freeSpaceOffset <= SIZE;
    }

    /** CRC32 of the record data, from the end of the header to the free-space offset. */
    long computedDataCrc() {
        CRC32 crc = new CRC32();
        crc.update(data, HEADER_SIZE, (int) freeSpaceOffset - HEADER_SIZE);
        return crc.getValue();
    }

    /** Where records end: the free-space offset when it is sane and present, else the valid bytes. */
    int recordsEnd() {
        return freeSpaceOffsetValid() ? (int) Math.min(freeSpaceOffset, length) : length;
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
