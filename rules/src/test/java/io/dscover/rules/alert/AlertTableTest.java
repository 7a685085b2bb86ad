package io.dscover.rules.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTableTest {

    @Test
    void printsOneAlignedRowPerAlertUnderAHeader() {
        Alert perEvent = new Alert(AlertJsonTest.scanAlert().tsNanos(), 6,
                new RuleInfo("telnet_out", "Telnet to anywhere", Severity.HIGH, List.of()), AlertKind.MATCH, null, null,
                null, null, null, null, new FlowTuple("2001:db8::1", 40000L, "192.0.2.7", 23L, "tcp", null), List.of(),
                null);
        String table = AlertTable.render(List.of(AlertJsonTest.scanAlert(), perEvent));

        assertThat(table.lines().toList()).containsExactly(
                // each column as wide as its widest cell, then two spaces
                "TIME                      SEVERITY  RULE        ON                                           VALUE      TITLE",
                "2025-02-01T08:00:59.500Z  medium    port_scan   source.ip=10.0.0.9 destination.ip=10.0.0.20  ports=100  One source probes many ports",
                "2025-02-01T08:00:59.500Z  high      telnet_out  [2001:db8::1]:40000 -> 192.0.2.7:23/tcp                 Telnet to anywhere",
                "2 alerts");
    }

    @Test
    void controlCharactersCannotReachTheTerminalAndLongValuesAreCut() {
        Alert a = new Alert(0, 0, new RuleInfo("r", "title \u001b[31mred\u0007", null, null), AlertKind.AGGREGATE,
                null, java.util.Map.of("dns.question.name", "x".repeat(200)), null, 0.5, null, null, null, List.of(),
                null);
        String row = AlertTable.render(List.of(a)).lines().toList().get(1);

        assertThat(row).doesNotContain("\u001b").doesNotContain("\u0007").contains("title ?[31mred?");
        assertThat(row).contains("dns.question.name=" + "x".repeat(AlertTable.MAX_COLUMN - 19) + "…");
        assertThat(row).contains("value=0.5");
    }
}
