package io.dscover.collect.pcap.stream;

/**
 * Bytes that all connections of one capture may hold together: one budget for the out-of-order
 * bytes of the stream reassemblers, another for the dissectors' buffers and held messages. The
 * per-connection caps bound one connection; a budget bounds the sum, so many connections each
 * holding a little cannot add up past the heap. Not thread-safe: one capture is read by one thread.
 */
public final class BufferBudget {

    private final long limit;
    private long used;

    public BufferBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} if they fit; false (and nothing taken) when they would exceed the limit. */
    public boolean tryTake(int bytes) {
        if (used + bytes > limit) {
            return false;
        }
        used += bytes;
        return true;
    }

    public void give(int bytes) {
        used -= bytes;
    }

    public long used() {
        return used;
    }

    public long limit() {
        return limit;
    }
}
