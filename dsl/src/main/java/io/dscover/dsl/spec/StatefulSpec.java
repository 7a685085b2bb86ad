package io.dscover.dsl.spec;

import io.dscover.model.event.FieldDef;
import java.util.List;

/**
 * The window clause of a rule, which the engine runs as an incremental Java state machine expiring by
 * event time. DRL only feeds it events that passed the rule's predicate, through
 * {@link io.dscover.dsl.runtime.DetectionActions}.
 */
public sealed interface StatefulSpec permits AggregateSpec, SequenceSpec, BeaconSpec {

    /** The {@code by} keys in order; the key array the DRL passes holds their values in this order. */
    List<FieldDef> by();

    /** The window length in nanoseconds of event time. */
    long windowNanos();
}
