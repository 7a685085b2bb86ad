package io.dscover.rules.engine;

import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.beacon.BeaconConfig;
import io.dscover.rules.sequence.SequenceConfig;
import io.dscover.rules.window.AggregateWindowConfig;
import java.util.Objects;

/**
 * What the engine must know of a rule beyond its DRL: its metadata for alerts and, for the stateful
 * constructs, the configuration of the state machine its DRL feeds. The DSL's compiled rule specs
 * map onto these one to one.
 */
public sealed interface EngineRule {

    RuleInfo info();

    default String id() {
        return info().id();
    }

    /** A per-event rule: DRL calls {@code dscover.alert(id, $e)}. */
    record Match(RuleInfo info) implements EngineRule {
        public Match {
            Objects.requireNonNull(info, "info");
        }
    }

    /** An aggregate rule: DRL calls {@code dscover.aggregate(id, $e, key, value)}. */
    record Aggregate(RuleInfo info, AggregateWindowConfig config) implements EngineRule {
        public Aggregate {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(config, "config");
        }
    }

    /** A sequence rule: each step's DRL rule calls {@code dscover.sequenceStep(id, i, $e, key)}. */
    record Sequence(RuleInfo info, SequenceConfig config) implements EngineRule {
        public Sequence {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(config, "config");
        }
    }

    /** A beacon rule: DRL calls {@code dscover.beacon(id, $e, key)}. */
    record Beacon(RuleInfo info, BeaconConfig config) implements EngineRule {
        public Beacon {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(config, "config");
        }
    }
}
