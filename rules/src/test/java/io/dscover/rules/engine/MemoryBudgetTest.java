package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.flow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever the traffic, rule state stays within the memory budget: the excess is evicted and counted. */
class MemoryBudgetTest {

    @Test
    void stateBeyondTheBudgetIsEvictedAndCountedNeverHeld() {
        // 20,000 distinct scanning pairs within one minute: ~20,000 groups of ~400 bytes (8 MB) for a 1 MB budget
        Engine tight = SemanticsRules.engine().withStateMemory(1_000_000);
        List<io.dscover.model.event.FlowEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            events.add(flow(i * 0.001, "10.1." + (i / 250) + "." + (i % 250), "10.0.0.20", 1 + i % 1000, "REJ"));
        }
        RunSummary s;
        try (EngineRun run = tight.start(a -> { })) {
            events.forEach(run::accept);
            s = run.finish();
        }
        RunSummary.RuleSummary scan = s.rules().stream().filter(r -> r.id().equals("port_scan")).findFirst()
                .orElseThrow();
        assertThat(s.stateBytesLimit()).isEqualTo(1_000_000);
        assertThat(s.peakStateBytes()).isLessThanOrEqualTo(1_000_000 + 2_000);
        assertThat(scan.evictions()).isGreaterThan(15_000);
        assertThat(scan.groups() + scan.evictions()).isEqualTo(20_000);

        RunSummary roomy;
        try (EngineRun run = SemanticsRules.engine().withStateMemory(100_000_000).start(a -> { })) {
            events.forEach(run::accept);
            roomy = run.finish();
        }
        assertThat(roomy.rules().stream().mapToLong(RunSummary.RuleSummary::evictions).sum()).isZero();
        assertThat(roomy.peakStateBytes()).isGreaterThan(5_000_000);
    }
}
