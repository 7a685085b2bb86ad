package io.dscover.collect.pcap.stream;

/**
 * Out-of-order bytes all reassemblers of one capture may hold together. The per-direction cap
 * bounds one connection; this bounds the sum, so many connections with holes cannot add up past
 * the heap. Not thread-safe: one capture is read by one thread.
 */
public final class BufferBudget {

    private final long limit;
    private long used;

    public BufferBudget(long limit) {
        this.limit = limit;
    }

    boolean tryTake(int bytes) {
        if (used + bytes > limit) {
            return false;
        }
        used += bytes;
        return true;
    }

    void give(int bytes) {
        used -= bytes;
    }

    public long used() {
        return used;
    }
}
