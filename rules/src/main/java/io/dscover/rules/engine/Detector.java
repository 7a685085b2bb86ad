package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.Evidence;
import io.dscover.rules.alert.FlowTuple;
import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.beacon.BeaconHit;
import io.dscover.rules.beacon.BeaconTracker;
import io.dscover.rules.sequence.SequenceHit;
import io.dscover.rules.sequence.SequenceTracker;
import io.dscover.rules.state.MemoryBudget;
import io.dscover.rules.window.AggregateHit;
import io.dscover.rules.window.AggregateWindow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime side of one rule: takes the actions its DRL recorded, in event order, feeds its state
 * machine and turns hits into {@link Alert}s. Used only by the thread that drives the run.
 */
sealed interface Detector {

    EngineRule rule();

    /** Where a detector's alerts go, with the event that raised each (null at the end of input). */
    @FunctionalInterface
    interface Output {
        void emit(Alert alert, NetworkEvent trigger);
    }

    /** Applies one recorded action for {@code event}; {@code nowNanos} is the engine's event-time clock. */
    void apply(Action action, NetworkEvent event, long nowNanos, Output out);

    default void sweep(long nowNanos) {
    }

    /** End of input: raises what only the end can decide. */
    default void finish(Output out) {
    }

    default int groups() {
        return 0;
    }

    default long evictions() {
        return 0;
    }

    static Detector of(EngineRule rule, int groupCapacity, MemoryBudget budget) {
        if (rule instanceof EngineRule.Aggregate a) {
            return new OnAggregate(a, new AggregateWindow(a.config(), groupCapacity, budget));
        }
        if (rule instanceof EngineRule.Sequence s) {
            return new OnSequence(s, new SequenceTracker(s.config(), groupCapacity, budget));
        }
        if (rule instanceof EngineRule.Beacon b) {
            return new OnBeacon(b, new BeaconTracker(b.config(), groupCapacity, budget));
        }
        return new OnMatch((EngineRule.Match) rule);
    }

    static IllegalStateException wrongCall(EngineRule rule, Action a) {
        String call = switch (a.kind()) {
            case ALERT -> "dscover.alert";
            case AGGREGATE -> "dscover.aggregate";
            case SEQUENCE_STEP -> "dscover.sequenceStep";
            case BEACON -> "dscover.beacon";
        };
        return new IllegalStateException("DRL calls " + call + " for rule '" + rule.id() + "', which the engine was"
                + " given as a " + rule.kind() + " rule");
    }

    record OnMatch(EngineRule.Match rule) implements Detector {
        @Override
        public void apply(Action a, NetworkEvent e, long nowNanos, Output out) {
            if (a.kind() != Action.Kind.ALERT) {
                throw wrongCall(rule, a);
            }
            out.emit(new Alert(e.getTs(), e.getTsPrecision(), rule.info(), AlertKind.MATCH, e.getEventComponent(),
                    null, null, null, null, null, FlowTuple.of(e), List.of(Evidence.of(e)), null), e);
        }
    }

    record OnAggregate(EngineRule.Aggregate rule, AggregateWindow window) implements Detector {
        @Override
        public void apply(Action a, NetworkEvent e, long nowNanos, Output out) {
            if (a.kind() != Action.Kind.AGGREGATE) {
                throw wrongCall(rule, a);
            }
            AggregateHit hit = window.add(e, a.key(), a.value(), nowNanos);
            if (hit != null) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("having", rule.config().having().text());
                details.put("within_s", rule.config().window().toMillis() / 1000.0);
                out.emit(new Alert(hit.windowEndNanos(), e.getTsPrecision(), rule.info(), AlertKind.AGGREGATE,
                        e.getEventComponent(), hit.key().toMap(rule.config().byFields()), rule.config().measure(),
                        hit.value(), hit.windowStartNanos(), hit.windowEndNanos(), FlowTuple.of(e), hit.evidence(),
                        details), e);
            }
        }

        @Override
        public void sweep(long nowNanos) {
            window.sweep(nowNanos);
        }

        @Override
        public int groups() {
            return window.groups();
        }

        @Override
        public long evictions() {
            return window.evictions();
        }
    }

    record OnSequence(EngineRule.Sequence rule, SequenceTracker tracker) implements Detector {
        @Override
        public void apply(Action a, NetworkEvent e, long nowNanos, Output out) {
            if (a.kind() != Action.Kind.SEQUENCE_STEP) {
                throw wrongCall(rule, a);
            }
            SequenceHit hit = tracker.step(a.step(), e, a.key(), nowNanos);
            if (hit != null) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("steps", rule.config().steps());
                details.put("within_s", rule.config().within().toMillis() / 1000.0);
                out.emit(new Alert(hit.endNanos(), e.getTsPrecision(), rule.info(), AlertKind.SEQUENCE,
                        e.getEventComponent(), hit.key().toMap(rule.config().byFields()), null, null,
                        hit.startNanos(), hit.endNanos(), FlowTuple.of(e), hit.steps(), details), e);
            }
        }

        @Override
        public void sweep(long nowNanos) {
            tracker.sweep(nowNanos);
        }

        @Override
        public int groups() {
            return tracker.keys();
        }

        @Override
        public long evictions() {
            return tracker.evictions();
        }
    }

    record OnBeacon(EngineRule.Beacon rule, BeaconTracker tracker) implements Detector {
        @Override
        public void apply(Action a, NetworkEvent e, long nowNanos, Output out) {
            if (a.kind() != Action.Kind.BEACON) {
                throw wrongCall(rule, a);
            }
            BeaconHit hit = tracker.observe(e, a.key(), nowNanos);
            if (hit != null) {
                out.emit(alert(hit), e);
            }
        }

        @Override
        public void finish(Output out) {
            for (BeaconHit hit : tracker.finish()) {
                out.emit(alert(hit), null);
            }
        }

        private Alert alert(BeaconHit hit) {
            NetworkEvent e = hit.trigger();
            int precision = e == null ? 6 : e.getTsPrecision();
            FlowTuple tuple = e == null ? null : FlowTuple.of(e);
            Map<String, Object> group = hit.key().toMap(rule.config().byFields());
            if (hit.strobe()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("strobe_limit", rule.config().strobeLimit());
                details.put("within_s", rule.config().window().toMillis() / 1000.0);
                return new Alert(hit.windowEndNanos(), precision, rule.info(), AlertKind.STROBE, hit.component(), group,
                        "connections", (long) hit.connections(), hit.windowStartNanos(), hit.windowEndNanos(), tuple,
                        hit.evidence(), details);
            }
            Map<String, Object> details = hit.score().details();
            details.put("threshold", rule.config().threshold());
            details.put("within_s", rule.config().window().toMillis() / 1000.0);
            return new Alert(hit.windowEndNanos(), precision, rule.info(), AlertKind.BEACON, hit.component(), group,
                    "score", hit.score().score(), hit.windowStartNanos(), hit.windowEndNanos(), tuple, hit.evidence(),
                    details);
        }

        @Override
        public void sweep(long nowNanos) {
            tracker.sweep(nowNanos);
        }

        @Override
        public int groups() {
            return tracker.keys();
        }

        @Override
        public long evictions() {
            return tracker.evictions();
        }
    }
}
