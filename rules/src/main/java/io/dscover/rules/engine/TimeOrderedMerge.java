package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several inputs into one stream in event-time order (a k-way merge), sorting out disorder
 * of up to {@code lateness} within and between inputs, and losing no event.
 *
 * <p>An event is released once every input that has not ended has read an event at least
 * {@code lateness} newer than it (the watermark), so anything that could still precede it within
 * the lateness bound has been read. The merge reads from the input holding the watermark back, so
 * it buffers only about {@code lateness} worth of events per input, plus at most
 * {@code maxBuffered} in total: beyond that the oldest is released early. Ties are broken by input
 * order, then read order, so the output is deterministic.
 *
 * <p>An event later than the lateness bound is not dropped: it is released as soon as it is read,
 * behind newer events, and counted in {@link #lateEvents()}; the engine then treats it as arriving
 * at its current time.
 */
public final class TimeOrderedMerge implements EventStream {

    /** Default lateness: disorder of a few seconds is common when several sensors' logs are merged. */
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(5);
    /** Default cap on buffered events (about 50 MB of typical events). */
    public static final int DEFAULT_MAX_BUFFERED = 100_000;

    private final EventStream[] inputs;
    private final long latenessNanos;
    private final int maxBuffered;
    private final long[] newest;
    private final boolean[] ended;
    private final PriorityQueue<Pending> buffer = new PriorityQueue<>();
    private int open;
    private long readOrder;
    private long released = Long.MIN_VALUE;
    private long lateEvents;
    private long releasedEarly;
    private int mostBuffered;

    private record Pending(NetworkEvent event, long ts, int input, long order) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(ts, o.ts);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(input, o.input);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    public TimeOrderedMerge(List<? extends EventStream> inputs, Duration lateness) {
        this(inputs, lateness, DEFAULT_MAX_BUFFERED);
    }

    public TimeOrderedMerge(List<? extends EventStream> inputs, Duration lateness, int maxBuffered) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative: " + lateness);
        }
        if (maxBuffered < 1) {
            throw new IllegalArgumentException("maxBuffered must be at least 1: " + maxBuffered);
        }
        this.inputs = inputs.toArray(new EventStream[0]);
        this.latenessNanos = lateness.toNanos();
        this.maxBuffered = maxBuffered;
        this.newest = new long[this.inputs.length];
        this.ended = new boolean[this.inputs.length];
        java.util.Arrays.fill(newest, Long.MIN_VALUE);
        this.open = this.inputs.length;
    }

    @Override
    public NetworkEvent next() throws IOException {
        while (true) {
            if (!buffer.isEmpty() && (buffer.size() > maxBuffered || buffer.peek().ts <= watermark())) {
                if (buffer.size() > maxBuffered && buffer.peek().ts > watermark()) {
                    releasedEarly++;
                }
                return release(buffer.poll());
            }
            if (open == 0) {
                return buffer.isEmpty() ? null : release(buffer.poll());
            }
            int slowest = slowestOpenInput();
            NetworkEvent e = inputs[slowest].next();
            if (e == null) {
                ended[slowest] = true;
                open--;
                continue;
            }
            long ts = e.getTs();
            newest[slowest] = Math.max(newest[slowest], ts);
            buffer.add(new Pending(e, ts, slowest, readOrder++));
            mostBuffered = Math.max(mostBuffered, buffer.size());
        }
    }

    private NetworkEvent release(Pending p) {
        if (p.ts < released) {
            lateEvents++;
        } else {
            released = p.ts;
        }
        return p.event;
    }

    /** Events at or before this time can no longer be preceded by an event within the lateness bound. */
    private long watermark() {
        long w = Long.MAX_VALUE;
        for (int i = 0; i < inputs.length; i++) {
            if (!ended[i]) {
                long n = newest[i];
                w = Math.min(w, n == Long.MIN_VALUE || n < Long.MIN_VALUE + latenessNanos ? Long.MIN_VALUE
                        : n - latenessNanos);
            }
        }
        return w;
    }

    private int slowestOpenInput() {
        int slowest = -1;
        for (int i = 0; i < inputs.length; i++) {
            if (!ended[i] && (slowest < 0 || newest[i] < newest[slowest])) {
                slowest = i;
            }
        }
        return slowest;
    }

    /** Events released behind a newer event: later than the lateness bound allowed. */
    public long lateEvents() {
        return lateEvents;
    }

    /** Events released before the watermark because the buffer was full. */
    public long releasedEarly() {
        return releasedEarly;
    }

    /** The largest number of events the merge held at once. */
    public int mostBuffered() {
        return mostBuffered;
    }
}
