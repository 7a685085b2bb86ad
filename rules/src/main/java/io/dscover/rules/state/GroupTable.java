package io.dscover.rules.state;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.function.Function;

/**
 * The groups of one stateful rule, forgotten once idle and capped in number.
 *
 * <p>Forgetting. Besides the hash map, every group sits once in a FIFO queue, stamped with the time
 * it entered it. Events arrive in event-time order, so the head is the group queued longest ago.
 * {@link #sweep} looks at the head: if the group has not been touched for longer than the rule's
 * span (nothing in any window or partial match can still use it) it is dropped; if it was touched
 * since, it goes to the back stamped with its last touch (a second chance). A touch is then only a
 * plain hash lookup and a field write — no relinking of an access-ordered list on every event,
 * which cost most of the time in profiles. An idle group is dropped at most about two spans after
 * its last event, so memory is bounded by what the windows need, not by how many keys the input
 * ever had.
 *
 * <p>Capping. Beyond {@code capacity} groups, or when the groups' reported sizes take the run's
 * {@link MemoryBudget} over its limit, a group that has not been touched since it was queued is
 * evicted (the CLOCK approximation of least-recently-used) and counted: an attacker who sprays
 * millions of keys, or traffic too heavy for the windows, costs a counted loss of state, never an
 * OutOfMemoryError.
 *
 * <p>Deterministic: the same sequence of calls gives the same groups, evictions and iteration order.
 */
public final class GroupTable<S extends GroupState> {

    /** Default group cap per rule. */
    public static final int DEFAULT_CAPACITY = 1_000_000;
    /** Second chances given before the head is evicted anyway. */
    private static final int EVICTION_PROBES = 64;

    private final HashMap<GroupKey, S> groups = new HashMap<>(64);
    private final ArrayDeque<S> queue = new ArrayDeque<>(64);
    private final int capacity;
    private final long idleNanos;
    private final MemoryBudget budget;
    private long evictions;
    private long expired;

    /**
     * @param capacity  most groups kept at once
     * @param idleNanos a group not touched for longer than this has nothing left that any window
     *                  or partial match can use
     */
    public GroupTable(int capacity, long idleNanos) {
        this(capacity, idleNanos, MemoryBudget.unlimited());
    }

    /**
     * @param budget the run's shared memory budget, which this table's groups count against
     */
    public GroupTable(int capacity, long idleNanos, MemoryBudget budget) {
        if (capacity < 1) {
            throw new IllegalArgumentException("group capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.idleNanos = idleNanos;
        this.budget = budget;
    }

    /**
     * Reports a group's size after it changed; when that takes the budget over its limit, evicts
     * least recently used groups of this table (possibly, as a last resort, this one) until under.
     */
    public void weigh(S state, long bytes) {
        budget.add(bytes - state.weighedBytes);
        state.weighedBytes = bytes;
        while (budget.exceeded() && !queue.isEmpty()) {
            evictOne();
        }
    }

    /** The group for {@code key}, created when absent, marked as touched at {@code nowNanos}. */
    public S touch(GroupKey key, long nowNanos, Function<GroupKey, S> create) {
        S state = groups.get(key);
        if (state == null) {
            if (groups.size() >= capacity) {
                evictOne();
            }
            state = create.apply(key);
            state.key(key);
            state.queuedNanos = nowNanos;
            groups.put(key, state);
            queue.addLast(state);
        }
        state.touch(nowNanos);
        return state;
    }

    /** The group for {@code key}, marked as touched; null (and nothing created) when absent. */
    public S touchIfPresent(GroupKey key, long nowNanos) {
        S state = groups.get(key);
        if (state != null) {
            state.touch(nowNanos);
        }
        return state;
    }

    /** Drops the groups idle for longer than the rule's span. */
    public void sweep(long nowNanos) {
        S head;
        while ((head = queue.peekFirst()) != null && nowNanos - head.queuedNanos > idleNanos) {
            queue.pollFirst();
            if (nowNanos - head.lastTouchNanos() > idleNanos) {
                forget(head);
                expired++;
            } else {
                head.queuedNanos = head.lastTouchNanos();
                queue.addLast(head);
            }
        }
    }

    private void evictOne() {
        for (int probe = 0; probe < EVICTION_PROBES; probe++) {
            S head = queue.pollFirst();
            if (head.lastTouchNanos() <= head.queuedNanos || probe == EVICTION_PROBES - 1 || queue.isEmpty()) {
                forget(head);
                evictions++;
                return;
            }
            head.queuedNanos = head.lastTouchNanos();
            queue.addLast(head);
        }
    }

    private void forget(S s) {
        groups.remove(s.key());
        budget.add(-s.weighedBytes);
        s.weighedBytes = 0;
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

    /** All groups, in queue order: roughly least recently touched first (for end-of-input evaluation). */
    public Iterable<S> groups() {
        return java.util.Collections.unmodifiableCollection(queue);
    }
}
