package io.dscover.dsl.spec;

import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import java.util.List;

/**
 * {@code sequence by KEYS within WINDOW [step] then [step] ...}: the steps in order, for the same key
 * values, all within the window of the first. Each step is its own DRL rule calling
 * {@code sequenceStep(ruleId, index, event, key)}.
 *
 * @param by the keys, as fields of the first step's event type (every step's event type has them)
 */
public record SequenceSpec(List<FieldDef> by, long windowNanos, List<Step> steps) implements StatefulSpec {

    public SequenceSpec {
        by = List.copyOf(by);
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param index        0-based, as passed to {@code sequenceStep}
     * @param eventType    the event type the step matches
     * @param drlRuleName  the DRL rule that reports it
     */
    public record Step(int index, EventTypeDef eventType, String drlRuleName) {
    }
}
