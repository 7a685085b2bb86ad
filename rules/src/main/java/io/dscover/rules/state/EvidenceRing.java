package io.dscover.rules.state;

import io.dscover.rules.alert.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent evidence pointers of one group, at most {@code capacity}, with their event times.
 * Grows from one slot, so the many groups that only ever see an event or two stay small.
 */
public final class EvidenceRing {

    private final int capacity;
    private long[] times = new long[1];
    private Evidence[] pointers = new Evidence[1];
    private int next;
    private int size;

    public EvidenceRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("evidence capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    public void add(long timeNanos, Evidence e) {
        if (size == pointers.length && size < capacity) {
            int n = Math.min(capacity, size * 2);
            long[] t = new long[n];
            Evidence[] p = new Evidence[n];
            for (int i = 0; i < size; i++) {
                int from = (next + i) % size;
                t[i] = times[from];
                p[i] = pointers[from];
            }
            times = t;
            pointers = p;
            next = size;
        }
        times[next] = timeNanos;
        pointers[next] = e;
        if (++next == pointers.length) {
            next = 0;
        }
        if (size < pointers.length) {
            size++;
        }
    }

    /** The pointers of events at or after {@code fromNanos}, oldest first. */
    public List<Evidence> since(long fromNanos) {
        List<Evidence> out = new ArrayList<>(size);
        int start = size < pointers.length ? 0 : next;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % pointers.length;
            if (times[at] >= fromNanos) {
                out.add(pointers[at]);
            }
        }
        return out;
    }

    /** Bytes held: the arrays and the pointers (~40 bytes each with their file and record). */
    public long estimatedBytes() {
        return 48 + (long) pointers.length * (8 + 4 + 40);
    }

    public void clear() {
        size = 0;
        next = 0;
        java.util.Arrays.fill(pointers, null);
    }
}
