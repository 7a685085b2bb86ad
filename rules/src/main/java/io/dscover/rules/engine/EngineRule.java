package io.dscover.rules.engine;

import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.beacon.BeaconConfig;
import io.dscover.rules.sequence.SequenceConfig;
import io.dscover.rules.window.AggregateWindowConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine must know of a rule beyond its DRL: its metadata for alerts, the configuration
 * of the state machine its DRL feeds (for the stateful constructs), and its {@code suppress} clause.
 * The DSL's compiled rule specs map onto these one to one.
 */
public sealed interface EngineRule {

    RuleInfo info();

    /** The rule's {@code suppress} clause; null when it has none. */
    SuppressConfig suppress();

    default String id() {
        return info().id();
    }

    /** The rule's kind as summaries and messages name it: match, aggregate, sequence or beacon. */
    String kind();

    default Optional<SuppressConfig> suppression() {
        return Optional.ofNullable(suppress());
    }

    /** A per-event rule: DRL calls {@code dscover.alert(id, $e)}. */
    record Match(RuleInfo info, SuppressConfig suppress) implements EngineRule {
        @Override
        public String kind() {
            return "match";
        }

        public Match {
            Objects.requireNonNull(info, "info");
        }

        public Match(RuleInfo info) {
            this(info, null);
        }
    }

    /**
     * An aggregate rule: DRL calls {@code dscover.aggregate(id, $e, key, value)}. A suppress clause
     * also sets the window's reminder period when the config has none.
     */
    record Aggregate(RuleInfo info, AggregateWindowConfig config, SuppressConfig suppress) implements EngineRule {
        @Override
        public String kind() {
            return "aggregate";
        }

        public Aggregate {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(config, "config");
            if (suppress != null && config.suppress().isZero()) {
                config = config.withSuppress(suppress.duration());
            }
        }

        public Aggregate(RuleInfo info, AggregateWindowConfig config) {
            this(info, config, null);
        }
    }

    /** A sequence rule: each step's DRL rule calls {@code dscover.sequenceStep(id, i, $e, key)}. */
    record Sequence(RuleInfo info, SequenceConfig config, SuppressConfig suppress) implements EngineRule {
        @Override
        public String kind() {
            return "sequence";
        }

        public Sequence {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(config, "config");
        }

        public Sequence(RuleInfo info, SequenceConfig config) {
            this(info, config, null);
        }
    }

    /**
     * A beacon rule: DRL calls {@code dscover.beacon(id, $e, key)}. A suppress clause also sets the
     * tracker's reminder period when the config has none.
     */
    record Beacon(RuleInfo info, BeaconConfig config, SuppressConfig suppress) implements EngineRule {
        @Override
        public String kind() {
            return "beacon";
        }

        public Beacon {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(config, "config");
            if (suppress != null && config.suppress().isZero()) {
                config = config.withSuppress(suppress.duration());
            }
        }

        public Beacon(RuleInfo info, BeaconConfig config) {
            this(info, config, null);
        }
    }
}
