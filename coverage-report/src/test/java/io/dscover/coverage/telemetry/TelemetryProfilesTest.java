package io.dscover.coverage.telemetry;

import static io.dscover.model.event.DataComponent.CONNECTION_CREATION;
import static io.dscover.model.event.DataComponent.TRAFFIC_CONTENT;
import static io.dscover.model.event.DataComponent.TRAFFIC_FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.run.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryProfilesTest {

    static TelemetryProfile parse(String yaml) throws TelemetryProfileException {
        return TelemetryProfiles.parse(yaml, "telemetry.yaml", Fixtures.capabilities());
    }

    @Test
    void theArchitectureExampleResolvesToEventTypesAndComponents() throws Exception {
        TelemetryProfile p = parse("""
                sources:
                  - collector: zeek
                    logs: [conn, dns, http, ssl, ssh]
                  - collector: aws-vpc
                  - collector: windows
                    events: [sysmon-3]
                """);
        assertThat(p.origin()).isEqualTo(TelemetryProfile.Origin.FILE);
        assertThat(p.sources()).extracting(TelemetrySource::label)
                .containsExactly("zeek (logs: conn, dns, http, ssl, ssh)", "aws-vpc", "windows (events: sysmon-3)");
        TelemetrySource zeek = p.source("zeek").orElseThrow();
        assertThat(zeek.supplied().keySet()).containsExactly("connection", "flow", "dns", "http", "tls", "ssh");
        assertThat(p.components()).containsExactlyInAnyOrder(CONNECTION_CREATION, TRAFFIC_FLOW);
    }

    @Test
    void aZeekConnLogSuppliesConnectionCreationAndFlowButNoContent() throws Exception {
        TelemetrySource zeek = parse("sources:\n  - collector: zeek\n    logs: [conn]\n").source("zeek").orElseThrow();
        assertThat(zeek.supplied()).isEqualTo(Map.of("connection", java.util.Set.of(CONNECTION_CREATION),
                "flow", java.util.Set.of(TRAFFIC_FLOW)));
        assertThat(zeek.components()).doesNotContain(TRAFFIC_CONTENT);
    }

    @Test
    void zeekProtocolLogsAreFlowEvidenceWhileAPcapsAreContentToo() throws Exception {
        TelemetryProfile p = parse("sources:\n  - collector: zeek\n    logs: [dns]\n  - collector: pcap\n");
        assertThat(p.source("zeek").orElseThrow().components("dns")).containsExactly(TRAFFIC_FLOW);
        assertThat(p.source("pcap").orElseThrow().components("dns")).containsExactlyInAnyOrder(TRAFFIC_CONTENT, TRAFFIC_FLOW);
    }

    @Test
    void aZeekLogDscoverHasNoEventTypeForBecomesLogEvents() throws Exception {
        TelemetrySource zeek = parse("sources:\n  - collector: zeek\n    logs: [files, x509]\n").source("zeek").orElseThrow();
        assertThat(zeek.supplied().keySet()).containsExactly("log");
    }

    @Test
    void aMistypedZeekLogIsReadAsAnyOtherLogAndNoted() throws Exception {
        TelemetryProfile p = parse("sources:\n  - collector: zeek\n    logs: [conn, dsn]\n");
        assertThat(p.source("zeek").orElseThrow().supplied().keySet()).containsExactly("connection", "flow", "log");
        assertThat(p.notes()).containsExactly("telemetry.yaml: sources[1].logs[2]: zeek logs 'dsn' has no event type of its "
                + "own; it counts as log events; did you mean 'dns'?");
    }

    @Test
    void twoEntriesForOneCollectorAreMergedAndTheWholeInputWins() throws Exception {
        TelemetryProfile p = parse("sources:\n  - collector: zeek\n    logs: [conn]\n  - collector: zeek\n    logs: [dns]\n");
        assertThat(p.sources()).hasSize(1);
        assertThat(p.source("zeek").orElseThrow().parts()).containsExactly("conn", "dns");
        TelemetryProfile whole = parse("sources:\n  - collector: zeek\n    logs: [conn]\n  - collector: zeek\n");
        assertThat(whole.source("zeek").orElseThrow().parts()).isEmpty();
    }

    @Test
    void everythingIsEveryTelemetryCollectorWithAllItDeclaresButNotJsonLines() {
        TelemetryProfile p = TelemetryProfiles.everything(Fixtures.capabilities());
        assertThat(p.origin()).isEqualTo(TelemetryProfile.Origin.DEFAULT);
        assertThat(p.sources()).extracting(TelemetrySource::collector)
                .containsExactly("pcap", "zeek", "windows", "aws-vpc", "gcp-vpc", "azure");
        assertThat(p.components()).containsExactlyInAnyOrder(CONNECTION_CREATION, TRAFFIC_CONTENT, TRAFFIC_FLOW);
    }

    @Test
    void aRunSuppliesWhatItsCollectorsActuallyProduced() {
        RunRecord run = new RunRecord("collect", "dscover test", "2025-01-01T00:00:00Z", List.of(
                input("a.pcap", "pcap", Map.of("dns", 10L, "flow", 4L, "http", 0L)),
                input("b.log.gz", "aws-vpc", Map.of("flow", 7L)),
                input("notes.txt", "", Map.of())), List.of());
        TelemetryProfile p = TelemetryProfiles.fromRun(run, "run.json", Fixtures.capabilities());
        assertThat(p.origin()).isEqualTo(TelemetryProfile.Origin.RUN);
        assertThat(p.sources()).extracting(TelemetrySource::collector).containsExactly("pcap", "aws-vpc");
        assertThat(p.source("pcap").orElseThrow().supplied().keySet()).containsExactly("flow", "dns");
        assertThat(p.components()).doesNotContain(CONNECTION_CREATION);
    }

    static RunRecord.Input input(String name, String collector, Map<String, Long> events) {
        return new RunRecord.Input(name, collector, 1, events, Map.of(), Map.of(), 0, List.of(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void mistakesAreNamedWithWhereTheyAreAndWhatWouldBeRight() {
        assertThatThrownBy(() -> parse("sources:\n  - collector: zek\n"))
                .hasMessage("telemetry.yaml: sources[1].collector: unknown collector 'zek'; did you mean 'zeek'? (known: "
                        + "pcap, zeek, windows, aws-vpc, gcp-vpc, azure, jsonl)");
        assertThatThrownBy(() -> parse("sources:\n  - collector: windows\n    events: [sysmon-1]\n"))
                .hasMessageStartingWith("telemetry.yaml: sources[1].events[1]: windows has no events 'sysmon-1'");
        assertThatThrownBy(() -> parse("sources:\n  - collector: aws-vpc\n    logs: [flow]\n"))
                .hasMessage("telemetry.yaml: sources[1].logs: collector aws-vpc reads its whole input; remove 'logs'");
        assertThatThrownBy(() -> parse("sources:\n  - collector: windows\n    logs: [sysmon-3]\n"))
                .hasMessage("telemetry.yaml: sources[1].logs: collector windows chooses 'events', not 'logs'");
        assertThatThrownBy(() -> parse("sources:\n  - colector: pcap\n"))
                .hasMessageStartingWith("telemetry.yaml: sources[1].colector: unknown key; did you mean 'collector'?");
        assertThatThrownBy(() -> parse("source:\n  - collector: pcap\n"))
                .hasMessageStartingWith("telemetry.yaml: source: unknown key; did you mean 'sources'?");
        assertThatThrownBy(() -> parse("sources: []\n")).hasMessageContaining("'sources' must be a list of at least one");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("sources:\n  - collector: zeek\n    logs: []\n"))
                .hasMessageContaining("logs must be a list such as [conn, dns, http]");
        assertThatThrownBy(() -> parse("sources:\n  - collector: [pcap\n"))
                .hasMessageStartingWith("telemetry.yaml: line ").hasMessageContaining("not valid YAML");
    }

    @Test
    void aFileIsReadWithItsNameInMessagesAndAHugeOneIsRefused(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("t.yaml");
        Files.writeString(ok, "name: branch office\nsources:\n  - collector: pcap\n");
        assertThat(TelemetryProfiles.read(ok, Fixtures.capabilities()).description()).isEqualTo("branch office");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> TelemetryProfiles.read(missing, Fixtures.capabilities()))
                .hasMessage(missing + ": no such file");
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat(TelemetryProfiles.MAX_PROFILE_BYTES) + "\n");
        assertThatThrownBy(() -> TelemetryProfiles.read(huge, Fixtures.capabilities())).hasMessageContaining("larger than");
    }

    @Test
    void yamlAliasBombsAreRefusedByTheParsersLimits() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 60; i++) {
            y.append((char) ('a' + i % 26)).append(i).append(": &").append((char) ('a' + i % 26)).append(i).append(" [");
            String prev = i == 1 ? "a" : String.valueOf((char) ('a' + (i - 1) % 26)) + (i - 1);
            y.append(("*" + prev + ", ").repeat(9)).append("*").append(prev).append("]\n");
        }
        y.append("sources:\n  - collector: pcap\n");
        assertThatThrownBy(() -> parse(y.toString())).isInstanceOf(TelemetryProfileException.class);
    }
}
