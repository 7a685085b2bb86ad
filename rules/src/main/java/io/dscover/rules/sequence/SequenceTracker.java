package io.dscover.rules.sequence;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Evidence;
import io.dscover.rules.state.GroupKey;
import io.dscover.rules.state.GroupState;
import io.dscover.rules.state.GroupTable;
import io.dscover.rules.state.MemoryBudget;
import java.util.Arrays;
import java.util.List;

/**
 * The state machine of one {@code sequence} rule.
 *
 * <p>Semantics. For a key, events e0, e1, ..., e(n-1) matching steps 0..n-1 complete the sequence
 * when they come in that order (event-time order; equal times in input order) and
 * {@code time(e(n-1)) - time(e0) <= within}. The completing event raises one {@link SequenceHit} and
 * clears the key's partial matches, so one chain gives one alert and the next needs a new step 0.
 * An event that matches several steps counts for the highest one first (the engine delivers them in
 * that order), so it cannot complete two steps alone.
 *
 * <p>State. Per key and step i only the partial match of steps 0..i with the latest start is kept:
 * a later start leaves more time to finish, so it dominates every earlier one. That makes a key cost
 * O(steps) whatever the traffic, and a step costs O(steps).
 *
 * <p>Memory. Keys untouched for longer than {@code within} can no longer complete and are dropped in
 * time order; at most {@code keyCapacity} keys are kept (the least recently active is evicted,
 * counted).
 */
public final class SequenceTracker {

    private final SequenceConfig config;
    private final long withinNanos;
    private final GroupTable<Partials> keys;
    /** A key's size: object, table entries, and per step a start and a chain of up to steps pointers. */
    private final long keyBytes;

    public SequenceTracker(SequenceConfig config, int keyCapacity) {
        this(config, keyCapacity, MemoryBudget.unlimited());
    }

    /** @param budget the run's shared memory budget (keys beyond it are evicted, counted) */
    public SequenceTracker(SequenceConfig config, int keyCapacity, MemoryBudget budget) {
        this.config = config;
        this.withinNanos = config.within().toNanos();
        this.keys = new GroupTable<>(keyCapacity, withinNanos, budget);
        this.keyBytes = 200 + 48L * config.steps() * (config.steps() + 1) / 2;
    }

    public SequenceConfig config() {
        return config;
    }

    /**
     * An event passed the predicate of step {@code step}.
     *
     * @param nowNanos the engine's event-time clock (the event's time, or later for a late event)
     * @return the hit when this event completed the sequence, else null
     */
    public SequenceHit step(int step, NetworkEvent event, Object[] key, long nowNanos) {
        if (step < 0 || step >= config.steps()) {
            throw new IllegalArgumentException("step " + step + " of a " + config.steps() + "-step sequence");
        }
        keys.sweep(nowNanos);
        GroupKey groupKey = GroupKey.of(key);
        if (step == 0) {
            Partials p = keys.touch(groupKey, nowNanos, k -> new Partials(config.steps()));
            p.set(0, nowNanos, new Evidence[] {Evidence.of(event)});
            keys.weigh(p, keyBytes);
            return null;
        }
        Partials p = keys.touchIfPresent(groupKey, nowNanos);
        if (p == null) {
            return null;
        }
        long start = p.start(step - 1);
        if (start == Partials.NONE || nowNanos - start > withinNanos) {
            return null;
        }
        Evidence[] prior = p.chain(step - 1);
        Evidence[] chain = Arrays.copyOf(prior, prior.length + 1);
        chain[prior.length] = Evidence.of(event);
        if (step == config.steps() - 1) {
            p.clear();
            return new SequenceHit(groupKey, start, nowNanos, List.of(chain), event);
        }
        if (p.start(step) == Partials.NONE || start > p.start(step)) {
            p.set(step, start, chain);
        }
        return null;
    }

    public void sweep(long nowNanos) {
        keys.sweep(nowNanos);
    }

    public int keys() {
        return keys.size();
    }

    public long evictions() {
        return keys.evictions();
    }

    /** Per step i (but the last): the partial match of steps 0..i with the latest start. */
    static final class Partials extends GroupState {
        static final long NONE = Long.MIN_VALUE;

        private final long[] starts;
        private final Evidence[][] chains;

        Partials(int steps) {
            starts = new long[steps - 1];
            chains = new Evidence[steps - 1][];
            Arrays.fill(starts, NONE);
        }

        long start(int step) {
            return starts[step];
        }

        Evidence[] chain(int step) {
            return chains[step];
        }

        void set(int step, long start, Evidence[] chain) {
            starts[step] = start;
            chains[step] = chain;
        }

        void clear() {
            Arrays.fill(starts, NONE);
            Arrays.fill(chains, null);
        }
    }
}
