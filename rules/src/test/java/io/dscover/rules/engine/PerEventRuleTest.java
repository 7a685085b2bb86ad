package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.at;
import static io.dscover.rules.engine.Events.dns;
import static io.dscover.rules.engine.Events.flow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.Evidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerEventRuleTest {

    private static final String LONG_NAME = "aGVsbG8gd29ybGQgdGhpcyBpcyBhIHZlcnkgbG9uZyBsYWJlbA.t.example.com";

    @Test
    void raisesOneAlertPerMatchingEventAndNoneForOthers() {
        FlowEvent telnet1 = flow(1, "10.0.0.5", "203.0.113.7", 23, "SF");
        FlowEvent ssh = flow(2, "10.0.0.5", "203.0.113.7", 22, "SF");
        FlowEvent telnet2 = flow(3, "10.0.0.6", "203.0.113.8", 23, "S0");
        FlowEvent telnetUdp = flow(4, "10.0.0.6", "203.0.113.8", 23, "SF");
        telnetUdp.setNetworkTransport("udp");

        List<Alert> alerts = SemanticsRules.run(List.of(telnet1, ssh, telnet2, telnetUdp));

        assertThat(alerts).extracting(Alert::ruleId).containsExactly("telnet_out", "telnet_out");
        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(1), at(3));
        Alert first = alerts.get(0);
        assertThat(first.kind()).isEqualTo(AlertKind.MATCH);
        assertThat(first.rule().title()).isEqualTo("Telnet to anywhere");
        assertThat(first.component()).isEqualTo("Network Traffic Flow");
        assertThat(first.tuple().sourceIp()).isEqualTo("10.0.0.5");
        assertThat(first.tuple().destinationPort()).isEqualTo(23L);
        assertThat(first.evidence()).containsExactly(new Evidence("test.events.jsonl", telnet1.getLogRecord(), null));
        assertThat(first.group()).isEmpty();
        assertThat(first.windowStartNanos()).isNull();
    }

    @Test
    void matchesEveryEventTypeItsRulesName() {
        List<Alert> alerts = SemanticsRules.run(List.of(
                dns(1, "10.0.0.5", LONG_NAME, "TXT"),
                dns(2, "10.0.0.5", "example.com", "TXT"),
                dns(3, "10.0.0.5", LONG_NAME, "A")));

        assertThat(alerts).extracting(Alert::ruleId).containsExactly("dns_long_txt");
        assertThat(alerts.get(0).component()).isEqualTo("Network Traffic Content");
    }

    @Test
    void anEventMatchingSeveralRulesAlertsInRuleOrder() {
        // a REJ flow to port 23 is telnet_out (rule 0) and feeds port_scan (rule 2); five distinct ports make the scan
        List<NetworkEvent> events = new ArrayList<>();
        for (int port = 19; port <= 23; port++) {
            events.add(flow(port - 18, "10.0.0.9", "10.0.0.20", port, "REJ"));
        }
        List<Alert> alerts = SemanticsRules.run(events);

        assertThat(alerts).extracting(Alert::ruleId).containsExactly("telnet_out", "port_scan");
        assertThat(alerts).extracting(Alert::tsNanos).containsOnly(at(5));
    }

    @Test
    void aRuleThatThrowsCostsOnlyItsOwnMatch() {
        FlowEvent broken = flow(1, "10.0.0.5", "203.0.113.7", 6666, "SF");
        broken.setSourcePort((Long) null);
        FlowEvent telnet = flow(2, "10.0.0.5", "203.0.113.7", 23, "SF");
        List<Alert> alerts = new ArrayList<>();
        RunSummary summary;
        try (EngineRun run = SemanticsRules.engine().start(alerts::add)) {
            run.accept(broken);
            run.accept(telnet);
            summary = run.finish();
        }
        assertThat(alerts).extracting(Alert::ruleId).containsExactly("telnet_out");
        assertThat(summary.ruleErrors()).isEqualTo(1);
        assertThat(summary.errorExamples().get(0))
                .contains("rule 'fragile'", "NullPointerException", "flow at 2024-05-01T10:00:01", "test.events.jsonl");
        assertThat(summary.events()).isEqualTo(2);
    }

    @Test
    void drlNamingARuleTheEngineWasNotGivenIsAWiringError() {
        // the fragile rule calls dscover.alert("fragile40000", ...) when the source port is set
        FlowEvent e = flow(1, "10.0.0.5", "203.0.113.7", 6666, "SF");
        assertThatThrownBy(() -> SemanticsRules.run(List.of(e)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rule 'fragile40000', which the engine was not given");
    }

    @Test
    void drlCallingTheWrongKindOfActionIsAWiringError() {
        Engine wrong = SemanticsRules.engineWith(new EngineRule.Match(SemanticsRules.PORT_SCAN));
        FlowEvent e = flow(1, "10.0.0.5", "203.0.113.7", 80, "REJ");
        assertThatThrownBy(() -> SemanticsRules.run(wrong, List.of(e)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DRL calls dscover.aggregate for rule 'port_scan', which the engine was given as a match rule");
    }
}
