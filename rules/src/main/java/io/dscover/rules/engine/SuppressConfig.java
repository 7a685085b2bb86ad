package io.dscover.rules.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A rule's {@code suppress [by KEYS] for DURATION}: after an alert, no further alert of the rule for
 * the same values of {@code byFields} (taken from the event that raised the alert, or from the
 * alert's group key) until {@code duration} has passed in event time. Without {@code byFields} all
 * of the rule's alerts share one key. For aggregate and beacon rules the same period also lets a
 * condition that stays true alert again once it has passed (a reminder), see docs/engine.md.
 */
public record SuppressConfig(List<String> byFields, Duration duration) {

    public SuppressConfig {
        byFields = byFields == null ? List.of() : List.copyOf(byFields);
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("suppress duration must be positive: " + duration);
        }
    }
}
