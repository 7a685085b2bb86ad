package io.dscover.collect.pcap.decode;

/**
 * What decoding a frame or datagram came to. {@code SKIPPED_*} are frames that are fine but carry
 * nothing dscover follows (ARP, STP, ...); {@code MALFORMED} ones are counted as rejected.
 */
public enum DecodeResult {
    /** A complete IP datagram with its transport header. */
    OK,
    /** A fragment kept for reassembly; nothing to process yet. */
    FRAGMENT_HELD,
    SKIPPED_NOT_IP,
    /** An Ethernet ARP packet: {@link PacketDecoder#arpOffset()} points at it. */
    ARP,
    SKIPPED_LINK_TYPE,
    MALFORMED
}
