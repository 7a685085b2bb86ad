package io.dscover.dsl;

import io.dscover.dsl.runtime.DetectionActions;
import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;
import org.kie.internal.utils.KieHelper;

/**
 * Test stand-in for the engine: builds a KieBase from generated DRL the way the engine does
 * (executable model, STREAM mode), replays events with a pseudo clock and records every call the
 * DRL makes on the {@code dscover} global.
 */
public final class DroolsHarness {

    /** One call from a DRL consequence. */
    public record Call(String kind, String ruleId, int step, NetworkEvent event, List<Object> key, Object value) {
    }

    private DroolsHarness() {
    }

    public static KieBase build(String drl) {
        return new KieHelper().addContent(drl, ResourceType.DRL).build(ExecutableModelProject.class, EventProcessingOption.STREAM);
    }

    /** Inserts the events in order (clock advanced to each event's time first, fired after each) and returns the calls. */
    public static List<Call> replay(KieBase kb, List<? extends NetworkEvent> events) {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = kb.newKieSession(conf, null);
        List<Call> calls = new ArrayList<>();
        s.setGlobal("dscover", new Recorder(calls));
        SessionPseudoClock clock = s.getSessionClock();
        try {
            for (NetworkEvent e : events) {
                long dt = e.getTsMillis() - clock.getCurrentTime();
                if (dt > 0) {
                    clock.advanceTime(dt, TimeUnit.MILLISECONDS);
                }
                s.insert(e);
                s.fireAllRules();
            }
        } finally {
            s.dispose();
        }
        return calls;
    }

    private record Recorder(List<Call> calls) implements DetectionActions {
        @Override
        public void alert(String ruleId, NetworkEvent event) {
            calls.add(new Call("alert", ruleId, -1, event, List.of(), null));
        }

        @Override
        public void aggregate(String ruleId, NetworkEvent event, Object[] key, Object value) {
            calls.add(new Call("aggregate", ruleId, -1, event, Arrays.asList(key), value));
        }

        @Override
        public void sequenceStep(String ruleId, int step, NetworkEvent event, Object[] key) {
            calls.add(new Call("sequenceStep", ruleId, step, event, Arrays.asList(key), null));
        }

        @Override
        public void beacon(String ruleId, NetworkEvent event, Object[] key) {
            calls.add(new Call("beacon", ruleId, -1, event, Arrays.asList(key), null));
        }
    }
}
