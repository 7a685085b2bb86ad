package io.dscover.rules.sequence;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One {@code sequence} rule: {@code sequence by BY... within WITHIN [step 0] then [step 1] ...}.
 *
 * @param byFields names of the {@code by} fields, in the order DRL passes their values
 * @param within   most event time from the first step's event to the last step's event (inclusive)
 * @param steps    number of steps (at least 2)
 */
public record SequenceConfig(List<String> byFields, Duration within, int steps) {

    public SequenceConfig {
        Objects.requireNonNull(within, "within");
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("within must be positive: " + within);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a sequence needs at least 2 steps: " + steps);
        }
        byFields = byFields == null ? List.of() : List.copyOf(byFields);
    }
}
