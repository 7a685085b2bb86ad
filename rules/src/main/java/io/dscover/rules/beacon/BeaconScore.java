package io.dscover.rules.beacon;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key's beacon score and its parts, as RITA reports them.
 *
 * @param score               weighted mean of the parts present, in [0, 1], rounded to 3 decimals
 * @param timestampScore      regularity of the intervals between distinct connection times
 * @param dataSizeScore       regularity of the bytes sent per connection; null when the input has no sizes
 * @param durationScore       how much of the window the connections span, or how many consecutive bins
 *                            they fill
 * @param histogramScore      flatness (or two-level shape) of connections per bin; null when weighted 0
 * @param connections         connections in the window
 * @param medianIntervalSeconds median interval between distinct connection times
 * @param intervalMadSeconds  median absolute deviation of those intervals
 * @param intervalSkew        Bowley skew of those intervals
 * @param medianBytes         median bytes per connection; null without sizes
 * @param firstNanos          (quantised) time of the first connection in the window
 * @param lastNanos           (quantised) time of the last connection
 * @param resolutionNanos     what the times were truncated to (1 s, or the flow log's interval)
 */
public record BeaconScore(double score, double timestampScore, Double dataSizeScore, double durationScore,
                          Double histogramScore, int connections, double medianIntervalSeconds,
                          double intervalMadSeconds, double intervalSkew, Double medianBytes, long firstNanos,
                          long lastNanos, long resolutionNanos) {

    /** The parts and statistics for an alert's details, in a fixed order. */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("score", score);
        d.put("ts_score", timestampScore);
        if (dataSizeScore != null) {
            d.put("ds_score", dataSizeScore);
        }
        d.put("dur_score", durationScore);
        if (histogramScore != null) {
            d.put("hist_score", histogramScore);
        }
        d.put("connections", connections);
        d.put("median_interval_s", medianIntervalSeconds);
        d.put("interval_mad_s", intervalMadSeconds);
        d.put("interval_skew", intervalSkew);
        if (medianBytes != null) {
            d.put("median_bytes", medianBytes);
        }
        d.put("resolution_s", resolutionNanos / 1e9);
        return d;
    }
}
