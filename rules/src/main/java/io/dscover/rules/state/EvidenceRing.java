package io.dscover.rules.state;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent evidence pointers of one group, at most {@code capacity}, with their event times:
 * input file, record number and offset kept as parallel arrays (28 bytes a pointer, no object per
 * event), {@link Evidence} records made only when an alert needs them. Grows from one slot, so the
 * many groups that only ever see an event or two stay small.
 */
public final class EvidenceRing {

    private static final long NONE = Long.MIN_VALUE;

    private final int capacity;
    private long[] times = new long[1];
    private String[] files = new String[1];
    private long[] records = new long[1];
    private long[] offsets = new long[1];
    private int next;
    private int size;

    public EvidenceRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("evidence capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Remembers where {@code e} came from, as seen at {@code timeNanos}. */
    public void add(long timeNanos, NetworkEvent e) {
        add(timeNanos, e.getLogFilePath(), e.getLogRecord(), e.getLogOffset());
    }

    public void add(long timeNanos, Evidence e) {
        add(timeNanos, e.file(), e.record(), e.offset());
    }

    private void add(long timeNanos, String file, Long record, Long offset) {
        if (size == times.length && size < capacity) {
            grow(Math.min(capacity, size * 2));
        }
        times[next] = timeNanos;
        files[next] = file;
        records[next] = record == null ? NONE : record;
        offsets[next] = offset == null ? NONE : offset;
        if (++next == times.length) {
            next = 0;
        }
        if (size < times.length) {
            size++;
        }
    }

    private void grow(int n) {
        long[] t = new long[n];
        String[] f = new String[n];
        long[] r = new long[n];
        long[] o = new long[n];
        for (int i = 0; i < size; i++) {
            int from = (next + i) % size;
            t[i] = times[from];
            f[i] = files[from];
            r[i] = records[from];
            o[i] = offsets[from];
        }
        times = t;
        files = f;
        records = r;
        offsets = o;
        next = size;
    }

    /** The pointers of events at or after {@code fromNanos}, oldest first. */
    public List<Evidence> since(long fromNanos) {
        List<Evidence> out = new ArrayList<>(size);
        int start = size < times.length ? 0 : next;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % times.length;
            if (times[at] >= fromNanos) {
                out.add(new Evidence(files[at], records[at] == NONE ? null : records[at],
                        offsets[at] == NONE ? null : offsets[at]));
            }
        }
        return out;
    }

    /** Bytes held: 28 a slot plus the arrays' headers. */
    public long estimatedBytes() {
        return 96 + (long) times.length * 28;
    }
}
