package io.dscover.dsl.spec;

import io.dscover.model.event.FieldDef;
import java.util.List;

/**
 * {@code beacon by KEYS within WINDOW min N having score >= X}.
 *
 * @param minEvents      the fewest connections a key needs in the window to be scored (default 4)
 * @param scoreThreshold the score in [0, 1] at or above which the key alerts (default 0.8)
 */
public record BeaconSpec(List<FieldDef> by, long windowNanos, long minEvents, double scoreThreshold)
        implements StatefulSpec {

    public static final long DEFAULT_MIN_EVENTS = 4;
    public static final double DEFAULT_SCORE = 0.8;

    public BeaconSpec {
        by = List.copyOf(by);
    }
}
