package io.dscover.cli;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorRegistry;
import io.dscover.coverage.telemetry.CollectorCapability;
import java.util.ArrayList;
import java.util.List;

/**
 * What each collector declares ({@link Collector#eventTypes()}, {@link Collector#components()}), handed
 * to the coverage report, which cannot see collectors. The JSON Lines collector reads dscover's own
 * events back, so it is no telemetry source: "everything dscover can collect" leaves it out.
 */
final class CollectorCapabilities {

    private CollectorCapabilities() {
    }

    static List<CollectorCapability> of(CollectorRegistry registry) {
        List<CollectorCapability> out = new ArrayList<>();
        for (Collector c : registry.all()) {
            out.add(new CollectorCapability(c.name(), c.description(), c.eventTypes(), c.components(),
                    !c.name().equals("jsonl")));
        }
        return out;
    }
}
