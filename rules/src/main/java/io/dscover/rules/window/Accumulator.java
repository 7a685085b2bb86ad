package io.dscover.rules.window;

import java.util.HashMap;

/**
 * The incremental part of one aggregate function over one group's window: every value enters once
 * and leaves once, each in O(1) amortised, so a window costs the same per event whatever its size.
 */
sealed interface Accumulator {

    /** A value enters the window; {@code seq} numbers the group's entries, increasing. */
    void add(Object value, long seq);

    /** The oldest entry ({@code seq}) leaves the window. */
    void remove(Object value, long seq);

    /** The function's value over the {@code size} entries in the window. */
    Number value(int size);

    /** The same value as a double, without boxing (tested on every event). */
    double current(int size);

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

    /** count(): the window size itself. */
    final class Count implements Accumulator {
        @Override
        public void add(Object value, long seq) {
        }

        @Override
        public void remove(Object value, long seq) {
        }

        @Override
        public Number value(int size) {
            return (long) size;
        }

        @Override
        public double current(int size) {
            return size;
        }
    }

    /** count(distinct f): how many entries hold each value. */
    final class Distinct implements Accumulator {
        private final HashMap<Object, int[]> counts = new HashMap<>(4);

        @Override
        public void add(Object value, long seq) {
            int[] c = counts.get(value);
            if (c == null) {
                counts.put(value, new int[] {1});
            } else {
                c[0]++;
            }
        }

        @Override
        public void remove(Object value, long seq) {
            int[] c = counts.get(value);
            if (--c[0] == 0) {
                counts.remove(value);
            }
        }

        @Override
        public Number value(int size) {
            return (long) counts.size();
        }

        @Override
        public double current(int size) {
            return counts.size();
        }
    }

    /**
     * sum(f) and avg(f). Integral values are summed exactly as a long; only fractional ones go
     * through a double, which is reset to exactly 0 when the last of them leaves so rounding never
     * accumulates over a long run.
     */
    final class Sum implements Accumulator {
        private final boolean average;
        private long integral;
        private double fractional;
        private int fractionalCount;

        Sum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(Object value, long seq) {
            if (isIntegral(value)) {
                integral += ((Number) value).longValue();
            } else {
                fractional += ((Number) value).doubleValue();
                fractionalCount++;
            }
        }

        @Override
        public void remove(Object value, long seq) {
            if (isIntegral(value)) {
                integral -= ((Number) value).longValue();
            } else {
                fractional -= ((Number) value).doubleValue();
                if (--fractionalCount == 0) {
                    fractional = 0;
                }
            }
        }

        @Override
        public Number value(int size) {
            if (average) {
                return size == 0 ? Double.NaN : (integral + fractional) / size;
            }
            return fractionalCount == 0 ? (Number) integral : (Number) (integral + fractional);
        }

        @Override
        public double current(int size) {
            if (average) {
                return size == 0 ? Double.NaN : (integral + fractional) / size;
            }
            return fractionalCount == 0 ? (double) integral : integral + fractional;
        }

        static boolean isIntegral(Object v) {
            return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
        }
    }

    /**
     * min(f) / max(f) as a monotonic deque: entries that can never be the extreme again (an older
     * entry beaten by a newer one) are dropped on arrival, so the front is always the answer.
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
        public void add(Object value, long seq) {
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
        public void remove(Object value, long seq) {
            if (size > 0 && seqs[head] == seq) {
                values[head] = null;
                head = (head + 1) & (seqs.length - 1);
                size--;
            }
        }

        @Override
        public Number value(int windowSize) {
            return size == 0 ? Double.NaN : (Number) values[head];
        }

        @Override
        public double current(int windowSize) {
            return size == 0 ? Double.NaN : ((Number) values[head]).doubleValue();
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
