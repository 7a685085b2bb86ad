package io.dscover.collect.pcap.read;

/**
 * One captured frame, reused from packet to packet so reading allocates nothing per packet. The
 * bytes are valid until the next call to {@link CaptureReader#next}.
 */
public final class Frame {

    /** Largest captured length accepted (libpcap's maximum snap length); larger records are rejected. */
    public static final int MAX_CAPTURE_LENGTH = 262_144;

    final byte[] data = new byte[MAX_CAPTURE_LENGTH];
    int capturedLength;
    int wireLength;
    long tsNanos;
    int tsDigits;
    int linkType;
    long number;
    long offset;
    int interfaceId;

    public byte[] data() {
        return data;
    }

    public int capturedLength() {
        return capturedLength;
    }

    /** Length of the frame on the wire (at least the captured length). */
    public int wireLength() {
        return wireLength;
    }

    public long tsNanos() {
        return tsNanos;
    }

    /** Fraction digits the capture gave timestamps with: 6 (µs) or 9 (ns), or the pcapng interface's. */
    public int tsDigits() {
        return tsDigits;
    }

    public int linkType() {
        return linkType;
    }

    /** 1-based packet number in the file, counting every packet record (also rejected ones). */
    public long number() {
        return number;
    }

    /** Byte offset of the record (pcap record header, pcapng block) in the uncompressed file. */
    public long offset() {
        return offset;
    }

    public int interfaceId() {
        return interfaceId;
    }

    /** Where the frame is, for ledgers: {@code packet 9 (offset 1480)}. */
    public String location() {
        return "packet " + number + " (offset " + offset + ")";
    }
}
