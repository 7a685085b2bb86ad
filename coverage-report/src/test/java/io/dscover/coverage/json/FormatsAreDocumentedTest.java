package io.dscover.coverage.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.run.RunRecordJson;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every field the JSON report and the run record can contain is documented in docs/coverage.md. */
class FormatsAreDocumentedTest {

    static final Path DOC = Path.of("docs/coverage.md");

    static Set<String> fieldNames(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                into.add(e.getKey());
                fieldNames(e.getValue(), into);
            }
        } else if (node.isArray()) {
            node.forEach(n -> fieldNames(n, into));
        }
        return into;
    }

    /** Keys that are values, not field names: event types, counts by reason, components. */
    static boolean isData(String key) {
        return key.contains(" ") || Set.of("flow", "connection", "dns", "http", "tls").contains(key);
    }

    /** Written as {@code `field`} or, for a list, {@code `field[]`}. */
    static boolean documented(String doc, String field) {
        return doc.contains("`" + field + "`") || doc.contains("`" + field + "[]`");
    }

    @Test
    void everyFieldOfTheJsonReportIsDocumented() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        RunRecord run = new RunRecord("collect", "dscover test", "2025-11-28T10:00:00Z", List.of(new RunRecord.Input("a.log",
                "aws-vpc", 3, Map.of("flow", 3L), Map.of(), Map.of(), 0, List.of(), Optional.empty(), Optional.empty())),
                List.of(new RunRecord.EventTypeFill("flow", "aws-vpc", 3, 3, List.of(new RunRecord.FieldFill("flow.state", 0, 0)))));
        String everything = CoverageJson.render(Scenario.telemetry("sources:\n  - collector: zeek\n    logs: [conn, dns]\n"
                + "  - collector: windows\n    events: [sysmon-3]\n")
                .catalog(Fixtures.v18Catalog(), Fixtures.legacyCatalog())
                .rules(Fixtures.DNS_TXT, Fixtures.SMB_ADMIN.replace("[T1021.002]", "[T1021.002, T1059]"))
                .testResults(Fixtures.passed("dns_txt", "fires on a long TXT query"))
                .run(run).report());
        Set<String> fields = fieldNames(new ObjectMapper().readTree(everything), new TreeSet<>());
        fields.removeIf(FormatsAreDocumentedTest::isData);
        assertThat(fields).contains("strategies", "modelDiff", "dataQuality", "fieldConcerns", "sourceGains", "log", "events");
        for (String f : fields) {
            assertThat(documented(doc, f)).as("docs/coverage.md documents the JSON field %s", f).isTrue();
        }
    }

    @Test
    void everyFieldOfTheRunRecordIsDocumented() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        RunRecord run = new RunRecord("collect", "dscover test", "2025-11-28T10:00:00Z", List.of(new RunRecord.Input("a.log",
                "aws-vpc", 3, Map.of("flow", 3L), Map.of("bad line", 1L), Map.of("NODATA", 1L), 1,
                List.of(new RunRecord.Gap("", "", "NODATA", "eni-1")), Optional.of("2025-01-01T00:00:00Z"),
                Optional.of("2025-01-01T00:00:01Z"))),
                List.of(new RunRecord.EventTypeFill("flow", "aws-vpc", 3, 3, List.of(new RunRecord.FieldFill("flow.state", 0, 0)))));
        StringWriter w = new StringWriter();
        RunRecordJson.write(run, w);
        Set<String> fields = fieldNames(new ObjectMapper().readTree(w.toString()), new TreeSet<>());
        fields.removeIf(k -> isData(k) || k.equals("bad line") || k.equals("NODATA"));
        for (String f : fields) {
            assertThat(documented(doc, f)).as("docs/coverage.md documents the run record field %s", f).isTrue();
        }
    }
}
