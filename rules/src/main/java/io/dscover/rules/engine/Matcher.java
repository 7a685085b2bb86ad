package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.Timestamps;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * One STREAM session with a pseudo clock, used by one thread. Rules keep no window in working memory
 * (the state machines do), so each event is matched on its own; {@code @expires} in the DRL is a
 * second line of defence.
 *
 * <p>When every rule of the base matches a single event (one pattern, nothing joined: all DRL the
 * DSL generates), a batch is matched in one go: its events are inserted, the rules fired once, and
 * the events deleted, so the session holds at most a batch of facts. Firing once per batch instead of
 * once per event halves Drools' cost per event (measured: see benchmarks/engine/RESULTS.md), and is
 * exact for such rules, since no rule can see two events at once. The recorder finds the event a
 * consequence names by identity; actions are put back in event order afterwards, so the order Drools
 * fires in never shows. A rule base with a rule that joins events is matched event by event: insert,
 * fire, delete. Either way the clock is advanced to each event's time (never backwards) before it is
 * inserted.
 *
 * <p>A rule whose constraint or consequence throws on one event (say, a getter on an unset field)
 * costs that rule's match on that event, recorded in the batch: the other rules still fire and the
 * run goes on.
 */
final class Matcher implements AutoCloseable {

    /** Fires left after consecutive consequence failures on one event before giving up on it. */
    private static final int MAX_REFIRES = 1000;

    private final KieSession session;
    private final SessionPseudoClock clock;
    private final ActionRecorder recorder;
    private final boolean batched;
    private FactHandle[] handles = new FactHandle[0];

    Matcher(KieBase base, Map<String, Integer> ruleIndex, boolean bindGlobal, boolean batched) {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        this.session = base.newKieSession(conf, null);
        this.recorder = new ActionRecorder(ruleIndex);
        if (bindGlobal) {
            this.session.setGlobal(Engine.GLOBAL, recorder);
        }
        this.clock = session.getSessionClock();
        this.batched = batched;
    }

    boolean batched() {
        return batched;
    }

    void match(Batch b) {
        if (batched) {
            matchTogether(b);
        } else {
            matchOneByOne(b);
        }
    }

    /**
     * Inserts the batch's events, fires once, deletes them. An event given twice in a batch (the same
     * object) would be one fact, so the batch is cut before the second insert: everything so far is
     * fired and deleted first.
     */
    private void matchTogether(Batch b) {
        if (handles.length < b.size) {
            handles = new FactHandle[b.events.length];
        }
        recorder.together(b);
        int from = 0;
        for (int i = 0; i < b.size; i++) {
            NetworkEvent e = b.events[i];
            if (!recorder.index(e, i)) {
                fireAndDelete(b, from, i);
                from = i;
                recorder.together(b);
                recorder.index(e, i);
            }
            advanceTo(e);
            try {
                handles[i] = session.insert(e);
            } catch (RuntimeException ex) {
                handles[i] = null;
                b.errors.add(describe(null, ex, e));
            }
        }
        fireAndDelete(b, from, b.size);
        recorder.done();
        b.sortActionsByEvent();
    }

    private void fireAndDelete(Batch b, int from, int to) {
        try {
            fire(b, null);
        } finally {
            for (int i = from; i < to; i++) {
                if (handles[i] != null) {
                    session.delete(handles[i]);
                    handles[i] = null;
                }
            }
        }
    }

    private void advanceTo(NetworkEvent e) {
        long dt = e.getTsMillis() - clock.getCurrentTime();
        if (dt > 0) {
            clock.advanceTime(dt, TimeUnit.MILLISECONDS);
        }
    }

    private void matchOneByOne(Batch b) {
        for (int i = 0; i < b.size; i++) {
            NetworkEvent e = b.events[i];
            recorder.at(b, i);
            advanceTo(e);
            FactHandle handle = null;
            try {
                handle = session.insert(e);
                fire(b, e);
            } catch (RuntimeException ex) {
                b.errors.add(describe(null, ex, e));
            } finally {
                if (handle != null) {
                    session.delete(handle);
                }
            }
        }
    }

    private void fire(Batch b, NetworkEvent e) {
        for (int attempt = 0; attempt < MAX_REFIRES; attempt++) {
            try {
                session.fireAllRules();
                return;
            } catch (ConsequenceException ex) {
                // the failed match has left the agenda; fire again for the others
                NetworkEvent about = e != null ? e : eventOf(ex);
                b.errors.add(describe(ex.getMatch() == null ? null : ex.getMatch().getRule().getName(), ex, about));
            }
        }
    }

    private static NetworkEvent eventOf(ConsequenceException ex) {
        if (ex.getMatch() != null) {
            for (Object o : ex.getMatch().getObjects()) {
                if (o instanceof NetworkEvent e) {
                    return e;
                }
            }
        }
        return null;
    }

    private static String describe(String rule, Throwable ex, NetworkEvent e) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder sb = new StringBuilder();
        if (rule != null) {
            sb.append("rule '").append(rule).append("': ");
        }
        sb.append(root.getClass().getSimpleName());
        if (root.getMessage() != null) {
            String m = root.getMessage();
            sb.append(": ").append(m, 0, Math.min(m.length(), 200));
        }
        if (e == null) {
            return sb.toString();
        }
        sb.append(" on ").append(e.eventType()).append(" at ").append(Timestamps.format(e.getTs(), e.getTsPrecision()));
        if (e.getLogFilePath() != null) {
            sb.append(" (").append(e.getLogFilePath());
            if (e.getLogRecord() != null) {
                sb.append(" record ").append(e.getLogRecord());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
