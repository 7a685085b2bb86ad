package io.dscover.rules.window;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.state.EvidenceRing;
import io.dscover.rules.state.GroupState;
import java.util.function.DoublePredicate;

/**
 * One group's sliding window: a queue of entries, oldest first, in a ring that grows and shrinks
 * with the window's content, plus the function's incremental accumulator and the latest evidence
 * pointers.
 *
 * <p>Entries are time buckets of width q (the window's thousandth, rounded down to a power of ten:
 * 10 ms for 60 s, 1 s for an hour): events of one bucket merge into one entry (their count, their
 * sum or extreme), and for {@code count(distinct)} a value seen again in the same bucket adds
 * nothing. So a group costs at most 10,000 entries (1,000 to 10,000 buckets span the window; times
 * the distinct values per bucket for count(distinct)) whatever the event rate — a one-hour sum per source at thousands of events a second stays small — at the
 * price of an event leaving the window up to q (0.1% of the window) early.
 */
final class GroupWindow extends GroupState {

    private static final int MIN_CAPACITY = 4;

    private final AggregateFunction function;
    private final Accumulator accumulator;
    private final boolean keepsValues;
    private final boolean keepsCounts;
    private final long quantumNanos;
    private final EvidenceRing evidence;
    private long[] times = new long[MIN_CAPACITY];
    private Object[] values;
    private int[] counts;
    private int head;
    private int size;
    private long headSeq;

    GroupWindow(AggregateFunction function, long quantumNanos, int maxEvidence) {
        this.function = function;
        this.accumulator = Accumulator.of(function);
        this.keepsValues = function.needsField();
        this.keepsCounts = function == AggregateFunction.COUNT || function == AggregateFunction.AVG;
        this.quantumNanos = quantumNanos;
        this.values = keepsValues ? new Object[MIN_CAPACITY] : null;
        this.counts = keepsCounts ? new int[MIN_CAPACITY] : null;
        this.evidence = new EvidenceRing(maxEvidence);
    }

    /**
     * Drops the entries of buckets that started before {@code oldestKeptNanos}. While an alert is
     * out for this group, the condition is checked after each drop: the window between two of the
     * group's events changes only by these drops, so checking each one sees every state the window
     * was in, and an episode that ended between events (the value dipped below the threshold)
     * re-arms the alert exactly.
     */
    void expire(long oldestKeptNanos, DoublePredicate having) {
        while (size > 0 && times[head] < oldestKeptNanos) {
            accumulator.remove(keepsValues ? values[head] : null, keepsCounts ? counts[head] : 1, headSeq);
            if (keepsValues) {
                values[head] = null;
            }
            head = (head + 1) & (times.length - 1);
            size--;
            headSeq++;
            if (alerted() && !having.test(accumulator.current())) {
                rearm();
            }
        }
        if (times.length > MIN_CAPACITY && size < times.length / 4) {
            resize(times.length / 2);
        }
    }

    void add(long timeNanos, Object value, NetworkEvent event) {
        if (event != null) {
            evidence.add(timeNanos, event);
        }
        long bucket = Math.floorDiv(timeNanos, quantumNanos) * quantumNanos;
        int newest = (head + size - 1) & (times.length - 1);
        boolean sameBucket = size > 0 && times[newest] == bucket;
        long newestSeq = headSeq + size - 1;
        switch (function) {
            case COUNT_DISTINCT -> {
                Accumulator.Distinct distinct = (Accumulator.Distinct) accumulator;
                if (!distinct.seenIn(value, bucket)) {
                    append(bucket, value);
                    distinct.addIn(value, bucket);
                }
                return;
            }
            case COUNT -> {
                if (sameBucket) {
                    counts[newest]++;
                    accumulator.replaceNewest(null, counts[newest] - 1, null, counts[newest], newestSeq);
                    return;
                }
            }
            case SUM, AVG -> {
                if (sameBucket) {
                    Object merged = plus(values[newest], value);
                    int count = keepsCounts ? counts[newest] : 1;
                    accumulator.replaceNewest(values[newest], count, merged, count + 1, newestSeq);
                    values[newest] = merged;
                    if (keepsCounts) {
                        counts[newest]++;
                    }
                    return;
                }
            }
            case MIN, MAX -> {
                if (sameBucket) {
                    Accumulator.Extreme extreme = (Accumulator.Extreme) accumulator;
                    if (extreme.better(value, values[newest])) {
                        extreme.replaceNewest(values[newest], 1, value, 1, newestSeq);
                        values[newest] = value;
                    }
                    return;
                }
            }
        }
        append(bucket, value);
        accumulator.add(value, 1, headSeq + size - 1);
    }

    private void append(long bucket, Object value) {
        if (size == times.length) {
            resize(times.length * 2);
        }
        int at = (head + size) & (times.length - 1);
        times[at] = bucket;
        if (keepsValues) {
            values[at] = value;
        }
        if (keepsCounts) {
            counts[at] = 1;
        }
        size++;
    }

    private static Object plus(Object a, Object b) {
        if (Accumulator.Sum.isIntegral(a) && Accumulator.Sum.isIntegral(b)) {
            return ((Number) a).longValue() + ((Number) b).longValue();
        }
        return ((Number) a).doubleValue() + ((Number) b).doubleValue();
    }

    Number value() {
        return accumulator.value();
    }

    double doubleValue() {
        return accumulator.current();
    }

    /** Start of the oldest bucket in the window. */
    long oldestNanos() {
        return times[head];
    }

    EvidenceRing evidence() {
        return evidence;
    }

    /**
     * What this group holds, for the memory budget: the object, its key and table entries (~250
     * bytes), the ring (8 bytes a slot, plus a reference and a boxed value when the function reads a
     * field, plus a count for count and avg), the accumulator's own tables and the evidence ring.
     */
    long estimatedBytes() {
        long slot = 8 + (keepsValues ? 4 : 0) + (keepsCounts ? 4 : 0);
        long ring = times.length * slot + (keepsValues ? (long) size * 16 : 0);
        return 250 + ring + accumulator.extraBytes() + evidence.estimatedBytes();
    }

    private void resize(int capacity) {
        long[] t = new long[capacity];
        Object[] v = keepsValues ? new Object[capacity] : null;
        int[] c = keepsCounts ? new int[capacity] : null;
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (times.length - 1);
            t[i] = times[from];
            if (keepsValues) {
                v[i] = values[from];
            }
            if (keepsCounts) {
                c[i] = counts[from];
            }
        }
        times = t;
        values = v;
        counts = c;
        head = 0;
    }
}
