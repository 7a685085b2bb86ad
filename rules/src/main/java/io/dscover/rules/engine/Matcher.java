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
 * One STREAM session with a pseudo clock, used by one thread: for each event, advances the clock to
 * the event's time (never backwards), inserts it, fires, and deletes it. Rules keep no window in
 * working memory (the state machines do), so each event is matched on its own and the session holds
 * one fact at a time; {@code @expires} in the DRL is a second line of defence.
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

    Matcher(KieBase base, Map<String, Integer> ruleIndex, boolean bindGlobal) {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        this.session = base.newKieSession(conf, null);
        this.recorder = new ActionRecorder(ruleIndex);
        if (bindGlobal) {
            this.session.setGlobal(Engine.GLOBAL, recorder);
        }
        this.clock = session.getSessionClock();
    }

    void match(Batch b) {
        for (int i = 0; i < b.size; i++) {
            NetworkEvent e = b.events[i];
            recorder.at(b, i);
            long dt = e.getTsMillis() - clock.getCurrentTime();
            if (dt > 0) {
                clock.advanceTime(dt, TimeUnit.MILLISECONDS);
            }
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
                b.errors.add(describe(ex.getMatch() == null ? null : ex.getMatch().getRule().getName(), ex, e));
            }
        }
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
