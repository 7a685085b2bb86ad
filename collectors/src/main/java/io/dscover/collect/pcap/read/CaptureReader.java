package io.dscover.collect.pcap.read;

import io.dscover.collect.InputLedger;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads frames from a capture file, one at a time. Damaged records are counted in the ledger with
 * their file offset; a reader that cannot find the next record stops (returns false) after saying why.
 */
public sealed interface CaptureReader extends Closeable permits PcapReader, PcapngReader {

    /** Fills {@code frame} with the next frame; false at the end of the input (or when it cannot go on). */
    boolean next(Frame frame) throws IOException;

    /** True when the first bytes are a pcap or pcapng magic number. */
    static boolean isCapture(byte[] head) {
        return PcapReader.magic(head) != null || PcapngReader.isSectionHeader(head);
    }

    /** Opens a reader by magic number; a stream that is neither format is rejected in the ledger. */
    static CaptureReader open(InputStream in, InputLedger ledger) throws IOException {
        ByteSource src = new ByteSource(in);
        src.ensure(24);
        byte[] head = new byte[Math.min(24, src.available())];
        System.arraycopy(src.buffer(), src.position(), head, 0, head.length);
        if (PcapngReader.isSectionHeader(head)) {
            return new PcapngReader(src, ledger);
        }
        if (PcapReader.magic(head) != null && head.length == 24) {
            return new PcapReader(src, ledger);
        }
        ledger.reject("offset 0", "not a capture file",
                head.length < 24 ? "only " + head.length + " bytes" : "no pcap or pcapng magic number");
        src.close();
        return new PcapReader(null, ledger);
    }
}
