package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dscover.model.event.Timestamps;
import java.time.Instant;

/**
 * A STIX timestamp ({@code 2021-11-10T09:30:48.697365Z}) with the number of fraction digits it was
 * written with, so that a round trip writes microseconds as microseconds and milliseconds as
 * milliseconds. STIX requires UTC with a {@code Z}; other forms are refused.
 *
 * @param epochNanos     nanoseconds since the epoch
 * @param fractionDigits 0..9 digits after the seconds
 */
public record StixTimestamp(long epochNanos, int fractionDigits) implements Comparable<StixTimestamp> {

    public StixTimestamp {
        if (fractionDigits < 0 || fractionDigits > 9) {
            throw new IllegalArgumentException("fraction digits must be 0..9: " + fractionDigits);
        }
    }

    /**
     * Parses {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}.
     *
     * @throws IllegalArgumentException naming the text when it is not a STIX timestamp
     */
    @JsonCreator
    public static StixTimestamp parse(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(10) != 'T' || text.charAt(n - 1) != 'Z'
                || (n > 20 && text.charAt(19) != '.') || n == 21) {
            throw new IllegalArgumentException("not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z): '" + text + "'");
        }
        Timestamps.Parsed p = Timestamps.parse(text);
        return new StixTimestamp(p.epochNanos(), p.precision());
    }

    public Instant instant() {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /** The calendar day (UTC) as {@code YYYY-MM-DD}. */
    public String date() {
        return toString().substring(0, 10);
    }

    @JsonValue
    @Override
    public String toString() {
        return Timestamps.format(epochNanos, fractionDigits);
    }

    @Override
    public int compareTo(StixTimestamp o) {
        return Long.compare(epochNanos, o.epochNanos);
    }
}
