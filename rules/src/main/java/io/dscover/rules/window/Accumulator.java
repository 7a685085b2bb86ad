package io.dscover.rules.window;

import java.util.HashMap;

/**
 * The incremental part of one aggregate function over one group's window. The window is a queue of
 * entries, oldest first; an entry is a time bucket's events merged (its count and, for functions of
 * a field, their merged value: sum, extreme) or, for {@code count(distinct)}, one value seen in a
 * bucket. Every entry enters once, may be updated while it is the newest, and leaves once, each in
 * O(1) amortised, so a window costs the same per event whatever its size.
 */
sealed interface Accumulator {

    /** A new newest entry enters; {@code seq} numbers the group's entries, increasing. */
    void add(Object value, int count, long seq);

    /** The newest entry ({@code seq}) changed: more events merged into its bucket. */
    void replaceNewest(Object oldValue, int oldCount, Object newValue, int newCount, long seq);

    /** The oldest entry ({@code seq}) leaves the window. */
    void remove(Object value, int count, long seq);

    /** The function's value over the window. */
    Number value();

    /** The same value as a double, without boxing (tested on every event). */
    double current();

    /** Bytes this accumulator holds beyond the window's ring (for the memory budget). */
    default long extraBytes() {
        return 0;
    }

    static Accumulator of(AggregateFunction f) {
        return switch (f) {
            case COUNT -> new Count();
            case COUNT_DISTINCT -> new Distinct();
            case SUM -> new Sum(false);
            case AVG -> new Sum(true);
            case MIN -> new Extreme(false);
            case MAX -> new Extreme(true);
        };
    }

    /** count(): events in the window. */
    final class Count implements Accumulator {
        private long events;

        @Override
        public void add(Object value, int count, long seq) {
            events += count;
        }

        @Override
        public void replaceNewest(Object oldValue, int oldCount, Object newValue, int newCount, long seq) {
            events += newCount - oldCount;
        }

        @Override
        public void remove(Object value, int count, long seq) {
            events -= count;
        }

        @Override
        public Number value() {
            return events;
        }

        @Override
        public double current() {
            return events;
        }
    }

    /**
     * count(distinct f): per value, how many entries hold it and the newest bucket it was seen in
     * (so a value seen again in the same bucket adds nothing).
     */
    final class Distinct implements Accumulator {
        private static final class Tally {
            int entries;
            long lastBucket;
        }

        private final HashMap<Object, Tally> tallies = new HashMap<>(4);

        /** Whether {@code value} already has an entry in the bucket starting at {@code bucket}. */
        boolean seenIn(Object value, long bucket) {
            Tally t = tallies.get(value);
            return t != null && t.lastBucket == bucket;
        }

        void addIn(Object value, long bucket) {
            Tally t = tallies.get(value);
            if (t == null) {
                t = new Tally();
                tallies.put(value, t);
            }
            t.entries++;
            t.lastBucket = bucket;
        }

        @Override
        public void add(Object value, int count, long seq) {
            throw new UnsupportedOperationException("distinct values enter with addIn");
        }

        @Override
        public void replaceNewest(Object oldValue, int oldCount, Object newValue, int newCount, long seq) {
            // entries of distinct values are never merged
        }

        @Override
        public void remove(Object value, int count, long seq) {
            Tally t = tallies.get(value);
            if (--t.entries == 0) {
                tallies.remove(value);
            }
        }

        @Override
        public Number value() {
            return (long) tallies.size();
        }

        @Override
        public double current() {
            return tallies.size();
        }

        @Override
        public long extraBytes() {
            // table slot, node, tally: about 72 bytes a distinct value
            return 48 + 72L * tallies.size();
        }
    }

    /**
     * sum(f) and avg(f). Integral values are summed exactly as a long; only fractional ones go
     * through a double, which is reset to exactly 0 when the last entry holding one leaves, so
     * rounding never accumulates over a long run.
     */
    final class Sum implements Accumulator {
        private final boolean average;
        private long integral;
        private double fractional;
        private int fractionalEntries;
        private long events;

        Sum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object value, int count, long seq) {
            plus(value, 1);
            events += count;
        }

        @Override
        public void replaceNewest(Object oldValue, int oldCount, Object newValue, int newCount, long seq) {
            plus(oldValue, -1);
            plus(newValue, 1);
            events += newCount - oldCount;
        }

        @Override
        public void remove(Object value, int count, long seq) {
            plus(value, -1);
            events -= count;
        }

        private void plus(Object value, int sign) {
            if (isIntegral(value)) {
                integral += sign * ((Number) value).longValue();
            } else {
                fractional += sign * ((Number) value).doubleValue();
                fractionalEntries += sign;
                if (fractionalEntries == 0) {
                    fractional = 0;
                }
            }
        }

        @Override
        public Number value() {
            if (average) {
                return current();
            }
            return fractionalEntries == 0 ? (Number) integral : (Number) (integral + fractional);
        }

        @Override
        public double current() {
            if (average) {
                return events == 0 ? Double.NaN : (integral + fractional) / events;
            }
            return fractionalEntries == 0 ? (double) integral : integral + fractional;
        }

        static boolean isIntegral(Object v) {
            return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
        }
    }

    /**
     * min(f) / max(f) as a monotonic deque of entries: an older entry beaten by a newer one can never
     * be the extreme again and is dropped on arrival, so the front is always the answer.
     */
    final class Extreme implements Accumulator {
        private final boolean max;
        private long[] seqs = new long[4];
        private Object[] values = new Object[4];
        private int head;
        private int size;

        Extreme(boolean max) {
            this.max = max;
        }

        @Override
        public void add(Object value, int count, long seq) {
            double v = ((Number) value).doubleValue();
            while (size > 0) {
                int last = (head + size - 1) & (seqs.length - 1);
                double back = ((Number) values[last]).doubleValue();
                if (max ? back > v : back < v) {
                    break;
                }
                values[last] = null;
                size--;
            }
            if (size == seqs.length) {
                grow();
            }
            int at = (head + size) & (seqs.length - 1);
            seqs[at] = seq;
            values[at] = value;
            size++;
        }

        @Override
        public void replaceNewest(Object oldValue, int oldCount, Object newValue, int newCount, long seq) {
            // the newest entry is always at the back of the deque
            int last = (head + size - 1) & (seqs.length - 1);
            values[last] = null;
            size--;
            add(newValue, newCount, seq);
        }

        @Override
        public void remove(Object value, int count, long seq) {
            if (size > 0 && seqs[head] == seq) {
                values[head] = null;
                head = (head + 1) & (seqs.length - 1);
                size--;
            }
        }

        @Override
        public Number value() {
            return size == 0 ? Double.NaN : (Number) values[head];
        }

        @Override
        public double current() {
            return size == 0 ? Double.NaN : ((Number) values[head]).doubleValue();
        }

        @Override
        public long extraBytes() {
            return 48 + 12L * seqs.length;
        }

        boolean better(Object candidate, Object incumbent) {
            double c = ((Number) candidate).doubleValue();
            double i = ((Number) incumbent).doubleValue();
            return max ? c > i : c < i;
        }

        private void grow() {
            long[] s = new long[seqs.length * 2];
            Object[] v = new Object[seqs.length * 2];
            for (int i = 0; i < size; i++) {
                int from = (head + i) & (seqs.length - 1);
                s[i] = seqs[from];
                v[i] = values[from];
            }
            seqs = s;
            values = v;
            head = 0;
        }
    }
}
