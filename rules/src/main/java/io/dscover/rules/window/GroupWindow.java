package io.dscover.rules.window;

import io.dscover.rules.alert.Evidence;
import io.dscover.rules.state.EvidenceRing;
import io.dscover.rules.state.GroupState;
import java.util.function.DoublePredicate;

/**
 * One group's sliding window: the event times (and values, when the function reads a field) of
 * the group's events still inside it, oldest first, in a ring that grows and shrinks with the
 * window's content, plus the function's incremental accumulator and the latest evidence pointers.
 */
final class GroupWindow extends GroupState {

    private static final int MIN_CAPACITY = 4;

    private final Accumulator accumulator;
    private final boolean keepsValues;
    private final EvidenceRing evidence;
    private long[] times = new long[MIN_CAPACITY];
    private Object[] values;
    private int head;
    private int size;
    private long headSeq;

    GroupWindow(AggregateFunction function, int maxEvidence) {
        this.accumulator = Accumulator.of(function);
        this.keepsValues = function.needsField();
        this.values = keepsValues ? new Object[MIN_CAPACITY] : null;
        this.evidence = new EvidenceRing(maxEvidence);
    }

    /**
     * Drops the entries older than {@code oldestKeptNanos}. While an alert is out for this group, the
     * condition is checked after each drop: the window between two of the group's events changes
     * only by these drops, so checking each one sees every state the window was in, and an episode
     * that ended between events (the value dipped below the threshold) re-arms the alert exactly.
     */
    void expire(long oldestKeptNanos, DoublePredicate having) {
        while (size > 0 && times[head] < oldestKeptNanos) {
            Object v = keepsValues ? values[head] : null;
            accumulator.remove(v, headSeq);
            if (keepsValues) {
                values[head] = null;
            }
            head = (head + 1) & (times.length - 1);
            size--;
            headSeq++;
            if (alerted() && !having.test(doubleValue())) {
                rearm();
            }
        }
        if (times.length > MIN_CAPACITY && size < times.length / 4) {
            resize(times.length / 2);
        }
    }

    void add(long timeNanos, Object value, Evidence pointer) {
        if (size == times.length) {
            resize(times.length * 2);
        }
        int at = (head + size) & (times.length - 1);
        times[at] = timeNanos;
        if (keepsValues) {
            values[at] = value;
        }
        accumulator.add(value, headSeq + size);
        size++;
        evidence.add(timeNanos, pointer);
    }

    Number value() {
        return accumulator.value(size);
    }

    double doubleValue() {
        return accumulator.current(size);
    }

    int size() {
        return size;
    }

    long oldestNanos() {
        return times[head];
    }

    EvidenceRing evidence() {
        return evidence;
    }

    private void resize(int capacity) {
        long[] t = new long[capacity];
        Object[] v = keepsValues ? new Object[capacity] : null;
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (times.length - 1);
            t[i] = times[from];
            if (keepsValues) {
                v[i] = values[from];
            }
        }
        times = t;
        values = v;
        head = 0;
    }
}
