package io.dscover.rules.engine;

import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.state.GroupKey;
import io.dscover.rules.state.MemoryBudget;
import io.dscover.rules.state.Suppression;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one run's rules — windows, sequences, beacons, suppression — and the clock they run
 * on: takes matched batches in submission order and applies each event's recorded actions in rule
 * order, collecting the alerts they raise into the batch. Used by one thread at a time (the caller,
 * or the run's state thread while batches are in flight; the hand-over through the pipeline's queues
 * orders the two).
 */
final class StateMachines {

    /** Idle groups are swept every this many events, for rules that see no events for a while. */
    private static final int SWEEP_EVERY = 4096;

    private final MemoryBudget budget;
    private final Detector[] detectors;
    private final Detector.Output[] outputs;
    private final Suppression[] suppressions;
    private final long[] matches;
    private final long[] alerts;
    private final MatchListener listener;
    private List<Alert> collect;
    private Action[] scratch = new Action[16];
    private long now = Long.MIN_VALUE;
    private long events;
    private long outOfOrder;
    private long alertsTotal;

    StateMachines(Engine engine, MatchListener listener) {
        this.listener = listener;
        List<EngineRule> rules = engine.rules();
        this.budget = engine.stateMemoryBytes() > 0 ? new MemoryBudget(engine.stateMemoryBytes())
                : MemoryBudget.halfOfHeap();
        this.detectors = new Detector[rules.size()];
        this.outputs = new Detector.Output[rules.size()];
        this.suppressions = new Suppression[rules.size()];
        this.matches = new long[rules.size()];
        this.alerts = new long[rules.size()];
        for (int i = 0; i < detectors.length; i++) {
            EngineRule r = rules.get(i);
            detectors[i] = Detector.of(r, engine.groupCapacity(), budget);
            int rule = i;
            SuppressConfig suppress = r.suppress();
            if (suppress != null) {
                suppressions[i] = new Suppression(suppress.duration(), engine.groupCapacity(), budget);
            }
            outputs[i] = (alert, trigger) -> {
                if (suppress != null
                        && !suppressions[rule].admit(suppressionKey(suppress, alert, trigger), alert.tsNanos())) {
                    return;
                }
                alerts[rule]++;
                alertsTotal++;
                collect.add(alert);
            };
        }
    }

    /** Applies a matched batch, event by event; its alerts go to {@code b.alerts}. */
    void apply(Batch b) {
        collect = b.alerts;
        List<Action> actions = b.actions;
        int next = 0;
        for (int i = 0; i < b.size; i++) {
            NetworkEvent e = b.events[i];
            long ts = e.getTs();
            if (ts < now) {
                outOfOrder++;
            } else {
                now = ts;
            }
            int end = next;
            while (end < actions.size() && actions.get(end).event() == i) {
                end++;
            }
            apply(actions, next, end, e);
            next = end;
            if (++events % SWEEP_EVERY == 0) {
                for (Detector d : detectors) {
                    d.sweep(now);
                }
            }
        }
        collect = null;
    }

    /** End of input: what only the end can decide (beacon scores), in rule order. */
    void finish(List<Alert> out) {
        collect = out;
        for (int i = 0; i < detectors.length; i++) {
            detectors[i].finish(outputs[i]);
        }
        collect = null;
    }

    /** Applies one event's actions in rule order (highest sequence step first), whatever order Drools fired them in. */
    private void apply(List<Action> actions, int from, int to, NetworkEvent e) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (scratch.length < n) {
            scratch = new Action[Math.max(n, scratch.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            Action a = actions.get(from + i);
            int j = i;
            while (j > 0 && Action.compare(scratch[j - 1], a) > 0) {
                scratch[j] = scratch[j - 1];
                j--;
            }
            scratch[j] = a;
        }
        for (int i = 0; i < n; i++) {
            Action a = scratch[i];
            scratch[i] = null;
            if (a.rule() < 0) {
                throw new IllegalStateException("DRL calls the engine for rule '" + a.ruleId()
                        + "', which the engine was not given (register it with Engine.builder().rule(...))");
            }
            matches[a.rule()]++;
            if (listener != null) {
                listener.matched(a.ruleId(), a.step(), e);
            }
            detectors[a.rule()].apply(a, e, now, outputs[a.rule()]);
        }
    }

    /**
     * The values of the suppress fields: from the event that raised the alert, or (an alert raised at
     * the end of the input) from the alert's group key.
     */
    private static GroupKey suppressionKey(SuppressConfig suppress, Alert alert, NetworkEvent trigger) {
        List<String> fields = suppress.byFields();
        Object[] values = new Object[fields.size()];
        EventTypeDef type = trigger == null ? null : EventSchema.get().eventTypeOf(trigger);
        for (int i = 0; i < values.length; i++) {
            String name = fields.get(i);
            FieldDef f = type == null ? null : type.field(name).orElse(null);
            values[i] = f != null ? f.get(trigger) : alert.group().get(name);
        }
        return GroupKey.of(values);
    }

    List<RunSummary.RuleSummary> ruleSummaries() {
        List<RunSummary.RuleSummary> rules = new ArrayList<>(detectors.length);
        for (int i = 0; i < detectors.length; i++) {
            Detector d = detectors[i];
            rules.add(new RunSummary.RuleSummary(d.rule().id(), d.rule().kind(), matches[i], alerts[i],
                    suppressions[i] == null ? 0 : suppressions[i].suppressed(), d.groups(), d.evictions()));
        }
        return rules;
    }

    long events() {
        return events;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long alerts() {
        return alertsTotal;
    }

    MemoryBudget budget() {
        return budget;
    }
}
