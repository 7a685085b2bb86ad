package io.dscover.collect.pcap.proto;

/**
 * A dissector attached to one connection. TCP payload arrives in stream order (reassembled),
 * UDP and ICMP payload per datagram. A dissector that finds the data is not its protocol says so
 * with {@link #failed()} and is dropped; one that has everything it wants says so with
 * {@link #done()} so the connection stops delivering (and buffering) data for it.
 */
public abstract class Analyzer {

    /** What a message held for its reply (an event with its strings) is counted as in the dissector memory. */
    protected static final int HELD_MESSAGE = 512;

    private boolean failed;
    private boolean done;
    private long held;

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

    /**
     * Takes {@code bytes} of the capture's shared dissector memory for a buffer or a held message
     * of this dissector; false when the budget is spent (then the dissector must not grow: it
     * truncates or stops, and the refusal is counted in the ledger).
     */
    protected final boolean reserve(Session s, int bytes) {
        if (bytes <= 0) {
            return true;
        }
        if (!s.reserve(bytes)) {
            return false;
        }
        held += bytes;
        return true;
    }

    /** Gives back part of what {@link #reserve} took (a buffer shrunk or a held message emitted). */
    protected final void release(Session s, int bytes) {
        int n = (int) Math.min(bytes, held);
        if (n > 0) {
            held -= n;
            s.release(n);
        }
    }

    /** Gives back everything this dissector holds: called when it is dropped or its connection ends. */
    public void releaseAll(Session s) {
        if (held > 0) {
            s.release((int) held);
            held = 0;
        }
    }

    /** Bytes of the shared dissector memory this dissector holds now. */
    public final long held() {
        return held;
    }
}
