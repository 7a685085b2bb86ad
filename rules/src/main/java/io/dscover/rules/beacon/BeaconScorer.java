package io.dscover.rules.beacon;

import java.util.Arrays;

/**
 * RITA's beacon score (Active Countermeasures' published method, RITA v5), in our own code.
 *
 * <p>Input: a key's n connections in the window [S, E] — times t1 &lt;= ... &lt;= tn truncated to the
 * resolution r (1 s, or the flow log's aggregation interval: finer deltas carry no information
 * there) and, where the input has them, bytes b1..bn sent by the originator.
 *
 * <pre>
 * quartiles(x)   x sorted; Q2 = median(x); Q1, Q3 = medians of the lower and upper half
 *                (the middle element excluded when n is odd)
 * bowley(x)      (Q1 + Q3 - 2·Q2) / (Q3 - Q1), taken as 0 when Q3 - Q1 &lt; 10 units
 *                (seconds or bytes) or Q2 equals Q1 or Q3
 * madScore(x)    (median - MAD) / median, MAD = median(|xi - median|), clamped at 0;
 *                when median &lt; 1 unit: 1 for intervals, 0 for sizes
 * regularity(x)  round3( ((1 - |bowley(x)|) + madScore(x)) / 2 )
 *
 * timestamp part  regularity(d), d = the intervals between distinct times (zero deltas dropped);
 *                 at least 3 intervals (4 distinct times) or the key is not scored
 * data-size part  regularity(b), at least 3 sizes, else left out
 * histogram part  B bins over [S, E] (RITA: 24 hourly bins of a day), c = connections per bin;
 *                 cv = population sd(c) / mean(c); cvScore = cv &gt; 1 ? 0 : round3(1 - cv);
 *                 bimodal fit (when at least 11/24·B bins are non-empty): bin heights grouped into
 *                 buckets of ceil(0.05·max height), fit = (count of the two most common buckets) /
 *                 (non-empty bins - 1), capped at 1; histogram = max(cvScore, round3(fit))
 * duration part   when at least 6/24·B bins are non-empty:
 *                 max( coverage = ceil3((tn - t1) / (E - S)),
 *                      consistency = ceil3(longest run of non-empty bins, wrapping / (12/24·B)) ),
 *                 each capped at 1; else 0
 * score           round3( sum(w_k · part_k) / sum(w_k) ) over the parts present, weights w (RITA: equal)
 * </pre>
 *
 * round3 rounds to 3 decimals (half up), ceil3 rounds up to 3 decimals, as RITA does, so scores
 * compare with RITA's and are stable across platforms.
 */
public final class BeaconScorer {

    /** RITA: a spread of intervals or sizes under 10 units is too small for skew to mean anything. */
    static final double MIN_IQR_FOR_SKEW = 10;
    /** RITA: bin heights within 5% of the tallest count as one level for the bimodal fit. */
    static final double MODE_SENSITIVITY = 0.05;

    private final BeaconConfig config;
    private final int bins;
    private final int minBinsForDuration;
    private final int idealConsecutiveBins;
    private final int minBinsForBimodal;

    public BeaconScorer(BeaconConfig config) {
        this.config = config;
        this.bins = config.histogramBins();
        // RITA's hour counts for a 24-bin day, scaled to the configured bins
        this.minBinsForDuration = Math.max(1, (int) Math.round(bins * 6 / 24.0));
        this.idealConsecutiveBins = Math.max(1, (int) Math.round(bins * 12 / 24.0));
        this.minBinsForBimodal = Math.max(2, (int) Math.round(bins * 11 / 24.0));
    }

    /**
     * Scores {@code n} connections.
     *
     * @param times           truncated times, non-decreasing, within [startNanos, endNanos]
     * @param bytes           bytes per connection, {@link Long#MIN_VALUE} where unknown
     * @param startNanos      S, start of the window the key is scored over
     * @param endNanos        E, its end (now)
     * @param resolutionNanos what the times were truncated to (reported only)
     * @return the score, or null when the key cannot be scored (fewer than 4 distinct times)
     */
    public BeaconScore score(long[] times, long[] bytes, int n, long startNanos, long endNanos, long resolutionNanos) {
        if (n < 4 || endNanos <= startNanos) {
            return null;
        }
        double[] intervals = new double[n - 1];
        int k = 0;
        for (int i = 1; i < n; i++) {
            long d = times[i] - times[i - 1];
            if (d > 0) {
                intervals[k++] = d / 1e9;
            }
        }
        if (k < 3) {
            return null;
        }
        intervals = Arrays.copyOf(intervals, k);
        Arrays.sort(intervals);
        double intervalMedian = median(intervals, 0, k);
        double intervalMad = mad(intervals, intervalMedian);
        double intervalSkew = bowley(intervals);
        double tsScore = round3(((1 - Math.abs(intervalSkew)) + madScore(intervalMedian, intervalMad, 1)) / 2);

        Double dsScore = null;
        Double medianBytes = null;
        double[] sizes = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] != Long.MIN_VALUE) {
                sizes[m++] = bytes[i];
            }
        }
        if (m >= 3 && config.weights().dataSize() > 0) {
            sizes = Arrays.copyOf(sizes, m);
            Arrays.sort(sizes);
            double sizeMedian = median(sizes, 0, m);
            medianBytes = sizeMedian;
            dsScore = round3(((1 - Math.abs(bowley(sizes))) + madScore(sizeMedian, mad(sizes, sizeMedian), 0)) / 2);
        }

        int[] histogram = histogram(times, n, startNanos, endNanos);
        int nonEmpty = 0;
        for (int c : histogram) {
            if (c > 0) {
                nonEmpty++;
            }
        }
        Double histScore = config.weights().histogram() > 0 ? histogramScore(histogram, n, nonEmpty) : null;
        double durScore = durationScore(histogram, nonEmpty, times[0], times[n - 1], startNanos, endNanos);

        BeaconWeights w = config.weights();
        double sum = w.timestamp() * tsScore + w.duration() * durScore;
        double weights = w.timestamp() + w.duration();
        if (dsScore != null) {
            sum += w.dataSize() * dsScore;
            weights += w.dataSize();
        }
        if (histScore != null) {
            sum += w.histogram() * histScore;
            weights += w.histogram();
        }
        double score = weights == 0 ? 0 : round3(sum / weights);
        return new BeaconScore(score, tsScore, dsScore, durScore, histScore, n, intervalMedian, intervalMad,
                intervalSkew, medianBytes, times[0], times[n - 1], resolutionNanos);
    }

    int[] histogram(long[] times, int n, long startNanos, long endNanos) {
        int[] counts = new int[bins];
        long span = endNanos - startNanos;
        for (int i = 0; i < n; i++) {
            long offset = Math.max(0, times[i] - startNanos);
            int bin = (int) Math.min(bins - 1, multiplyDivide(offset, bins, span));
            counts[bin]++;
        }
        return counts;
    }

    /** max(coefficient-of-variation score, bimodal fit), RITA's histogram part. */
    double histogramScore(int[] counts, int total, int nonEmpty) {
        double mean = (double) total / counts.length;
        double squares = 0;
        int tallest = 0;
        for (int c : counts) {
            squares += (c - mean) * (c - mean);
            tallest = Math.max(tallest, c);
        }
        double cv = Math.sqrt(squares / counts.length) / mean;
        double cvScore = cv > 1 ? 0 : round3(1 - cv);

        double fit = 0;
        if (nonEmpty >= minBinsForBimodal) {
            long bucketSize = (long) Math.ceil(tallest * MODE_SENSITIVITY);
            java.util.Map<Long, Integer> levels = new java.util.HashMap<>();
            for (int c : counts) {
                if (c > 0) {
                    levels.merge((c / bucketSize) * bucketSize, 1, Integer::sum);
                }
            }
            int largest = 0;
            int second = 0;
            for (int v : levels.values()) {
                if (v > largest) {
                    second = largest;
                    largest = v;
                } else if (v > second) {
                    second = v;
                }
            }
            fit = Math.min(1, round3((largest + second) / (double) Math.max(nonEmpty - 1, 1)));
        }
        return Math.max(cvScore, fit);
    }

    /** RITA's duration part: max(coverage of the window, longest consecutive run of bins / ideal). */
    double durationScore(int[] counts, int nonEmpty, long first, long last, long startNanos, long endNanos) {
        if (nonEmpty < minBinsForDuration) {
            return 0;
        }
        double coverage = Math.min(1, ceil3((double) (last - first) / (endNanos - startNanos)));
        double consistency = Math.min(1, ceil3((double) longestRun(counts) / idealConsecutiveBins));
        return Math.max(coverage, consistency);
    }

    /** Longest run of non-empty bins, wrapping from the last bin to the first, at most all bins. */
    static int longestRun(int[] counts) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < counts.length * 2; i++) {
            if (counts[i % counts.length] > 0) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        return Math.min(longest, counts.length);
    }

    /** Bowley (quartile) skewness of sorted values; 0 when the IQR is tiny or the median sits on a quartile. */
    static double bowley(double[] sorted) {
        int n = sorted.length;
        double q2 = median(sorted, 0, n);
        double q1;
        double q3;
        if (n % 2 == 0) {
            q1 = median(sorted, 0, n / 2);
            q3 = median(sorted, n / 2, n);
        } else {
            q1 = median(sorted, 0, (n - 1) / 2);
            q3 = median(sorted, (n + 1) / 2, n);
        }
        double iqr = q3 - q1;
        if (iqr < MIN_IQR_FOR_SKEW || q2 == q1 || q2 == q3) {
            return 0;
        }
        return (q1 + q3 - 2 * q2) / iqr;
    }

    /** Median absolute deviation from {@code median}. */
    static double mad(double[] sorted, double median) {
        double[] dev = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            dev[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(dev);
        return median(dev, 0, dev.length);
    }

    static double madScore(double median, double mad, double whenMedianBelowOne) {
        if (median < 1) {
            return whenMedianBelowOne;
        }
        double s = (median - mad) / median;
        return s < 0 || Double.isNaN(s) ? 0 : s;
    }

    /** Median of sorted[from, to); an empty range has median 0 (only a 1-element half can be empty-adjacent). */
    static double median(double[] sorted, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        int mid = from + n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    static double ceil3(double x) {
        return Math.ceil(x * 1000) / 1000.0;
    }

    private static long multiplyDivide(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        if (high == 0 && a * b >= 0) {
            return (a * b) / c;
        }
        return (long) ((double) a * b / c);
    }
}
