package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.at;
import static io.dscover.rules.engine.Events.flow;
import static io.dscover.rules.engine.Events.flowBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code port_scan}: REJ/S0 flows, count(distinct destination.port) by source.ip, destination.ip within
 * 60s having ports >= 5. {@code dns_volume}: sum(source.bytes) of flows to port 53 by source.ip within
 * 5m having >= 10000.
 */
class AggregateSemanticsTest {

    private static List<FlowEvent> scan(String src, String dst, int firstPort, int ports, double startS, double stepS) {
        List<FlowEvent> events = new ArrayList<>();
        for (int i = 0; i < ports; i++) {
            events.add(flow(startS + i * stepS, src, dst, firstPort + i, "REJ"));
        }
        return events;
    }

    @Test
    void aScanThatStaysAboveTheThresholdRaisesOneAlertThenReArmsAfterItEnds() {
        List<FlowEvent> events = new ArrayList<>(scan("10.0.0.9", "10.0.0.20", 1, 20, 1, 1));   // t = 1..20
        events.addAll(scan("10.0.0.9", "10.0.0.20", 100, 5, 100, 1));                      // t = 100..104

        List<Alert> alerts = SemanticsRules.run(events);

        // t=5: the 5th distinct port; t=6..20 stay above (one alert); by t=100 the window [40,100] is empty,
        // so the episode ended; the second scan reaches 5 ports at t=104
        assertThat(alerts).extracting(Alert::ruleId).containsExactly("port_scan", "port_scan");
        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(5), at(104));
        assertThat(alerts).extracting(Alert::value).containsExactly(5L, 5L);
        Alert first = alerts.get(0);
        assertThat(first.kind()).isEqualTo(AlertKind.AGGREGATE);
        assertThat(first.windowStartNanos()).isEqualTo(at(1));
        assertThat(first.windowEndNanos()).isEqualTo(at(5));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("source.ip", "10.0.0.9");
        key.put("destination.ip", "10.0.0.20");
        assertThat(first.group()).isEqualTo(key);
        assertThat(first.measure()).isEqualTo("ports = count(distinct destination.port)");
        assertThat(first.evidence()).extracting(Evidence::record)
                .containsExactly(events.get(0).getLogRecord(), events.get(1).getLogRecord(),
                        events.get(2).getLogRecord(), events.get(3).getLogRecord(), events.get(4).getLogRecord());
        assertThat(alerts.get(1).windowStartNanos()).isEqualTo(at(100));
    }

    @Test
    void anEpisodeThatEndsBetweenTwoEventsIsNoticedWhenTheWindowShrinks() {
        // ports 1..5 at t=1..5: alert. At t=62 the window is [2,62]: port 1 left, 4 ports < 5, the episode
        // ended before t=62 even though no event came in between; port 6 makes 5 again: a second alert.
        List<FlowEvent> events = new ArrayList<>(scan("10.0.0.9", "10.0.0.20", 1, 5, 1, 1));
        events.add(flow(62, "10.0.0.9", "10.0.0.20", 6, "REJ"));

        assertThat(SemanticsRules.run(events)).extracting(Alert::tsNanos).containsExactly(at(5), at(62));
    }

    @Test
    void anEpisodeThatNeverDipsRaisesNothingMore() {
        // same as above but port 6 comes at t=30: ports 1..6 all in [−30,30], 6 >= 5 all along
        List<FlowEvent> events = new ArrayList<>(scan("10.0.0.9", "10.0.0.20", 1, 5, 1, 1));
        events.add(flow(30, "10.0.0.9", "10.0.0.20", 6, "REJ"));

        assertThat(SemanticsRules.run(events)).extracting(Alert::tsNanos).containsExactly(at(5));
    }

    @Test
    void eachGroupHasItsOwnWindow() {
        List<FlowEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // interleaved: two scanners, and one source spreading 5 ports over 5 hosts (never 5 per pair)
            events.add(flow(1 + i, "10.0.0.9", "10.0.0.20", 1 + i, "REJ"));
            events.add(flow(1 + i, "10.0.0.8", "10.0.0.21", 1 + i, "S0"));
            events.add(flow(1 + i, "10.0.0.7", "10.0.0." + (30 + i), 1 + i, "S0"));
        }
        List<Alert> alerts = SemanticsRules.run(events);

        assertThat(alerts).extracting(a -> a.group().get("source.ip")).containsExactly("10.0.0.9", "10.0.0.8");
    }

    @Test
    void theWindowIncludesBothEnds() {
        // 6000 + 6000 bytes to port 53 exactly 5 minutes apart: [t-5m, t] holds both
        List<Alert> inclusive = SemanticsRules.run(List.of(
                flowBytes(0, "10.0.0.5", "192.0.2.53", 53, 6000), flowBytes(300, "10.0.0.5", "192.0.2.53", 53, 6000)));
        List<Alert> justOutside = SemanticsRules.run(List.of(
                flowBytes(0, "10.0.0.6", "192.0.2.53", 53, 6000), flowBytes(300.001, "10.0.0.6", "192.0.2.53", 53, 6000)));

        assertThat(inclusive).extracting(Alert::ruleId, Alert::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dns_volume", 12000L));
        assertThat(justOutside).isEmpty();
    }

    @Test
    void evidenceIsCappedAndStaysInsideTheWindow() {
        Engine engine = SemanticsRules.engineWith(new EngineRule.Aggregate(SemanticsRules.PORT_SCAN,
                SemanticsRules.PORT_SCAN_WINDOW.withMaxEvidence(3)));
        List<FlowEvent> events = scan("10.0.0.9", "10.0.0.20", 1, 5, 1, 1);

        List<Alert> alerts = SemanticsRules.run(engine, events);

        // the 3 most recent of the 5, oldest first, ending with the event that raised it
        assertThat(alerts.get(0).evidence()).extracting(Evidence::record).containsExactly(
                events.get(2).getLogRecord(), events.get(3).getLogRecord(), events.get(4).getLogRecord());
    }
}
