package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dscover demo}: the product end to end on its own sample data, with a report to open. */
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
        assertThat(r.out()).contains("1. Collected 6 inputs", "hq-lan.pcap", "ws-042-sysmon-security.xml",
                String.format(java.util.Locale.ROOT, "visible %d (%.1f%%)   detected %d (%.1f%%)", report.at("/summary/visible/entries").asInt(),
                        report.at("/summary/visible/percent").asDouble(), report.at("/summary/detected/entries").asInt(),
                        report.at("/summary/detected/percent").asDouble()),
                out.resolve("coverage.html") + "   <- open this in a browser");
        assertThat(report.at("/summary/detected/entries").asInt()).isPositive();
    }
}
