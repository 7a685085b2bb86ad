package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.event.DataComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dscover coverage} from the command line: outputs, profiles, test results, run records and CI gates. */
class CoverageCommandTest {

    static final String FIXTURES = "cli/src/test/resources/coverage/";
    static final String RULES = FIXTURES + "rules";
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(CommandRun r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    static JsonNode entry(JsonNode report, String id) {
        for (JsonNode e : report.get("entries")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id + " missing");
    }

    @Test
    void withoutFormatItPrintsASummary() {
        CommandRun r = CommandRun.of("coverage", "--rules", RULES);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("DS0029 coverage, ATT&CK 10.1 (embedded DS0029 model)",
                "telemetry: everything dscover can collect (pcap, windows, zeek, aws-vpc, gcp-vpc, azure)")
                .containsPattern("detected or better\\s+3\\s+2\\.3%")
                .containsPattern("visible or better\\s+131\\s+100\\.0%");
    }

    @Test
    void oneFormatWithoutAFolderGoesToStdout() throws Exception {
        JsonNode report = json(CommandRun.of("coverage", "--rules", RULES, "--format", "json"));
        assertThat(report.get("format").asText()).isEqualTo("dscover-coverage");
        assertThat(report.get("entries")).hasSize(131);
        assertThat(report.at("/summary/detected/entries").asInt()).isEqualTo(3);
        assertThat(report.get("rulesSource").asText()).isEqualTo("2 files from " + RULES);
        CommandRun md = CommandRun.of("coverage", "--rules", RULES, "--format", "md");
        assertThat(md.out()).startsWith("# DS0029 coverage: 3 of 131 entries detected (2.3%)");
    }

    @Test
    void testResultsValidateTheEntriesOfRulesWhoseTestsAllPassed(@TempDir Path dir) throws Exception {
        CommandRun r = CommandRun.of("coverage", "--rules", RULES, "--test-results", FIXTURES + "rule-tests.xml", "-o",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("coverage.html")).exists();
        assertThat(dir.resolve("navigator-layer.json")).exists();
        assertThat(dir.resolve("coverage.md")).exists();
        assertThat(dir.resolve("rule-tests.xml")).content(StandardCharsets.UTF_8)
                .contains("<failure message=\"expected 1 alert, got 0\"/>");
        JsonNode report = JSON.readTree(dir.resolve("coverage.json").toFile());
        assertThat(entry(report, "T1071.004").get("level").asInt()).isEqualTo(3);
        assertThat(entry(report, "T1572").get("levelName").asText()).isEqualTo("validated");
        assertThat(entry(report, "T1021.002").get("level").asInt()).isEqualTo(2); // its test failed
        assertThat(r.out()).contains("wrote " + dir.resolve("coverage.html"));
    }

    @Test
    void aTelemetryProfileDecidesWhatIsVisibleAndWhichRulesCanRun() throws Exception {
        JsonNode report = json(CommandRun.of("coverage", "--rules", RULES, "--telemetry", FIXTURES + "telemetry.yaml",
                "--format", "json"));
        AttackCatalog c = AttackCatalog.embeddedDs0029();
        long contentOnly = c.ds0029Techniques().stream()
                .filter(t -> c.detectingComponents(t.id()).equals(Set.of(DataComponent.TRAFFIC_CONTENT))).count();
        assertThat(report.at("/summary/visible/entries").asInt()).isEqualTo(131 - (int) contentOnly);
        assertThat(report.at("/summary/detected/entries").asInt()).isEqualTo(1);
        assertThat(report.at("/gaps/rulesThatCannotRun/0/rule").asText()).isEqualTo("dns_txt");
        assertThat(report.at("/gaps/rulesThatCannotRun/0/reason").asText())
                .isEqualTo("needs dns events, which no source in the profile supplies (pcap, zeek logs: dns would)");
        assertThat(report.at("/telemetry/sources/0/events/0").asText()).isEqualTo("sysmon-3");
    }

    @Test
    void failUnderExitsOneBelowTheThresholdAndStatesTheNumbers() {
        CommandRun below = CommandRun.of("coverage", "--rules", RULES, "--format", "json", "--fail-under", "50");
        assertThat(below.exitCode()).isEqualTo(1);
        assertThat(below.err()).contains("dscover: coverage 2.3% (3 of 131 DS0029 entries detected or better) is under "
                + "--fail-under 50%");
        CommandRun met = CommandRun.of("coverage", "--rules", RULES, "--format", "json", "--fail-under", "2");
        assertThat(met.exitCode()).isZero();
        CommandRun validated = CommandRun.of("coverage", "--rules", RULES, "--format", "json", "--fail-under", "1",
                "--fail-level", "validated");
        assertThat(validated.exitCode()).isEqualTo(1);
        assertThat(validated.err()).contains("(0 of 131 DS0029 entries validated or better)");
    }

    @Test
    void aBaselineFailsWhenAnEntryDropsAndListsWhatWasGainedAndLost(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("main.json");
        Files.writeString(base, CommandRun.of("coverage", "--rules", RULES + "/dns.det", "--format", "json").out());
        CommandRun same = CommandRun.of("coverage", "--rules", RULES + "/dns.det", "--baseline", base.toString(), "--format", "json");
        assertThat(same.exitCode()).as(same.err()).isZero();

        CommandRun swapped = CommandRun.of("coverage", "--rules", RULES + "/smb.det", "--baseline", base.toString(), "--format", "md");
        assertThat(swapped.exitCode()).isEqualTo(1);
        assertThat(swapped.err()).contains("dscover: baseline " + base + ": 1 gained, 2 lost, 128 unchanged",
                "  lost:   T1071.004 Application Layer Protocol: DNS: detected → visible",
                "  lost:   T1572 Protocol Tunneling: detected → visible",
                "  gained: T1021.002 Remote Services: SMB/Windows Admin Shares: visible → detected",
                "dscover: coverage dropped below the baseline for 2 entries");
        assertThat(swapped.out()).contains("## Compared with the baseline", "**Lost (2)**");
    }

    @Test
    void aRunRecordFromCollectGivesTheProfileAndMeasuredDataQuality(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run.json");
        CommandRun collect = CommandRun.of("collect", "cli/src/main/resources/io/dscover/cli/demo/data/ws-042-sysmon-security.xml",
                "-o", dir.resolve("events.jsonl").toString(), "--run-json", run.toString());
        assertThat(collect.exitCode()).as(collect.err()).isZero();
        JsonNode report = json(CommandRun.of("coverage", "--rules", RULES, "--from-run", run.toString(), "--format", "json"));
        assertThat(report.at("/telemetry/origin").asText()).isEqualTo("run");
        assertThat(report.at("/telemetry/sources")).hasSize(1);
        assertThat(report.at("/telemetry/sources/0/collector").asText()).isEqualTo("windows");
        assertThat(report.at("/dataQuality/records").asInt()).isEqualTo(11);
        assertThat(report.at("/dataQuality/events").asInt()).isEqualTo(11);
        assertThat(report.at("/summary/detected/entries").asInt()).isEqualTo(1); // smb_admin on Sysmon connections
    }

    @Test
    void unusableFilesAreOneLineErrorsWithExitTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "sources:\n  - collector: zeeek\n");
        CommandRun profile = CommandRun.of("coverage", "--rules", RULES, "--telemetry", bad.toString());
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.err()).contains("dscover: --telemetry " + bad + ": sources[1].collector: unknown collector 'zeeek'")
                .doesNotContain("Exception", "\tat ");
        CommandRun results = CommandRun.of("coverage", "--rules", RULES, "--test-results", dir.resolve("none.xml").toString());
        assertThat(results.exitCode()).isEqualTo(2);
        assertThat(results.err()).contains("--test-results " + dir.resolve("none.xml") + ": no such file");
        CommandRun baseline = CommandRun.of("coverage", "--rules", RULES, "--baseline", FIXTURES + "telemetry.yaml");
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).contains("--baseline " + FIXTURES + "telemetry.yaml: not JSON");
        assertThat(CommandRun.of("coverage", "--fail-level", "bogus").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("coverage", "--fail-under", "120").exitCode()).isEqualTo(2);
        CommandRun two = CommandRun.of("coverage", "--rules", RULES, "--format", "json,md");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("several formats need -o DIR");
        Path broken = dir.resolve("broken.det");
        Files.writeString(broken, "rule x { match dns where }\n");
        CommandRun rules = CommandRun.of("coverage", "--rules", broken.toString());
        assertThat(rules.exitCode()).isEqualTo(2);
        assertThat(rules.err()).contains("broken.det:1:", "coverage needs rules that compile");
    }

    @Test
    void aV18ReleaseReportsTheAnalyticViewAndTheDifferenceFromTheLegacyView() throws Exception {
        Path v18 = Path.of("../shared/attack/enterprise-attack-v18.1.json.gz");
        assumeTrue(Files.exists(v18), "needs " + v18);
        JsonNode report = json(CommandRun.of("coverage", "--rules", RULES, "--attack-bundle", v18.toString(), "--format", "json"));
        assertThat(report.at("/attack/detectionModel").asText()).isEqualTo("detection-strategies");
        assertThat(report.get("entries")).hasSize(221);
        assertThat(report.at("/modelDiff/legacySummary/entries").asInt()).isEqualTo(131);
        assertThat(report.at("/modelDiff/gained").size()).isPositive();
        assertThat(report.at("/modelDiff/lost").size()).isPositive();
        assertThat(entry(report, "T1071.004").get("strategies")).isNotEmpty();
    }
}
