package io.dscover.dsl.spec;

import io.dscover.model.event.FieldDef;
import java.util.List;
import java.util.Optional;

/**
 * {@code aggregate FN(field) as ALIAS by KEYS within WINDOW having CONDITION}.
 *
 * @param function    what to compute over the window per key
 * @param field       the aggregated field (empty for {@code count()}); the DRL passes its value
 * @param alias       the name {@code having} uses ({@code as NAME}, or the function name)
 * @param by          the group keys
 * @param windowNanos the sliding window
 * @param having      when the aggregate value raises an alert
 */
public record AggregateSpec(AggregateFunction function, Optional<FieldDef> field, String alias, List<FieldDef> by,
        long windowNanos, HavingCondition having) implements StatefulSpec {
    public AggregateSpec {
        by = List.copyOf(by);
    }
}
