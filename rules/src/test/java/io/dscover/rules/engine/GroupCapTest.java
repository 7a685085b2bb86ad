package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.at;
import static io.dscover.rules.engine.Events.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import io.dscover.rules.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Group state is capped per rule: beyond the cap a group is evicted and counted. The victim is one
 * not touched since it was queued (CLOCK), so a key sprayed once cannot push out a scan in progress.
 */
class GroupCapTest {

    private static final String SCANNER = "10.0.0.9";
    private static final String TARGET = "10.0.0.20";

    private static RunSummary.RuleSummary run(Engine engine, List<FlowEvent> events, List<Alert> alerts) {
        RunSummary summary;
        try (EngineRun run = engine.start(alerts::add)) {
            events.forEach(run::accept);
            summary = run.finish();
        }
        return summary.rules().stream().filter(r -> r.id().equals("port_scan")).findFirst().orElseThrow();
    }

    @Test
    void anEvictedGroupLosesItsStateAndTheLossIsCounted() {
        List<FlowEvent> events = new ArrayList<>();
        events.add(flow(1, SCANNER, TARGET, 1, "REJ"));
        for (int i = 0; i < 3; i++) {
            events.add(flow(2 + i, "10.0.0." + (100 + i), TARGET, 80, "REJ"));   // the 3rd pushes the scanner out
        }
        for (int port = 2; port <= 5; port++) {
            events.add(flow(3 + port, SCANNER, TARGET, port, "REJ"));          // ports 2..5: only 4 in its new state
        }
        List<Alert> capped = new ArrayList<>();
        RunSummary.RuleSummary scan = run(SemanticsRules.engine().withGroupCapacity(3), events, capped);
        List<Alert> uncapped = new ArrayList<>();
        run(SemanticsRules.engine(), events, uncapped);

        assertThat(capped).isEmpty();
        assertThat(uncapped).extracting(Alert::ruleId, Alert::tsNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("port_scan", at(8)));
        // the scanner evicted by 10.0.0.102; its return evicts 10.0.0.100
        assertThat(scan.evictions()).isEqualTo(2);
        assertThat(scan.groups()).isEqualTo(3);
        assertThat(scan.matches()).isEqualTo(8);
    }

    @Test
    void aScanInProgressSurvivesASprayOfOneOffKeys() {
        List<FlowEvent> events = new ArrayList<>();
        for (int port = 1; port <= 4; port++) {
            events.add(flow(port, SCANNER, TARGET, port, "REJ"));
        }
        for (int i = 0; i < 3; i++) {
            events.add(flow(5 + i, "10.0.0." + (100 + i), TARGET, 80, "REJ"));
        }
        events.add(flow(8, SCANNER, TARGET, 5, "REJ"));
        List<Alert> alerts = new ArrayList<>();
        RunSummary.RuleSummary scan = run(SemanticsRules.engine().withGroupCapacity(3), events, alerts);

        assertThat(alerts).extracting(Alert::ruleId, Alert::tsNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("port_scan", at(8)));
        assertThat(scan.evictions()).isEqualTo(1);
    }
}
