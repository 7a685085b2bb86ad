package io.dscover.collect.pcap.proto;

/**
 * A dissector attached to one connection. TCP payload arrives in stream order (reassembled),
 * UDP and ICMP payload per datagram. A dissector that finds the data is not its protocol says so
 * with {@link #failed()} and is dropped; one that has everything it wants says so with
 * {@link #done()} so the connection stops delivering (and buffering) data for it.
 */
public abstract class Analyzer {

    private boolean failed;
    private boolean done;

    /** Zeek-style analyzer name, e.g. {@code dns}, {@code http}, {@code ssl}. */
    public abstract String name();

    /** One UDP or ICMP payload. */
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
    }

    /** The next in-order bytes of one TCP direction. */
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
    }

    /** Bytes of one TCP direction that were never seen (capture loss). */
    public void gap(Session s, boolean fromOrig, long len) {
        fail();
    }

    /** The connection ended: emit whatever is pending. */
    public void end(Session s) {
    }

    public final boolean failed() {
        return failed;
    }

    public final boolean done() {
        return done || failed;
    }

    protected final void fail() {
        failed = true;
    }

    protected final void finish() {
        done = true;
    }
}
