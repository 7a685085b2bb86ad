package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dscover attack list|show} as a user runs them. */
class AttackCommandTest {

    @TempDir
    Path tmp;

    Path v18Fixture() throws IOException {
        Path p = tmp.resolve("v18.json");
        try (InputStream in = getClass().getResourceAsStream("v18-model-bundle.json")) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void listsEachComponentsEntriesAsTheSeedCountsThem() {
        assertThat(CommandRun.of("attack", "list", "--component", "flow").lines()).hasSize(1 + 82);
        assertThat(CommandRun.of("attack", "list", "--component", "content").lines()).hasSize(1 + 96);
        assertThat(CommandRun.of("attack", "list", "--component", "Network Connection Creation").lines()).hasSize(1 + 58);
    }

    @Test
    void listsEveryTechniqueOnceWithItsComponents() {
        CommandRun r = CommandRun.of("attack", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).hasSize(1 + 131);
        assertThat(r.lines().get(0)).startsWith("ID").contains("CONNECTION", "CONTENT", "FLOW", "TACTICS", "TECHNIQUE");
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).matches(
                "T1071\\.004\\s+-\\s+x\\s+x\\s+command-and-control\\s+Application Layer Protocol: DNS"));
        assertThat(r.err()).contains("131 DS0029 techniques (60 techniques, 71 sub-techniques) in ATT&CK 10.1");
    }

    @Test
    void quietLeavesStderrEmptyWhereverItIsGiven() {
        assertThat(CommandRun.of("--quiet", "attack", "list").err()).isEmpty();
        assertThat(CommandRun.of("attack", "list", "-q").err()).isEmpty();
    }

    @Test
    void jsonListsTheSameEntries() throws IOException {
        CommandRun r = CommandRun.of("attack", "list", "--component", "flow", "--format", "json");
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list).hasSize(82);
        JsonNode dns = null;
        for (JsonNode n : list) {
            if (n.get("id").asText().equals("T1071.004")) {
                dns = n;
            }
        }
        assertThat(dns).isNotNull();
        assertThat(dns.get("full_name").asText()).isEqualTo("Application Layer Protocol: DNS");
        assertThat(dns.get("parent").asText()).isEqualTo("T1071");
        assertThat(dns.get("components").toString()).isEqualTo("[\"content\",\"flow\"]");
    }

    @Test
    void showsATechniqueWithItsComponentsAndTactics() {
        CommandRun r = CommandRun.of("attack", "show", "t1071.004");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("T1071.004  Application Layer Protocol: DNS", "Command and Control (TA0011)",
                "parent:          T1071 Application Layer Protocol", "Network Traffic Content (content, DC0085)",
                "Network Traffic Flow (flow, DC0078)", "detection strategies: none in this release");
        assertThat(r.out()).doesNotContain("Network Connection Creation");
    }

    @Test
    void showsAParentsSubTechniques() {
        assertThat(CommandRun.of("attack", "show", "T1071").out()).contains("sub-techniques:  4",
                "T1071.001  Web Protocols  [content, flow]");
    }

    @Test
    void showsStrategiesAndAnalyticsOfAV18Release() throws IOException {
        CommandRun r = CommandRun.of("attack", "show", "T1071.004", "--attack-bundle", v18Fixture().toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("detection strategies: 1", "DET0001  Strategy 1", "AN0001  Windows",
                "log source: [DS0029 connection] Network Connection Creation: WinEventLog:Sysmon / EventCode=3",
                "log source: Process Creation: WinEventLog:Sysmon / EventCode=1", "tunable: TimeWindow",
                "ATT&CK 18.1 (v18.json)");
    }

    @Test
    void showsTheV18StrategyOfMitresRelease() {
        Path bundle = Path.of("../shared/attack/enterprise-attack-v18.1.json.gz");
        assumeTrue(Files.exists(bundle), "needs " + bundle);
        CommandRun r = CommandRun.of("attack", "show", "T1071.004", "--attack-bundle", bundle.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("DET0400", "[DS0029 content] Network Traffic Content", "ATT&CK 18.1");
    }

    @Test
    void anUnknownIdIsAUsageErrorWithASuggestion() {
        CommandRun r = CommandRun.of("attack", "show", "T1071.04");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("dscover: no technique T1071.04 in the embedded DS0029 model (it holds the "
                + "131 techniques DS0029 detects; --attack-bundle FILE loads all of ATT&CK); did you mean 'T1071.004'?");
        assertThat(CommandRun.of("attack", "show", "T1059").err()).doesNotContain("did you mean");
    }

    @Test
    void aTechniqueCanBeNamed() {
        assertThat(CommandRun.of("attack", "show", "Application Layer Protocol: DNS").out()).startsWith("T1071.004");
    }

    @Test
    void aBadBundleIsOneLineAndExitTwo() throws IOException {
        Path notJson = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Path notBundle = Files.writeString(tmp.resolve("layer.json"), "{\"name\":\"layer\"}");
        for (Path p : new Path[] {tmp.resolve("missing.json"), notJson, notBundle, tmp}) {
            CommandRun r = CommandRun.of("attack", "list", "--attack-bundle", p.toString());
            assertThat(r.exitCode()).as(p.toString()).isEqualTo(2);
            assertThat(r.err().strip()).as(p.toString()).startsWith("dscover: --attack-bundle " + p).doesNotContain("\n")
                    .doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aMalformedObjectInABundleIsAWarningNotAFailure() throws IOException {
        String json = Files.readString(v18Fixture()).replaceFirst("\"modified\": \"2025-11-12T22:03:39.105Z\"",
                "\"modified\": \"soon\"");
        Path p = Files.writeString(tmp.resolve("one-bad.json"), json);
        CommandRun r = CommandRun.of("attack", "list", "--attack-bundle", p.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("dscover: warning: --attack-bundle " + p + ": 1 malformed object(s) skipped");
        assertThat(CommandRun.of("attack", "list", "-q", "--attack-bundle", p.toString()).err()).isEmpty();
    }

    @Test
    void anUnknownComponentIsAUsageError() {
        CommandRun r = CommandRun.of("attack", "list", "--component", "flw");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean 'flow'");
    }
}
