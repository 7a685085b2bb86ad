package io.dscover.rules.beacon;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.state.EvidenceRing;
import io.dscover.rules.state.GroupKey;
import io.dscover.rules.state.GroupState;
import io.dscover.rules.state.GroupTable;
import io.dscover.rules.state.MemoryBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * The state machine of one {@code beacon} rule: per key, the truncated times and sizes of its
 * connections in the sliding window, scored with {@link BeaconScorer}.
 *
 * <p>When. A key is scored when a connection brings it to {@code min} connections in the window,
 * then on a later connection once at least one histogram bin (W / bins: 15 minutes for a 6-hour
 * window) has passed since its last scoring, and at the end of the input if it has connections not
 * yet scored. The histogram and duration parts only move at bin granularity, so scoring more often
 * would mostly repeat itself; this bounds the cost to one O(n log n) scoring per key per bin instead
 * of one per connection, and delays an alert by at most one bin. The span
 * scored over (RITA's "dataset") is the rule's window [E - W, E], E the newest connection's time:
 * a key must call back regularly over a good part of W to score high (duration and histogram
 * parts), which keeps a dozen random connections in the first minutes of a replay from looking
 * like a beacon. Choose W to fit the data (a 2-hour capture: {@code within 2h}).
 *
 * <p>Alerts follow the aggregate gate: one when the score reaches the threshold, then none until a
 * scoring falls below it again (or the suppress period elapsed).
 *
 * <p>Strobes. A key with more connections in the window than the strobe limit is reported once as a
 * strobe and not scored (RITA's rule). Its ring keeps only the newest limit + 1 connections: the key
 * is a strobe exactly while the oldest of those is still in the window, so memory per key is capped
 * without losing that test.
 *
 * <p>Memory: 8 bytes per connection in a window, keys dropped in time order once their window is
 * empty; beyond {@code keyCapacity} keys or the run's memory budget the least recently active are
 * evicted, counted.
 */
public final class BeaconTracker {

    private final BeaconConfig config;
    private final BeaconScorer scorer;
    private final long windowNanos;
    private final long rescoreNanos;
    private final long resolutionNanos;
    private final long suppressNanos;
    private final int ringLimit;
    private final GroupTable<Series> keys;
    private long strobes;
    private long scorings;

    public BeaconTracker(BeaconConfig config, int keyCapacity) {
        this(config, keyCapacity, MemoryBudget.unlimited());
    }

    /** @param budget the run's shared memory budget (keys beyond it are evicted, counted) */
    public BeaconTracker(BeaconConfig config, int keyCapacity, MemoryBudget budget) {
        this.config = config;
        this.scorer = new BeaconScorer(config);
        this.windowNanos = config.window().toNanos();
        this.rescoreNanos = Math.max(1, windowNanos / config.histogramBins());
        this.resolutionNanos = config.resolution().toNanos();
        this.suppressNanos = config.suppress().toNanos();
        this.ringLimit = (int) Math.min(Integer.MAX_VALUE - 8, config.strobeLimit() + 1);
        this.keys = new GroupTable<>(keyCapacity, windowNanos, budget);
    }

    public BeaconConfig config() {
        return config;
    }

    /**
     * A connection passed the rule's predicate.
     *
     * @param nowNanos the engine's event-time clock (the event's time, or later for a late event)
     * @return the hit when this connection raised one, else null
     */
    public BeaconHit observe(NetworkEvent event, Object[] key, long nowNanos) {
        keys.sweep(nowNanos);
        GroupKey groupKey = GroupKey.of(key);
        Series s = keys.touch(groupKey, nowNanos, k -> new Series(config.maxEvidence()));
        long resolution = resolutionNanos;
        if (event instanceof FlowEvent f && f.getFlowAggregationInterval() != null
                && f.getFlowAggregationInterval() > resolution) {
            // whole seconds, as the key's ring stores them
            resolution = Math.min(86_400_000_000_000L, -Math.floorDiv(-f.getFlowAggregationInterval(), 1_000_000_000L)
                    * 1_000_000_000L);
        }
        s.resolution = Math.max(s.resolution, resolution);
        long time = Math.floorDiv(nowNanos, s.resolution) * s.resolution;
        s.expire(nowNanos - windowNanos);
        Long bytes = config.originatorBytes().apply(event);
        s.add(time, bytes == null ? Long.MIN_VALUE : bytes, ringLimit);
        s.evidence.add(nowNanos, event);
        s.component = event.getEventComponent();
        s.unscored++;
        keys.weigh(s, s.estimatedBytes());

        if (s.size >= ringLimit) {
            s.rearm();
            if (!s.strobe) {
                s.strobe = true;
                strobes++;
                return new BeaconHit(groupKey, true, s.size, null, nowNanos - windowNanos, nowNanos, s.evidence.since(nowNanos - windowNanos), s.component, event);
            }
            return null;
        }
        s.strobe = false;
        if (s.size < config.minConnections() || (s.everScored && nowNanos - s.lastScoredNanos < rescoreNanos)) {
            return null;
        }
        return score(groupKey, s, event, nowNanos);
    }

    /** Scores the keys with connections not yet scored (end of input); hits in key order, least recent first. */
    public List<BeaconHit> finish() {
        List<BeaconHit> hits = new ArrayList<>();
        for (Series s : keys.groups()) {
            if (s.unscored > 0 && !s.strobe && s.size >= config.minConnections()) {
                BeaconHit hit = score(s.key(), s, null, s.lastTouchNanos());
                if (hit != null) {
                    hits.add(hit);
                }
            }
        }
        return hits;
    }

    private BeaconHit score(GroupKey key, Series s, NetworkEvent trigger, long nowNanos) {
        s.unscored = 0;
        s.everScored = true;
        s.lastScoredNanos = nowNanos;
        scorings++;
        long start = nowNanos - windowNanos;
        BeaconScore score = s.score(scorer, start, nowNanos);
        if (!s.admit(score != null && score.score() >= config.threshold(), nowNanos, suppressNanos)) {
            return null;
        }
        return new BeaconHit(key, false, s.size, score, start, nowNanos, s.evidence.since(nowNanos - windowNanos),
                s.component, trigger);
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

    /** Keys reported as strobes. */
    public long strobes() {
        return strobes;
    }

    /** Times a key was scored (the cost driver). */
    public long scorings() {
        return scorings;
    }

    /** One key's connections in the window: truncated times and sizes, oldest first, in a ring. */
    /**
     * One key's connections in the window, oldest first, in a ring: each as its truncated time in
     * whole seconds after the key's first connection and the bytes sent (capped at 2^31 - 1; -1 when
     * unknown) — 8 bytes a connection.
     */
    static final class Series extends GroupState {
        private static final int MIN_CAPACITY = 4;
        private static final long SECOND = 1_000_000_000L;

        private int[] times = new int[MIN_CAPACITY];
        private int[] bytes = new int[MIN_CAPACITY];
        private long baseNanos = Long.MIN_VALUE;
        private int head;
        private int size;
        private int unscored;
        private boolean everScored;
        private long lastScoredNanos;
        private boolean strobe;
        private long resolution;
        private String component;
        private final EvidenceRing evidence;

        Series(int maxEvidence) {
            evidence = new EvidenceRing(maxEvidence);
        }

        void expire(long oldestKeptNanos) {
            // times are truncated, so compare the truncated bound: a connection stays while its bin does
            long bound = Math.floorDiv(oldestKeptNanos, resolution) * resolution;
            while (size > 0 && nanos(times[head]) < bound) {
                head = (head + 1) & (times.length - 1);
                size--;
            }
            if (times.length > MIN_CAPACITY && size < times.length / 4) {
                resize(times.length / 2);
            }
        }

        void add(long time, long sentBytes, int limit) {
            if (baseNanos == Long.MIN_VALUE) {
                baseNanos = time;
            }
            if (size == limit) {
                // a strobe: only the newest `limit` connections matter (see the class comment)
                head = (head + 1) & (times.length - 1);
                size--;
            }
            if (size == times.length) {
                resize(times.length * 2);
            }
            int at = (head + size) & (times.length - 1);
            int offset = (int) Math.min(Integer.MAX_VALUE, (time - baseNanos) / SECOND);
            if (size > 0) {
                // a coarser resolution than before (mixed flow logs) must not put a time before its predecessor
                offset = Math.max(offset, times[(head + size - 1) & (times.length - 1)]);
            }
            times[at] = offset;
            bytes[at] = sentBytes == Long.MIN_VALUE ? -1 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, sentBytes));
            size++;
        }

        private long nanos(int offsetSeconds) {
            return baseNanos + offsetSeconds * SECOND;
        }

        /** Object, key and table entries (~250 bytes), 8 bytes a ring slot, the evidence ring. */
        long estimatedBytes() {
            return 250 + (long) times.length * 8 + evidence.estimatedBytes();
        }

        BeaconScore score(BeaconScorer scorer, long startNanos, long endNanos) {
            long[] t = new long[size];
            long[] b = new long[size];
            for (int i = 0; i < size; i++) {
                int at = (head + i) & (times.length - 1);
                t[i] = nanos(times[at]);
                b[i] = bytes[at] < 0 ? Long.MIN_VALUE : bytes[at];
            }
            long start = Math.floorDiv(startNanos, resolution) * resolution;
            return scorer.score(t, b, size, Math.min(start, t[0]), Math.max(endNanos, t[size - 1]), resolution);
        }

        private void resize(int capacity) {
            int[] t = new int[capacity];
            int[] b = new int[capacity];
            for (int i = 0; i < size; i++) {
                int from = (head + i) & (times.length - 1);
                t[i] = times[from];
                b[i] = bytes[from];
            }
            times = t;
            bytes = b;
            head = 0;
        }
    }
}
