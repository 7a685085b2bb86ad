package io.dscover.rules.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The groups of one stateful rule, in the order they were last touched. Because events arrive in
 * event-time order, that is also the order of their last event time, so the groups whose windows
 * can no longer hold anything are always at the head and are dropped in O(1) each ({@link #sweep}).
 * Memory is thus bounded by what the windows need, not by how many keys the input ever had.
 *
 * <p>Beyond {@code capacity} groups the least recently touched one is evicted and counted: an
 * attacker who sprays millions of keys costs a counted loss of state, never an OutOfMemoryError.
 */
public final class GroupTable<S extends GroupState> {

    /** Default group cap per rule. */
    public static final int DEFAULT_CAPACITY = 1_000_000;

    private final LinkedHashMap<GroupKey, S> groups = new LinkedHashMap<>(64, 0.75f, true);
    private final int capacity;
    private final long idleNanos;
    private long evictions;
    private long expired;

    /**
     * @param capacity  most groups kept at once
     * @param idleNanos a group not touched for longer than this has nothing left that any window
     *                  or partial match can use
     */
    public GroupTable(int capacity, long idleNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("group capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.idleNanos = idleNanos;
    }

    /** The group for {@code key}, created when absent; marks it as the most recently touched. */
    public S touch(GroupKey key, long nowNanos, Function<GroupKey, S> create) {
        S state = groups.get(key);
        if (state == null) {
            if (groups.size() >= capacity) {
                Iterator<S> eldest = groups.values().iterator();
                eldest.next();
                eldest.remove();
                evictions++;
            }
            state = create.apply(key);
            groups.put(key, state);
        }
        state.touch(nowNanos);
        return state;
    }

    /** The group for {@code key}, marked as the most recently touched; null (and nothing created) when absent. */
    public S touchIfPresent(GroupKey key, long nowNanos) {
        S state = groups.get(key);
        if (state != null) {
            state.touch(nowNanos);
        }
        return state;
    }

    /** Drops the groups idle for longer than the rule's span, oldest first. */
    public void sweep(long nowNanos) {
        Iterator<S> it = groups.values().iterator();
        while (it.hasNext()) {
            S s = it.next();
            if (nowNanos - s.lastTouchNanos() <= idleNanos) {
                return;
            }
            it.remove();
            expired++;
        }
    }

    public void remove(GroupKey key) {
        groups.remove(key);
    }

    public int size() {
        return groups.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Groups dropped because the table was full (state lost; reported in the run summary). */
    public long evictions() {
        return evictions;
    }

    /** Groups dropped because their windows had nothing left (normal forgetting). */
    public long expired() {
        return expired;
    }

    /** All groups, least recently touched first (for end-of-input evaluation). */
    public Iterable<Map.Entry<GroupKey, S>> entries() {
        return groups.entrySet();
    }
}
