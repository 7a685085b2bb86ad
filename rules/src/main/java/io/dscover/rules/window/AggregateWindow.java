package io.dscover.rules.window;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.state.GroupKey;
import io.dscover.rules.state.GroupTable;
import io.dscover.rules.state.MemoryBudget;
import java.util.function.DoublePredicate;

/**
 * The state machine of one {@code aggregate} rule: a sliding window per group key over the events
 * that passed the rule's predicate, expiring by event time.
 *
 * <p>Semantics. At event time t a group's window holds its events with time in [t - W, t]
 * (inclusive at both ends; events are kept in buckets of W/1000 rounded down to a power of ten, so
 * one may leave up to that much early, see {@link GroupWindow}). After each event the function's value v is computed and the {@code
 * having} condition C(v) tested: when C becomes true, one {@link AggregateHit}; then none for that
 * group until C has been false again (checked after every expiry too, see
 * {@link GroupWindow#expire}) or, with a suppress period S, until S has elapsed since the last hit
 * while C stayed true. Hits are raised only on events, so their time is an event's time.
 *
 * <p>Values. {@code count()} counts every event; the other functions ignore events whose field is
 * unset, and the numeric ones events whose field is not a number (SQL's rule for aggregates).
 *
 * <p>Memory. A group holds one entry per non-empty bucket of its window (8–32 bytes; for
 * {@code count(distinct)} one per distinct value per bucket), so at most 10,000 entries whatever the
 * event rate; groups whose window emptied are dropped in time order, and beyond {@code groupCapacity}
 * groups or the run's memory budget the least recently active are evicted, counted.
 *
 * <p>Not thread-safe: the engine calls it from one thread, in event-time order.
 */
public final class AggregateWindow {

    private final AggregateWindowConfig config;
    private final long windowNanos;
    private final long suppressNanos;
    private final DoublePredicate having;
    private final GroupTable<GroupWindow> groups;
    private final long quantumNanos;
    private long ignored;

    public AggregateWindow(AggregateWindowConfig config, int groupCapacity) {
        this(config, groupCapacity, MemoryBudget.unlimited());
    }

    /** @param budget the run's shared memory budget (groups beyond it are evicted, counted) */
    public AggregateWindow(AggregateWindowConfig config, int groupCapacity, MemoryBudget budget) {
        this.config = config;
        this.windowNanos = config.window().toNanos();
        this.suppressNanos = config.suppress().toNanos();
        this.having = config.having().test();
        this.groups = new GroupTable<>(groupCapacity, windowNanos, budget);
        this.quantumNanos = quantum(windowNanos);
    }

    /** The bucket width: the window's thousandth rounded down to a power of ten nanoseconds (60 s: 10 ms). */
    static long quantum(long windowNanos) {
        long q = 1;
        while (q * 10 <= windowNanos / 1000) {
            q *= 10;
        }
        return q;
    }

    public AggregateWindowConfig config() {
        return config;
    }

    /**
     * An event passed the rule's predicate.
     *
     * @param key       the {@code by} values
     * @param value     the aggregated field's value (ignored by {@code count()})
     * @param nowNanos  the engine's event-time clock: the event's time, or later for an event that
     *                  arrived after events newer than itself (it then counts as arriving now)
     * @return the hit when this event raised one, else null
     */
    public AggregateHit add(NetworkEvent event, Object[] key, Object value, long nowNanos) {
        groups.sweep(nowNanos);
        if (config.function().needsField() && !usable(value)) {
            ignored++;
            return null;
        }
        GroupKey groupKey = GroupKey.of(key);
        GroupWindow g = groups.touch(groupKey, nowNanos, this::newGroup);
        long oldestKept = nowNanos - windowNanos;
        g.expire(oldestKept, having);
        g.add(nowNanos, value, event);
        groups.weigh(g, g.estimatedBytes());
        if (!g.admit(having.test(g.doubleValue()), nowNanos, suppressNanos)) {
            return null;
        }
        return new AggregateHit(groupKey, g.value(), g.oldestNanos(), nowNanos, g.evidence().since(oldestKept),
                event);
    }

    private GroupWindow newGroup(GroupKey key) {
        return new GroupWindow(config.function(), quantumNanos, config.maxEvidence());
    }

    private boolean usable(Object value) {
        return config.function().numeric() ? value instanceof Number : value != null;
    }

    /** Drops groups whose windows emptied (the engine calls this as its clock advances). */
    public void sweep(long nowNanos) {
        groups.sweep(nowNanos);
    }

    public int groups() {
        return groups.size();
    }

    public long evictions() {
        return groups.evictions();
    }

    /** Events ignored because the aggregated field was unset (or not a number for numeric functions). */
    public long ignored() {
        return ignored;
    }
}
