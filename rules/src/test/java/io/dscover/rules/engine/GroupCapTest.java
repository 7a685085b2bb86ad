package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import io.dscover.rules.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group state is capped per rule: beyond the cap the least recently active group is evicted and counted. */
class GroupCapTest {

    @Test
    void evictionBeyondTheCapIsCountedAndCostsTheEvictedGroupItsState() {
        Engine capped = SemanticsRules.engine().withGroupCapacity(3);
        List<FlowEvent> events = new ArrayList<>();
        for (int port = 1; port <= 4; port++) {
            events.add(flow(port, "10.0.0.9", "10.0.0.20", port, "REJ"));     // 4 ports: one short of the scan
        }
        for (int i = 0; i < 3; i++) {
            events.add(flow(5 + i, "10.0.0." + (100 + i), "10.0.0.20", 80, "REJ")); // 3 other pairs push it out
        }
        events.add(flow(8, "10.0.0.9", "10.0.0.20", 5, "REJ"));              // the 5th port, after eviction

        List<Alert> alerts = new ArrayList<>();
        RunSummary summary;
        try (EngineRun run = capped.start(alerts::add)) {
            events.forEach(run::accept);
            summary = run.finish();
        }

        assertThat(alerts).isEmpty();
        RunSummary.RuleSummary scan = summary.rules().stream().filter(r -> r.id().equals("port_scan")).findFirst()
                .orElseThrow();
        // 10.0.0.9's group evicted by the 3rd newcomer; its return evicts 10.0.0.100's
        assertThat(scan.evictions()).isEqualTo(2);
        assertThat(scan.groups()).isEqualTo(3);
        assertThat(scan.matches()).isEqualTo(8);
    }

    @Test
    void withoutTheCapTheSameEventsRaiseTheScan() {
        List<FlowEvent> events = new ArrayList<>();
        for (int port = 1; port <= 4; port++) {
            events.add(flow(port, "10.0.0.9", "10.0.0.20", port, "REJ"));
        }
        for (int i = 0; i < 3; i++) {
            events.add(flow(5 + i, "10.0.0." + (100 + i), "10.0.0.20", 80, "REJ"));
        }
        events.add(flow(8, "10.0.0.9", "10.0.0.20", 5, "REJ"));

        assertThat(SemanticsRules.run(events)).extracting(Alert::ruleId).containsExactly("port_scan");
    }
}
