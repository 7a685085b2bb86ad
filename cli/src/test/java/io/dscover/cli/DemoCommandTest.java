package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code dscover demo}: the product end to end on its own sample data (detect, rule tests, coverage), with a report to open. */
class DemoCommandTest {

    @Test
    void collectsTheBuiltInInputsAndWritesACoverageReportOfThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("dscover-report");
        CommandRun r = CommandRun.of("demo", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : new String[] {"coverage.html", "navigator-layer.json", "coverage.md", "coverage.json"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("coverage.json").toFile());
        // the telemetry is what the demo inputs supplied, and the run record measured it
        assertThat(report.at("/telemetry/origin").asText()).isEqualTo("run");
        assertThat(report.at("/telemetry/sources").findValuesAsText("collector")).contains("pcap", "aws-vpc", "windows");
        assertThat(report.at("/dataQuality/inputs").asInt()).isEqualTo(6);
        assertThat(report.at("/dataQuality/perInput").findValuesAsText("input")).contains("hq-lan.pcap",
                "ws-042-sysmon-security.xml", "branch-zeek/conn.log");
        // what it prints is what it wrote
        assertThat(r.out()).contains("1. Read 6 inputs", "hq-lan.pcap", "ws-042-sysmon-security.xml",
                String.format(java.util.Locale.ROOT, "visible %d (%.1f%%)   detected %d (%.1f%%)", report.at("/summary/visible/entries").asInt(),
                        report.at("/summary/visible/percent").asDouble(), report.at("/summary/detected/entries").asInt(),
                        report.at("/summary/detected/percent").asDouble()),
                out.resolve("coverage.html") + "   <- open this in a browser");
        assertThat(report.at("/summary/detected/entries").asInt()).isPositive();
    }

    @Test
    void detectsThePlantedAttacksRunsTheRuleTestsAndReportsValidatedCoverage(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("dscover-report");
        CommandRun r = CommandRun.of("demo", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();

        // alerts.jsonl: the planted DNS TXT tunnel in the capture and the SYN scan of the file server
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            alerts.add(json.readTree(line));
        }
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("techniques").toString()).contains("T1071.004");
            assertThat(a.get("source.ip").asText()).isEqualTo("10.20.1.42");
            assertThat(a.at("/evidence/0/file").asText()).isEqualTo(out.resolve("demo-data/hq-lan.pcap").toString());
        });
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("techniques").toString()).contains("T1046");
            assertThat(a.toString()).contains("10.20.1.99", "10.20.1.30");
        });
        // the evidence points at the demo inputs left next to the report
        assertThat(out.resolve(alerts.get(0).at("/evidence/0/file").asText().substring(out.toString().length() + 1)))
                .isRegularFile();

        // what it prints: alerts per rule as counted in alerts.jsonl
        Map<String, Long> byRule = new TreeMap<>();
        alerts.forEach(a -> byRule.merge(a.get("rule").asText(), 1L, Long::sum));
        assertThat(r.out()).contains(String.format(Locale.ROOT, "2. Detected: %,d alerts from ", alerts.size()));
        byRule.forEach((rule, n) -> assertThat(r.out()).containsPattern("\\n   " + rule + " +" + n + " +T"));

        // rule-tests.xml: the built-in rules' tests, all run, and the count printed
        Document tests = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("rule-tests.xml").toFile());
        int testCount = tests.getElementsByTagName("testcase").getLength();
        int failures = Integer.parseInt(tests.getDocumentElement().getAttribute("failures"));
        assertThat(testCount).isGreaterThan(5);
        assertThat(r.out()).contains(String.format(Locale.ROOT, "3. Rule tests: %d of %d passed (%d failed",
                testCount - failures - Integer.parseInt(tests.getDocumentElement().getAttribute("skipped")), testCount, failures));

        // coverage with the test results: entries whose rules pass their tests are validated
        JsonNode report = json.readTree(out.resolve("coverage.json").toFile());
        int validated = report.at("/summary/validated/entries").asInt();
        assertThat(validated).isPositive();
        assertThat(r.out()).contains(String.format(Locale.ROOT, "validated %d (%.1f%%)", validated,
                report.at("/summary/validated/percent").asDouble()));
        assertThat(r.out()).contains(out.resolve("coverage.html") + "   <- open this in a browser",
                out.resolve("alerts.jsonl").toString(), out.resolve("rule-tests.xml").toString());

        // a second run into the same folder refreshes everything
        CommandRun again = CommandRun.of("demo", "-o", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("alerts.jsonl"))).hasSize(alerts.size());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        CommandRun r = CommandRun.of("demo", "-o", file.resolve("report").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).contains("cannot write the demo's inputs and alerts into " + file.resolve("report"))
                .doesNotContain("\tat ");
    }
}
