package io.dscover.rules.state;

import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * The groups of one stateful rule, forgotten once idle and capped in number.
 *
 * <p>Lookup. An open-addressing table (linear probing, at most half full) of the groups themselves,
 * which keep their key's hash and first values inline: a lookup loads the slot and the group — which
 * the caller needs next anyway — instead of a map node, the key object and the key's array. Those
 * dependent cache misses were the engine's largest cost in profiles.
 *
 * <p>Forgetting. Besides the table, every group sits once in a FIFO queue, stamped with the time
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

    private static final int MIN_SLOTS = 16;

    private int[] hashes = new int[MIN_SLOTS];
    private GroupState[] slots = new GroupState[MIN_SLOTS];
    private int count;
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
        S state = find(key);
        if (state == null) {
            if (count >= capacity) {
                evictOne();
            }
            state = create.apply(key);
            state.key(key);
            state.queuedNanos = nowNanos;
            insert(state);
            queue.addLast(state);
        }
        state.touch(nowNanos);
        return state;
    }

    /** The group for {@code key}, marked as touched; null (and nothing created) when absent. */
    public S touchIfPresent(GroupKey key, long nowNanos) {
        S state = find(key);
        if (state != null) {
            state.touch(nowNanos);
        }
        return state;
    }

    /** Whether a group for {@code key} is held (does not touch it). */
    boolean contains(GroupKey key) {
        return find(key) != null;
    }

    @SuppressWarnings("unchecked")
    private S find(GroupKey key) {
        int h = key.hashCode();
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            GroupState s = slots[i];
            if (s == null) {
                return null;
            }
            if (hashes[i] == h && s.hasKey(key)) {
                return (S) s;
            }
        }
    }

    private void insert(GroupState state) {
        if ((count + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int i = state.keyHash & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = state;
        hashes[i] = state.keyHash;
        count++;
    }

    /** Removes by backward-shift deletion, so no tombstones ever slow lookups down. */
    private void delete(GroupState state) {
        int mask = slots.length - 1;
        int i = state.keyHash & mask;
        while (slots[i] != state) {
            i = (i + 1) & mask;
        }
        slots[i] = null;
        count--;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            // move slots[j] into the hole at i unless its home lies cyclically in (i, j]
            if (((j - home) & mask) >= ((j - i) & mask)) {
                slots[i] = slots[j];
                hashes[i] = hashes[j];
                slots[j] = null;
                i = j;
            }
        }
        if (slots.length > MIN_SLOTS && count * 8 < slots.length) {
            rehash(slots.length / 2);
        }
    }

    private void rehash(int size) {
        GroupState[] old = slots;
        slots = new GroupState[size];
        hashes = new int[size];
        int mask = size - 1;
        for (GroupState s : old) {
            if (s != null) {
                int i = s.keyHash & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
                hashes[i] = s.keyHash;
            }
        }
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
        delete(s);
        budget.add(-s.weighedBytes);
        s.weighedBytes = 0;
    }

    public int size() {
        return count;
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
