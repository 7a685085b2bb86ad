package io.dscover.rules.engine;

import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertSink;
import io.dscover.rules.state.GroupKey;
import io.dscover.rules.state.MemoryBudget;
import io.dscover.rules.state.Suppression;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay of events through an {@link Engine}: feed events in event-time order with
 * {@link #accept}, end with {@link #finish}. Alerts reach the sink from the thread that calls these
 * methods, in a deterministic order: by event, then by rule order within an event (and, for the end
 * of the input, by rule order then key).
 *
 * <p>The engine's clock is the newest event time seen. An event older than it is processed as
 * arriving at that time (see docs/engine.md, "late events") and counted in
 * {@link RunSummary#outOfOrder()}.
 */
public final class EngineRun implements AutoCloseable {

    /** Idle groups are swept every this many events, for rules that see no events for a while. */
    private static final int SWEEP_EVERY = 4096;
    private static final int ERROR_EXAMPLES = 10;

    private final MemoryBudget budget;
    private final Detector[] detectors;
    private final Detector.Output[] outputs;
    private final Suppression[] suppressions;
    private final long[] matches;
    private final long[] alerts;
    private final MatchPipeline pipeline;
    private final int batchSize;
    private final int threads;
    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    private final List<String> errorExamples = new ArrayList<>();
    private Action[] scratch = new Action[16];
    private Batch current;
    private int inFlight;
    private long now = Long.MIN_VALUE;
    private long events;
    private long outOfOrder;
    private long ruleErrors;
    private long alertsTotal;
    private boolean finished;
    private boolean closed;
    private final MatchListener listener;

    EngineRun(Engine engine, AlertSink sink) {
        this(engine, sink, null);
    }

    EngineRun(Engine engine, AlertSink sink, MatchListener listener) {
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
                sink.accept(alert);
            };
        }
        this.threads = engine.matcherThreads();
        this.batchSize = engine.batchSize();
        this.pipeline = MatchPipeline.create(engine.kieBase(), engine.ruleIndex(), threads, engine.bindsGlobal());
        this.current = new Batch(batchSize);
    }

    /** Matches one event; alerts it completes may be delivered now or at a later call (never after finish). */
    public void accept(NetworkEvent event) {
        if (finished) {
            throw new IllegalStateException("run already finished");
        }
        current.events[current.size++] = event;
        if (current.full()) {
            submitCurrent();
        }
    }

    /** Flushes the pipeline, raises what the end of input decides (beacon scores), and summarises. */
    public RunSummary finish() {
        if (!finished) {
            if (current.size > 0) {
                submitCurrent();
            }
            while (inFlight > 0) {
                consume(pipeline.next());
            }
            for (int i = 0; i < detectors.length; i++) {
                detectors[i].finish(outputs[i]);
            }
            finished = true;
        }
        return summary();
    }

    /** The counters so far (events processed, alerts, groups held per rule), e.g. for progress reports. */
    public RunSummary summary() {
        List<RunSummary.RuleSummary> rules = new ArrayList<>(detectors.length);
        for (int i = 0; i < detectors.length; i++) {
            Detector d = detectors[i];
            rules.add(new RunSummary.RuleSummary(d.rule().id(), kind(d.rule()), matches[i], alerts[i],
                    suppressions[i] == null ? 0 : suppressions[i].suppressed(), d.groups(), d.evictions()));
        }
        return new RunSummary(events, outOfOrder, 0, alertsTotal, rules, ruleErrors, errorExamples, threads,
                budget.usedBytes(), budget.peakBytes(), budget.limitBytes());
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

    private static String kind(EngineRule r) {
        if (r instanceof EngineRule.Aggregate) {
            return "aggregate";
        }
        if (r instanceof EngineRule.Sequence) {
            return "sequence";
        }
        return r instanceof EngineRule.Beacon ? "beacon" : "match";
    }

    private void submitCurrent() {
        pipeline.submit(current);
        inFlight++;
        while (inFlight >= pipeline.depth()) {
            consume(pipeline.next());
        }
        Batch b = free.poll();
        current = b == null ? new Batch(batchSize) : b;
    }

    private void consume(Batch b) {
        inFlight--;
        if (b.failure != null) {
            throw new IllegalStateException("matching failed: " + b.failure, b.failure);
        }
        for (String error : b.errors) {
            ruleErrors++;
            if (errorExamples.size() < ERROR_EXAMPLES) {
                errorExamples.add(error);
            }
        }
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
        b.reset();
        free.add(b);
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

    /** Stops the matcher threads; safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pipeline.close();
        }
    }
}
