package io.dscover.rules.state;

/**
 * The bytes all stateful rules of a run may hold, shared: every group reports an estimate of its
 * size, and a table whose growth takes the total over the limit evicts its own least recently used
 * groups (counted) until it is back under. A key cap alone does not bound memory — one group's window
 * can hold millions of events (a 6-hour beacon window at 2,000 flows/s holds 43 million) — so this is
 * what makes an OutOfMemoryError impossible at any input rate.
 *
 * <p>Estimates count arrays and objects a group owns (typically 8–16 bytes per event in a window plus
 * ~250 bytes per group), not the JVM's exact layout; leave the rest of the heap for the rule base,
 * events in flight and the merge buffer.
 */
public final class MemoryBudget {

    private final long limitBytes;
    private long usedBytes;
    private long peakBytes;

    public MemoryBudget(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** No limit (standalone state machines, tests). */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    /** Half the heap the JVM may use, the engine's default. */
    public static MemoryBudget halfOfHeap() {
        long max = Runtime.getRuntime().maxMemory();
        return new MemoryBudget(max == Long.MAX_VALUE ? 2L << 30 : max / 2);
    }

    void add(long deltaBytes) {
        usedBytes += deltaBytes;
        if (usedBytes > peakBytes) {
            peakBytes = usedBytes;
        }
    }

    boolean exceeded() {
        return usedBytes > limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public long peakBytes() {
        return peakBytes;
    }
}
