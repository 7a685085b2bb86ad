package io.dscover.rules.state;

import java.time.Duration;

/**
 * A rule's {@code suppress [by KEYS] for D}: after an alert, no further alert of the rule for the
 * same key values until D has passed in event time. Keys not seen for D are forgotten, so memory is
 * bounded by the alerts of the last D (and by the group cap).
 */
public final class Suppression {

    private final long durationNanos;
    private final GroupTable<Last> keys;
    private long suppressed;

    private static final class Last extends GroupState {
    }

    /** Bytes a remembered key costs (key, its values, table entry, queue slot). */
    private static final long KEY_BYTES = 160;

    public Suppression(Duration duration, int capacity) {
        this(duration, capacity, MemoryBudget.unlimited());
    }

    public Suppression(Duration duration, int capacity, MemoryBudget budget) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("suppress duration must be positive: " + duration);
        }
        this.durationNanos = duration.toNanos();
        this.keys = new GroupTable<>(capacity, durationNanos, budget);
    }

    /** Whether an alert for {@code key} at {@code nowNanos} goes out; if it does, D starts again for the key. */
    public boolean admit(GroupKey key, long nowNanos) {
        keys.sweep(nowNanos);
        Last last = keys.touch(key, nowNanos, k -> new Last());
        if (last.weighedBytes == 0) {
            keys.weigh(last, KEY_BYTES);
        }
        if (last.admit(true, nowNanos, durationNanos)) {
            return true;
        }
        suppressed++;
        return false;
    }

    /** Alerts held back so far. */
    public long suppressed() {
        return suppressed;
    }

    public int keys() {
        return keys.size();
    }
}
