package io.dscover.collect.pcap.proto;

import io.dscover.model.event.NetworkEvent;

/**
 * What a dissector sees of the connection it analyses: a way to emit events (stamped with the
 * connection's 5-tuple, uid, community id and the current packet's location), the current packet
 * time, and places to report a confirmed protocol or a malformed message.
 */
public interface Session {

    /** Stamps the connection's identity on the event and hands it on. */
    void emit(NetworkEvent event);

    /** Time of the packet being processed, ns since the epoch. */
    long now();

    /** Confirms the protocol: its name becomes part of the flow's {@code network.protocol} (Zeek's service). */
    void confirm(String service);

    /** Counts a malformed message at the current packet's location. */
    void malformed(String reason, String detail);

    /** Announces a connection this one negotiated (FTP data channel): it will be labelled with {@code service}. */
    void expect(byte[] address, int port, String service);

    /** True for a TCP connection picked up mid-stream (its start was not seen). */
    boolean partial();

    /** Stamps the time and packet location of an event without emitting it (for events emitted later). */
    void stampLocation(NetworkEvent event);

    /**
     * Takes {@code bytes} from the memory all dissectors of the capture share (buffers and held
     * messages). False when the budget is spent: the caller must not grow, and the refusal is
     * counted in the ledger. Use {@link Analyzer#reserve}, which also remembers what to give back.
     */
    boolean reserve(int bytes);

    /** Gives back bytes taken with {@link #reserve}. */
    void release(int bytes);
}
