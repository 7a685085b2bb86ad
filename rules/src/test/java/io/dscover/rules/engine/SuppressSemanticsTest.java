package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.at;
import static io.dscover.rules.engine.Events.connection;
import static io.dscover.rules.engine.Events.flow;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code suppress [by KEYS] for D}: after an alert, no further alert of the rule for the same key values for D. */
class SuppressSemanticsTest {

    private static RunSummary.RuleSummary rule(RunSummary s, String id) {
        return s.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static RunSummary run(Engine engine, List<? extends NetworkEvent> events, List<Alert> alerts) {
        try (EngineRun run = engine.start(alerts::add)) {
            events.forEach(run::accept);
            return run.finish();
        }
    }

    @Test
    void aPerEventRuleIsSilencedPerKeyForTheDuration() {
        Engine engine = SemanticsRules.engineWith(new EngineRule.Match(SemanticsRules.TELNET,
                new SuppressConfig(List.of("source.ip"), Duration.ofSeconds(10))));
        List<FlowEvent> events = List.of(flow(0, "10.0.0.1", "203.0.113.7", 23, "SF"),
                flow(1, "10.0.0.2", "203.0.113.7", 23, "SF"),
                flow(5, "10.0.0.1", "203.0.113.8", 23, "SF"),     // 5 s after 10.0.0.1's alert: held back
                flow(10, "10.0.0.1", "203.0.113.7", 23, "SF"),    // 10 s after: the period has passed
                flow(11, "10.0.0.1", "203.0.113.7", 23, "SF"));   // 1 s after the new alert: held back
        List<Alert> alerts = new ArrayList<>();
        RunSummary s = run(engine, events, alerts);

        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(0), at(1), at(10));
        assertThat(rule(s, "telnet_out").suppressed()).isEqualTo(2);
        assertThat(rule(s, "telnet_out").alerts()).isEqualTo(3);
    }

    @Test
    void withoutKeysAllAlertsOfTheRuleShareOnePeriod() {
        Engine engine = SemanticsRules.engineWith(new EngineRule.Match(SemanticsRules.TELNET,
                new SuppressConfig(List.of(), Duration.ofMinutes(1))));
        List<Alert> alerts = new ArrayList<>();
        run(engine, List.of(flow(0, "10.0.0.1", "203.0.113.7", 23, "SF"), flow(1, "10.0.0.2", "203.0.113.9", 23, "SF")),
                alerts);
        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(0));
    }

    @Test
    void anAggregateThatStaysTrueGetsAReminderOncePerPeriod() {
        Engine engine = SemanticsRules.engineWith(new EngineRule.Aggregate(SemanticsRules.PORT_SCAN,
                SemanticsRules.PORT_SCAN_WINDOW, new SuppressConfig(List.of("source.ip"), Duration.ofSeconds(10))));
        List<FlowEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(flow(1 + i, "10.0.0.9", "10.0.0.20", 1000 + i, "REJ"));   // 5 ports by t=5, growing
        }
        List<Alert> alerts = new ArrayList<>();
        run(engine, events, alerts);
        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(5), at(15), at(25));
        assertThat(alerts).extracting(Alert::value).containsExactly(5L, 15L, 25L);
    }

    @Test
    void anAggregateThatFlapsIsSilencedForThePeriod() {
        // as in AggregateSemanticsTest: the episode ends before t=62 and a new one starts at t=62, but within 2 min
        Engine engine = SemanticsRules.engineWith(new EngineRule.Aggregate(SemanticsRules.PORT_SCAN,
                SemanticsRules.PORT_SCAN_WINDOW, new SuppressConfig(List.of("source.ip"), Duration.ofMinutes(2))));
        List<FlowEvent> events = new ArrayList<>();
        for (int port = 1; port <= 5; port++) {
            events.add(flow(port, "10.0.0.9", "10.0.0.20", 1000 + port, "REJ"));
        }
        events.add(flow(62, "10.0.0.9", "10.0.0.20", 1006, "REJ"));
        List<Alert> alerts = new ArrayList<>();
        RunSummary s = run(engine, events, alerts);
        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(5));
        assertThat(rule(s, "port_scan").suppressed()).isEqualTo(1);
    }

    @Test
    void aSequenceIsSilencedToo() {
        Engine engine = SemanticsRules.engineWith(new EngineRule.Sequence(SemanticsRules.SMB_RPC,
                SemanticsRules.SMB_RPC_SEQUENCE, new SuppressConfig(List.of("source.ip"), Duration.ofHours(1))));
        List<Alert> alerts = new ArrayList<>();
        run(engine, List.of(connection(0, "10.0.0.5", "10.0.0.20", 445), connection(10, "10.0.0.5", "10.0.0.20", 135),
                connection(20, "10.0.0.5", "10.0.0.21", 445), connection(30, "10.0.0.5", "10.0.0.21", 135)), alerts);
        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(10));
    }
}
