package io.dscover.rules.beacon;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code beacon} rule: {@code beacon by BY... within WINDOW min MIN having score >= THRESHOLD}.
 *
 * @param window         the sliding window the callbacks are scored over (RITA: one day)
 * @param minConnections connections in the window before a key is scored (at least 3, the language's
 *                       minimum; scoring itself needs 4 distinct times, RITA's minimum)
 * @param threshold      score at or above which the key is reported
 * @param histogramBins  bins the window is cut into for the histogram and duration parts (RITA: 24)
 * @param resolution     timestamps are truncated to this, a whole number of seconds (RITA: 1 s); a
 *                       flow record's own aggregation interval replaces it when longer
 * @param strobeLimit    more connections than this in the window make the key a strobe, reported
 *                       once and not scored (RITA: 86,400 a day; default scales that to the window)
 * @param suppress       with a lasting beacon, a reminder alert at most this often; zero for one per
 *                       episode
 * @param originatorBytes bytes the originator sent in the event's connection, or null when the event
 *                       does not say (then the data-size part is left out)
 */
public record BeaconConfig(List<String> byFields, Duration window, int minConnections, double threshold,
                           BeaconWeights weights, int histogramBins, Duration resolution, long strobeLimit,
                           Duration suppress, int maxEvidence, Function<NetworkEvent, Long> originatorBytes) {

    public static final int DEFAULT_HISTOGRAM_BINS = 24;
    public static final Duration DEFAULT_RESOLUTION = Duration.ofSeconds(1);
    /** RITA's strobe limit: 86,400 connections a day, one a second on average. */
    public static final long STROBE_CONNECTIONS_PER_DAY = 86_400;
    public static final int DEFAULT_MAX_EVIDENCE = 10;

    public BeaconConfig {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (minConnections < 3) {
            throw new IllegalArgumentException("beacon min must be at least 3: " + minConnections);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("beacon score threshold must be within [0, 1]: " + threshold);
        }
        weights = weights == null ? BeaconWeights.EQUAL : weights;
        if (histogramBins < 4) {
            throw new IllegalArgumentException("histogram bins must be at least 4: " + histogramBins);
        }
        resolution = resolution == null ? DEFAULT_RESOLUTION : resolution;
        if (resolution.isNegative() || resolution.isZero() || resolution.getNano() != 0) {
            throw new IllegalArgumentException("resolution must be a whole number of seconds: " + resolution);
        }
        if (strobeLimit <= 0) {
            strobeLimit = defaultStrobeLimit(window);
        }
        if (strobeLimit < minConnections) {
            throw new IllegalArgumentException("strobe limit " + strobeLimit + " is below min " + minConnections);
        }
        suppress = suppress == null ? Duration.ZERO : suppress;
        if (maxEvidence < 1) {
            throw new IllegalArgumentException("maxEvidence must be at least 1: " + maxEvidence);
        }
        originatorBytes = originatorBytes == null ? BeaconConfig::flowSourceBytes : originatorBytes;
        byFields = byFields == null ? List.of() : List.copyOf(byFields);
    }

    /** RITA's defaults for everything but the clause's own values. */
    public static BeaconConfig of(List<String> byFields, Duration window, int minConnections, double threshold) {
        return new BeaconConfig(byFields, window, minConnections, threshold, BeaconWeights.EQUAL,
                DEFAULT_HISTOGRAM_BINS, DEFAULT_RESOLUTION, 0, Duration.ZERO, DEFAULT_MAX_EVIDENCE, null);
    }

    public BeaconConfig withWeights(BeaconWeights w) {
        return new BeaconConfig(byFields, window, minConnections, threshold, w, histogramBins, resolution,
                strobeLimit, suppress, maxEvidence, originatorBytes);
    }

    public BeaconConfig withResolution(Duration r) {
        return new BeaconConfig(byFields, window, minConnections, threshold, weights, histogramBins, r,
                strobeLimit, suppress, maxEvidence, originatorBytes);
    }

    public BeaconConfig withStrobeLimit(long limit) {
        return new BeaconConfig(byFields, window, minConnections, threshold, weights, histogramBins, resolution,
                limit, suppress, maxEvidence, originatorBytes);
    }

    public BeaconConfig withSuppress(Duration s) {
        return new BeaconConfig(byFields, window, minConnections, threshold, weights, histogramBins, resolution,
                strobeLimit, s, maxEvidence, originatorBytes);
    }

    /** 86,400 connections per day scaled to the window, at least 1. */
    public static long defaultStrobeLimit(Duration window) {
        long perWindow = (long) Math.ceil(STROBE_CONNECTIONS_PER_DAY * (window.toNanos() / 86_400e9));
        return Math.max(1, perWindow);
    }

    /** {@code source.bytes} of flow records; other event types carry no per-connection byte count. */
    static Long flowSourceBytes(NetworkEvent e) {
        return e instanceof FlowEvent f ? f.getSourceBytes() : null;
    }
}
