package io.dscover.collect.windows.evtx;

import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.record.EventXmlHandler;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Streams the event records of an EVTX file: the 4 KiB file header, then one 64 KiB chunk at a time
 * (memory stays at one chunk however large the file), then each record of the chunk rendered from
 * its binary XML. Every chunk present is read, not only as many as the header counts, because a
 * log copied while in use ("dirty") often has more. A stream that starts with a chunk (carved from
 * disk) is read too.
 *
 * <p>Checksums: a file header, chunk header or record-data CRC32 that does not match is counted in
 * the ledger with its offset; by default the chunk's records are still read, each checked on its
 * own (signature, size and its trailing copy, binary XML), because a CRC mismatch in a live log
 * usually means one unfinished record. With {@code skipBadChunks} such a chunk is skipped instead.
 * A bad record is rejected with its offset and reading resumes at the next record signature.
 */
public final class EvtxRecords implements Closeable {

    static final int FILE_HEADER_BLOCK = 4096;
    static final byte[] FILE_SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final int RECORD_HEADER = 24;
    private static final int MIN_RECORD = RECORD_HEADER + 4 + 4;

    private final InputStream in;
    private final InputLedger ledger;
    private final boolean skipBadChunks;
    private final EvtxChunk chunk = new EvtxChunk();
    private final BinXmlParser parser = new BinXmlParser(chunk.data);

    private boolean started;
    private boolean ended;
    private byte[] pending; // bytes read while probing the file header that belong to the first chunk
    private long chunkFileOffset;
    private long nextChunkFileOffset;
    private int chunkIndex = -1;
    private boolean chunkLoaded;
    private int recordPos;
    private int recordsEnd;

    private long recordNumber;
    private long recordOffset;
    private long writtenTime;
    private String location = "";

    public EvtxRecords(InputStream in, InputLedger ledger, boolean skipBadChunks) {
        this.in = in;
        this.ledger = ledger;
        this.skipBadChunks = skipBadChunks;
    }

    /**
     * Renders the next good record into {@code handler}; false at the end of the input. The handler
     * only sees complete records: a record that fails is rejected in the ledger before any call.
     */
    public boolean next(EventXmlHandler handler) throws IOException {
        if (!started) {
            started = true;
            readFileHeader();
        }
        while (!ended) {
            if (!chunkLoaded) {
                if (!loadChunk()) {
                    ended = true;
                    break;
                }
                continue;
            }
            if (recordPos + RECORD_HEADER > recordsEnd) {
                chunkLoaded = false;
                continue;
            }
            if (readRecord(handler)) {
                return true;
            }
        }
        return false;
    }

    /** The record identifier from the record header of the last record returned. */
    public long recordNumber() {
        return recordNumber;
    }

    /** Byte offset of the last record returned in the input. */
    public long recordOffset() {
        return recordOffset;
    }

    /** When the last record returned was written (FILETIME, 100 ns since 1601). */
    public long writtenTime() {
        return writtenTime;
    }

    /** {@code offset 4608 (chunk 0, record 1)} for the last record returned. */
    public String location() {
        return location;
    }

    private void readFileHeader() throws IOException {
        byte[] head = in.readNBytes(FILE_HEADER_BLOCK);
        nextChunkFileOffset = FILE_HEADER_BLOCK;
        if (head.length >= 8 && EvtxChunk.startsWith(head, EvtxChunk.SIGNATURE)) {
            pending = head; // no file header: a chunk (e.g. carved from unallocated space)
            nextChunkFileOffset = 0;
            return;
        }
        if (head.length < 128 || !EvtxChunk.startsWith(head, FILE_SIGNATURE)) {
            ledger.recordRead();
            ledger.reject("offset 0", "not an EVTX file", "no ElfFile signature");
            ended = true;
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(head, 0, 120);
        long stored = LittleEndian.u32(head, 124);
        if (crc.getValue() != stored) {
            ledger.reject("offset 0", "file header checksum mismatch",
                    String.format(Locale.ROOT, "stored 0x%08x, computed 0x%08x; chunks read anyway", stored, crc.getValue()));
        }
        int blockSize = LittleEndian.u16(head, 40);
        if (blockSize > FILE_HEADER_BLOCK && blockSize <= EvtxChunk.SIZE) {
            // chunks start after the header block; what lies between is skipped (the file may end there)
            int gap = blockSize - FILE_HEADER_BLOCK;
            int skipped = in.readNBytes(new byte[gap], 0, gap);
            nextChunkFileOffset = FILE_HEADER_BLOCK + skipped;
        }
        if (head.length < FILE_HEADER_BLOCK) {
            ended = true; // a header and nothing else: an empty log
        }
    }

    private boolean loadChunk() throws IOException {
        while (true) {
            int n = 0;
            if (pending != null) {
                n = Math.min(pending.length, EvtxChunk.SIZE);
                System.arraycopy(pending, 0, chunk.data, 0, n);
                pending = null;
            }
            n += in.readNBytes(chunk.data, n, EvtxChunk.SIZE - n);
            chunkFileOffset = nextChunkFileOffset;
            nextChunkFileOffset += n;
            if (n == 0) {
                return false;
            }
            chunkIndex++;
            chunk.length = n;
            String where = "offset " + chunkFileOffset + " (chunk " + chunkIndex + ")";
            if (!chunk.hasSignature()) {
                if (chunk.isAllZero()) {
                    ledger.skip("unused chunk");
                } else {
                    ledger.reject(where, "not a chunk", "no ElfChnk signature");
                }
                if (n < EvtxChunk.SIZE) {
                    return false;
                }
                continue;
            }
            if (n < EvtxChunk.HEADER_SIZE) {
                ledger.reject(where, "truncated chunk", n + " of " + EvtxChunk.SIZE + " bytes; no records");
                return false;
            }
            chunk.readHeader();
            boolean good = true;
            long headerCrc = chunk.computedHeaderCrc();
            if (headerCrc != chunk.storedHeaderCrc) {
                good = false;
                ledger.reject(where, "chunk header checksum mismatch", String.format(Locale.ROOT,
                        "stored 0x%08x, computed 0x%08x; %s", chunk.storedHeaderCrc, headerCrc, consequence()));
            }
            if (n < EvtxChunk.SIZE) {
                ledger.reject(where, "truncated chunk", n + " of " + EvtxChunk.SIZE + " bytes; complete records read");
            } else if (!chunk.freeSpaceOffsetValid()) {
                good = false;
                ledger.reject(where, "chunk free-space offset invalid", chunk.freeSpaceOffset + "; " + consequence());
            } else {
                long dataCrc = chunk.computedDataCrc();
                if (dataCrc != chunk.storedDataCrc) {
                    good = false;
                    ledger.reject(where, "chunk data checksum mismatch", String.format(Locale.ROOT,
                            "stored 0x%08x, computed 0x%08x; %s", chunk.storedDataCrc, dataCrc, consequence()));
                }
            }
            if (!good && skipBadChunks) {
                continue;
            }
            parser.newChunk(n);
            recordPos = EvtxChunk.HEADER_SIZE;
            recordsEnd = chunk.recordsEnd();
            chunkLoaded = true;
            return true;
        }
    }

    private String consequence() {
        return skipBadChunks ? "chunk skipped" : "records read anyway";
    }

    /** Reads the record at {@code recordPos}; true when one was rendered. Always advances. */
    private boolean readRecord(EventXmlHandler handler) {
        byte[] d = chunk.data;
        int at = recordPos;
        String where = "offset " + (chunkFileOffset + at) + " (chunk " + chunkIndex + ")";
        if (!isRecordHeader(at)) {
            if (isZero(at, Math.min(8, recordsEnd - at))) {
                recordPos = recordsEnd; // slack after the last record
                return false;
            }
            ledger.recordRead();
            ledger.reject(where, "bad record header", describeBadHeader(at));
            recordPos = nextSignature(at + 1);
            return false;
        }
        int size = (int) LittleEndian.u32(d, at + 4);
        long id = LittleEndian.u64(d, at + 8);
        recordPos = at + size;
        ledger.recordRead();
        where = "offset " + (chunkFileOffset + at) + " (chunk " + chunkIndex + ", record " + id + ")";
        BinXmlNode[] nodes;
        try {
            nodes = parser.parseRecord(at + RECORD_HEADER, at + size - 4);
        } catch (EvtxFormatException e) {
            ledger.reject(where, "bad binary XML", e.getMessage() + " at offset " + (chunkFileOffset + e.offset()));
            return false;
        }
        if (BinXmlRenderer.measure(nodes) > BinXmlRenderer.MAX_NODES) {
            ledger.reject(where, "record too complex", "expands to over " + BinXmlRenderer.MAX_NODES + " XML nodes");
            return false;
        }
        recordNumber = id;
        recordOffset = chunkFileOffset + at;
        writtenTime = LittleEndian.u64(d, at + 16);
        location = where;
        BinXmlRenderer.render(nodes, handler);
        return true;
    }

    /** Signature, a size that fits the chunk, and the size repeated at the record's end. */
    private boolean isRecordHeader(int at) {
        byte[] d = chunk.data;
        if (at + RECORD_HEADER > recordsEnd || d[at] != '*' || d[at + 1] != '*' || d[at + 2] != 0 || d[at + 3] != 0) {
            return false;
        }
        long size = LittleEndian.u32(d, at + 4);
        if (size < MIN_RECORD || size > recordsEnd - at) {
            return false;
        }
        return LittleEndian.u32(d, at + (int) size - 4) == size;
    }

    private String describeBadHeader(int at) {
        byte[] d = chunk.data;
        if (d[at] != '*' || d[at + 1] != '*' || d[at + 2] != 0 || d[at + 3] != 0) {
            return "no record signature";
        }
        long size = LittleEndian.u32(d, at + 4);
        if (size < MIN_RECORD || size > recordsEnd - at) {
            return "size " + size + " does not fit the chunk";
        }
        return "size " + size + " not repeated at the record's end";
    }

    /** The next offset with a plausible record header, or the end of the records. */
    private int nextSignature(int from) {
        for (int i = from; i + RECORD_HEADER <= recordsEnd; i++) {
            if (chunk.data[i] == '*' && isRecordHeader(i)) {
                return i;
            }
        }
        return recordsEnd;
    }

    private boolean isZero(int at, int n) {
        for (int i = 0; i < n; i++) {
            if (chunk.data[at + i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
