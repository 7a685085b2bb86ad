package io.dscover.dsl.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.Compiling;
import io.dscover.dsl.DroolsHarness;
import io.dscover.dsl.runtime.DetectionActions;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

/**
 * Why generated DRL declares events {@code @expires(0ms)}: in STREAM mode with a pseudo clock, a match
 * made when an event is inserted still fires after the clock moved on (batched firing), an event older
 * than the clock (late data) still matches, and working memory does not grow with the input.
 */
class DrlEventExpiryTest {

    static KieBase kb;

    @BeforeAll
    static void build() {
        var r = Compiling.text("rule high {\n  title: \"t\"\n  severity: low\n  techniques: [T1046]\n"
                + "  match flow where destination.port > 100\n}\n");
        String drl = r.ruleSet().orElseThrow().drl();
        assertThat(drl).contains("declare FlowEvent @role(event) @timestamp(tsMillis) @expires(" + DrlGenerator.EXPIRES + ") end");
        kb = DroolsHarness.build(drl);
    }

    static FlowEvent flow(long millis, long port) {
        FlowEvent e = new FlowEvent();
        e.setTs(millis * 1_000_000L);
        e.setDestinationPort(port);
        return e;
    }

    @Test
    void matchesSurviveClockAdvancesLateEventsAndMemoryStaysFlat() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        KieSession s = kb.newKieSession(conf, null);
        List<Long> fired = new ArrayList<>();
        s.setGlobal("dscover", new DetectionActions() {
            @Override
            public void alert(String ruleId, NetworkEvent event) {
                fired.add(event.getDestinationPort());
            }

            @Override
            public void aggregate(String ruleId, NetworkEvent event, Object[] key, Object value) {
            }

            @Override
            public void sequenceStep(String ruleId, int step, NetworkEvent event, Object[] key) {
            }

            @Override
            public void beacon(String ruleId, NetworkEvent event, Object[] key) {
            }
        });
        SessionPseudoClock clock = s.getSessionClock();
        long base = 1_700_000_000_000L;
        clock.advanceTime(base, TimeUnit.MILLISECONDS);
        s.insert(flow(base, 101));
        s.fireAllRules();
        // batched: insert, clock moves 10 s, insert, then fire once
        s.insert(flow(base, 102));
        clock.advanceTime(10_000, TimeUnit.MILLISECONDS);
        s.insert(flow(base + 10_000, 103));
        s.fireAllRules();
        // late: 5 s older than the clock
        s.insert(flow(base + 5_000, 104));
        s.fireAllRules();
        for (int i = 0; i < 10_000; i++) {
            clock.advanceTime(1, TimeUnit.MILLISECONDS);
            s.insert(flow(clock.getCurrentTime(), 1));
            s.fireAllRules();
        }
        assertThat(fired).containsExactly(101L, 102L, 103L, 104L);
        assertThat(s.getFactCount()).isLessThanOrEqualTo(1);
        s.dispose();
    }
}
