package io.dscover.dsl.spec;

import io.dscover.model.event.FieldDef;
import java.util.List;

/**
 * {@code suppress by KEYS for DURATION}: after an alert, no other alert of the rule for the same key
 * values until the duration has passed (in event time). Applies to every kind of rule.
 */
public record SuppressSpec(List<FieldDef> by, long durationNanos) {
    public SuppressSpec {
        by = List.copyOf(by);
    }
}
