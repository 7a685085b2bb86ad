package io.dscover.rules.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.model.event.Timestamps;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    static final RuleInfo SCAN = new RuleInfo("port_scan", "One source probes many ports", Severity.MEDIUM,
            List.of("T1046", "T1595.001"));

    static Alert scanAlert() {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("source.ip", "10.0.0.9");
        group.put("destination.ip", "10.0.0.20");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("having", "ports >= 100");
        details.put("within_s", 60.0);
        return new Alert(Timestamps.parse("2025-02-01T08:00:59.5Z").epochNanos(), 3, SCAN, AlertKind.AGGREGATE,
                "Network Traffic Flow", group, "ports = count(distinct destination.port)", 100L,
                Timestamps.parse("2025-02-01T08:00:00.25Z").epochNanos(),
                Timestamps.parse("2025-02-01T08:00:59.5Z").epochNanos(),
                new FlowTuple("10.0.0.9", 51234L, "10.0.0.20", 8080L, "tcp", "1:abc="),
                List.of(new Evidence("conn.log", 17L, null), new Evidence("conn.log", 18L, 2048L)), details);
    }

    @Test
    void writesTheArchitectureFieldsInAFixedOrder() {
        assertThat(AlertJson.toJson(scanAlert())).isEqualTo("{\"ts\":\"2025-02-01T08:00:59.500Z\","
                + "\"rule\":\"port_scan\",\"title\":\"One source probes many ports\",\"severity\":\"medium\","
                + "\"techniques\":[\"T1046\",\"T1595.001\"],\"component\":\"Network Traffic Flow\",\"kind\":\"aggregate\","
                + "\"group\":{\"source.ip\":\"10.0.0.9\",\"destination.ip\":\"10.0.0.20\"},"
                + "\"measure\":\"ports = count(distinct destination.port)\",\"value\":100,"
                + "\"window\":{\"start\":\"2025-02-01T08:00:00.250Z\",\"end\":\"2025-02-01T08:00:59.500Z\"},"
                + "\"source.ip\":\"10.0.0.9\",\"source.port\":51234,\"destination.ip\":\"10.0.0.20\","
                + "\"destination.port\":8080,\"network.transport\":\"tcp\",\"network.community_id\":\"1:abc=\","
                + "\"evidence\":[{\"file\":\"conn.log\",\"record\":17},{\"file\":\"conn.log\",\"record\":18,\"offset\":2048}],"
                + "\"details\":{\"having\":\"ports >= 100\",\"within_s\":60}}");
    }

    @Test
    void leavesOutWhatAPerEventAlertDoesNotHave() throws Exception {
        Alert a = new Alert(0, 0, new RuleInfo("x", null, null, null), AlertKind.MATCH, null, null, null, null, null,
                null, new FlowTuple(null, null, null, null, null, null), List.of(), null);
        JsonNode n = new ObjectMapper().readTree(AlertJson.toJson(a));
        assertThat(n.fieldNames()).toIterable()
                .containsExactly("ts", "rule", "title", "severity", "techniques", "kind", "evidence");
        assertThat(n.get("ts").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(n.get("title").asText()).isEqualTo("x");
        assertThat(n.get("severity").asText()).isEqualTo("medium");
    }

    @Test
    void escapesWhateverTheInputPutInStrings() throws Exception {
        Map<String, Object> group = Map.of("dns.question.name", "evil\"\n\u0000.example");
        Alert a = new Alert(0, 0, SCAN, AlertKind.AGGREGATE, null, group, null, Double.NaN, null, null, null,
                List.of(), null);
        JsonNode n = new ObjectMapper().readTree(AlertJson.toJson(a));
        assertThat(n.get("group").get("dns.question.name").asText()).isEqualTo("evil\"\n\u0000.example");
        assertThat(n.get("value").asText()).isEqualTo("NaN");
    }

    @Test
    void jsonLinesAreOneAlertPerNewlineTerminatedLine() throws Exception {
        StringWriter out = new StringWriter();
        try (JsonLinesAlertWriter w = new JsonLinesAlertWriter(out)) {
            w.accept(scanAlert());
            w.accept(scanAlert());
            w.flush();
            assertThat(out.toString()).endsWith("}\n");
            assertThat(w.written()).isEqualTo(2);
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(AlertJson.toJson(scanAlert()));
        assertThat(out.toString()).endsWith("}\n").doesNotEndWith("\n\n");
    }
}
