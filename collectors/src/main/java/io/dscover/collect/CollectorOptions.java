package io.dscover.collect;

import io.dscover.model.event.Durations;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings for collectors as {@code key=value} pairs ({@code --collector-option pcap.tcp-timeout=5m}).
 * Keys are prefixed with the collector's name; each collector documents the keys it reads.
 */
public final class CollectorOptions {

    private static final CollectorOptions EMPTY = new CollectorOptions(Map.of());

    private final Map<String, String> values;

    private CollectorOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static CollectorOptions empty() {
        return EMPTY;
    }

    public static CollectorOptions of(Map<String, String> values) {
        return new CollectorOptions(values);
    }

    public CollectorOptions with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new CollectorOptions(m);
    }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public String get(String key) {
        return values.get(key);
    }

    /** A duration option ({@code 5m}, {@code 30s}) in nanoseconds. */
    public long duration(String key, long defaultNanos) {
        String v = values.get(key);
        if (v == null) {
            return defaultNanos;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + key + ": " + e.getMessage(), e);
        }
    }

    public long integer(String key, long defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + ": not an integer: " + v, e);
        }
    }

    public Map<String, String> asMap() {
        return values;
    }
}
