package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay of events through an {@link Engine}: feed events in event-time order with
 * {@link #accept}, end with {@link #finish}. Alerts reach the sink from the thread that calls these
 * methods, in a deterministic order: by event, then by rule order within an event (and, for the end
 * of the input, by rule order then key).
 *
 * <p>Events go to the {@link MatchPipeline} in batches: Drools sessions match them and the rules'
 * {@link StateMachines} apply the matches, in the calling thread or (with matcher threads) on
 * threads of their own, while the calling thread reads the next events. Either way batches come back
 * in the order they were sent, so results do not depend on the threads.
 *
 * <p>The engine's clock is the newest event time seen. An event older than it is processed as
 * arriving at that time (see docs/engine.md, "late events") and counted in
 * {@link RunSummary#outOfOrder()}.
 */
public final class EngineRun implements AutoCloseable {

    private static final int ERROR_EXAMPLES = 10;

    private final AlertSink sink;
    private final StateMachines state;
    private final MatchPipeline pipeline;
    private final int batchSize;
    private final int threads;
    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    private final List<String> errorExamples = new ArrayList<>();
    private Batch current;
    private int inFlight;
    private long ruleErrors;
    private boolean finished;
    private boolean closed;

    EngineRun(Engine engine, AlertSink sink) {
        this(engine, sink, null);
    }

    /**
     * @param listener told of every predicate match (may be null), from the thread that applies the
     *                 state machines: the calling thread, or the run's state thread with matcher threads
     */
    EngineRun(Engine engine, AlertSink sink, MatchListener listener) {
        this.sink = sink;
        this.state = new StateMachines(engine, listener);
        this.threads = engine.matcherThreads();
        this.batchSize = engine.batchSize();
        this.pipeline = MatchPipeline.create(engine.kieBase(), engine.ruleIndex(), threads, engine.bindsGlobal(),
                engine.singleEventRules(), state);
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
            drain();
            List<Alert> last = new ArrayList<>();
            state.finish(last);
            last.forEach(sink::accept);
            finished = true;
        }
        return summary();
    }

    /**
     * The counters so far (events processed, alerts, groups held per rule), e.g. for progress reports.
     * Waits for the batches in flight first, delivering their alerts.
     */
    public RunSummary summary() {
        drain();
        return new RunSummary(state.events(), state.outOfOrder(), 0, state.alerts(), state.ruleSummaries(), ruleErrors,
                errorExamples, threads, state.budget().usedBytes(), state.budget().peakBytes(),
                state.budget().limitBytes());
    }

    private void drain() {
        while (inFlight > 0) {
            consume(pipeline.next());
        }
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
        for (Alert a : b.alerts) {
            sink.accept(a);
        }
        if (b.stateFailure != null) {
            throw b.stateFailure;
        }
        b.reset();
        free.add(b);
    }

    /** Stops the pipeline's threads; safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pipeline.close();
        }
    }
}
