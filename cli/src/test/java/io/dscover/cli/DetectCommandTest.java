package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.run.RunRecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dscover detect}: the built-in rules over planted attacks, output formats, run records, bad rules. */
class DetectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static PlantedAttacks.Written planted;

    @BeforeAll
    static void plant() throws Exception {
        planted = PlantedAttacks.write(dir.resolve("morning.events.jsonl"));
    }

    private static List<JsonNode> alerts(String jsonl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static List<Long> records(JsonNode alert) {
        List<Long> r = new ArrayList<>();
        alert.get("evidence").forEach(e -> r.add(e.get("record").asLong()));
        return r;
    }

    @Test
    void the_built_in_rules_find_exactly_the_planted_scan_beacon_and_dns_tunnel() throws Exception {
        CommandRun r = CommandRun.of("detect", planted.file().toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> alerts = alerts(r.out());
        assertThat(alerts).extracting(a -> a.get("rule").asText())
                .containsExactly("port_scan", "beaconing", "dns_txt_tunnel");

        JsonNode scan = alerts.get(0);
        assertThat(scan.get("kind").asText()).isEqualTo("aggregate");
        assertThat(scan.get("group").get("source.ip").asText()).isEqualTo(PlantedAttacks.SCANNER);
        assertThat(scan.get("group").get("destination.ip").asText()).isEqualTo(PlantedAttacks.SCANNED);
        assertThat(scan.get("value").asLong()).isEqualTo(100);
        assertThat(scan.get("techniques").toString()).isEqualTo("[\"T1046\",\"T1595.001\"]");
        assertThat(scan.get("component").asText()).isEqualTo("Network Traffic Flow");
        assertThat(scan.get("window").get("start").asText()).isEqualTo("2025-03-03T10:00:10.000Z");
        assertThat(scan.get("ts").asText()).isEqualTo("2025-03-03T10:00:19.900Z"); // the 100th port
        assertThat(records(scan)).hasSize(10).last().isEqualTo((long) planted.scanLines().get(99));

        JsonNode tunnel = alerts.get(2);
        assertThat(tunnel.get("kind").asText()).isEqualTo("match");
        assertThat(tunnel.get("source.ip").asText()).isEqualTo(PlantedAttacks.TUNNEL_HOST);
        assertThat(tunnel.get("severity").asText()).isEqualTo("high");
        assertThat(tunnel.get("network.community_id").asText()).startsWith("1:");
        assertThat(tunnel.get("evidence").get(0).get("file").asText()).isEqualTo(planted.file().toString());
        assertThat(records(tunnel)).containsExactly((long) planted.tunnelLine());

        JsonNode beacon = alerts.get(1);
        assertThat(beacon.get("kind").asText()).isEqualTo("beacon");
        assertThat(beacon.get("group").get("source.ip").asText()).isEqualTo(PlantedAttacks.BEACON_HOST);
        assertThat(beacon.get("group").get("destination.ip").asText()).isEqualTo(PlantedAttacks.C2);
        assertThat(beacon.get("value").asDouble()).isBetween(0.8, 1.0);
        assertThat(beacon.get("details").get("median_interval_s").asDouble()).isBetween(295.0, 305.0);
        assertThat(records(beacon)).hasSize(10).allMatch(n -> planted.beaconLines().contains(n.intValue()));

        // the ledger: the input, and the alerts per rule
        assertThat(r.err()).contains(String.format("morning.events.jsonl [jsonl]: %,d records, %,d events",
                planted.lines(), planted.lines()));
        assertThat(r.err()).containsPattern("port_scan +1 alert \\(aggregate; 210 matched\\)");
        assertThat(r.err()).containsPattern("dns_txt_tunnel +1 alert \\(match; 1 matched\\)");
        assertThat(r.err()).containsPattern("smb_then_svcctl +0 alerts");
        // rules that matched nothing are counted, not listed
        assertThat(r.err()).doesNotContainPattern("zerologon_attempt +0 alerts")
                .containsPattern("\\d+ other rules matched no event");
        assertThat(r.err()).contains("total: 3 alerts from " + planted.lines() + " events");
    }

    @Test
    void two_runs_give_the_same_bytes() {
        CommandRun a = CommandRun.of("detect", planted.file().toString());
        CommandRun b = CommandRun.of("detect", planted.file().toString());
        assertThat(a.out()).isNotEmpty().isEqualTo(b.out());
    }

    @Test
    void the_table_is_for_people_and_o_writes_a_file(@TempDir Path out) throws Exception {
        Path file = out.resolve("alerts.txt");
        CommandRun r = CommandRun.of("detect", "--format", "table", "-o", file.toString(), planted.file().toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("TIME").contains("SEVERITY", "RULE", "ON", "VALUE", "TITLE");
        assertThat(lines.get(1)).contains("port_scan", "source.ip=" + PlantedAttacks.SCANNER, "ports=100");
        assertThat(lines.get(2)).contains("beaconing", "score=");
        assertThat(lines.get(3)).contains("dns_txt_tunnel", PlantedAttacks.TUNNEL_HOST + ":53111 -> 10.1.0.2:53/udp");
        assertThat(lines.get(4)).isEqualTo("3 alerts");
    }

    @Test
    void the_run_record_is_a_collect_record_with_the_alerts_and_coverage_reads_it(@TempDir Path out) throws Exception {
        Path run = out.resolve("run.json");
        CommandRun r = CommandRun.of("detect", "-q", "--run-json", run.toString(), planted.file().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();

        RunRecord record = RunRecordJson.read(run);
        assertThat(record.command()).isEqualTo("detect");
        assertThat(record.inputs()).singleElement().satisfies(i -> {
            assertThat(i.collector()).isEqualTo("jsonl");
            assertThat(i.eventCount()).isEqualTo(planted.lines());
        });
        assertThat(record.eventTypes()).extracting(RunRecord.EventTypeFill::eventType)
                .contains("flow", "connection", "dns");
        JsonNode alerts = JSON.readTree(run.toFile()).get("alerts");
        assertThat(alerts.get("total").asLong()).isEqualTo(3);
        assertThat(alerts.get("byRule").get("port_scan").asLong()).isEqualTo(1);
        assertThat(alerts.get("byRule").get("smb_then_svcctl").asLong()).isZero();

        CommandRun coverage = CommandRun.of("coverage", "--from-run", run.toString());
        assertThat(coverage.exitCode()).as(coverage.err()).isZero();
    }

    @Test
    void own_rules_run_beside_the_library_with_tunables_or_alone(@TempDir Path rules) throws Exception {
        Path det = rules.resolve("sweep.det");
        Files.writeString(det, """
                rule half_open_sweep {
                  title: "Half-open connections to many ports"
                  techniques: [T1046]
                  severity: low
                  tunable ports = 100
                  match flow where flow.state == "S0"
                  aggregate count(distinct destination.port) as ports by source.ip within 15m
                  having ports >= ports
                }
                """);
        CommandRun quiet = CommandRun.of("detect", "--rules", det.toString(), planted.file().toString());
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(alerts(quiet.out())).extracting(a -> a.get("rule").asText())
                .containsExactly("port_scan", "beaconing", "dns_txt_tunnel");

        CommandRun tuned = CommandRun.of("detect", "--rules", det.toString(), "--no-builtin",
                "--tunable", "half_open_sweep.ports=50", planted.file().toString());
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        List<JsonNode> alerts = alerts(tuned.out());
        // the slow sweep, and the scanner's 50 half-open (S0) probes among its 150
        assertThat(alerts).extracting(a -> a.get("rule").asText()).containsExactly("half_open_sweep", "half_open_sweep");
        assertThat(alerts).extracting(a -> a.get("group").get("source.ip").asText())
                .containsExactly("10.1.0.77", PlantedAttacks.SCANNER);
        assertThat(alerts).extracting(a -> a.get("value").asLong()).containsExactly(50L, 50L);
        assertThat(tuned.err()).doesNotContain("port_scan");
    }

    @Test
    void rules_with_errors_get_diagnostics_and_exit_2_without_a_stack_trace(@TempDir Path rules) throws Exception {
        Path det = rules.resolve("broken.det");
        Files.writeString(det, """
                rule broken {
                  title: "Broken"
                  severity: high
                  techniques: [T1046]
                  match dns where dns.qname == "x"
                }
                """);
        CommandRun r = CommandRun.of("detect", "--rules", det.toString(), planted.file().toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("broken.det:5:19: error: unknown field 'dns.qname'")
                .contains("did you mean 'dns.question.name'").doesNotContain("Exception").doesNotContain("\tat ");

        CommandRun badTunable = CommandRun.of("detect", "--tunable", "port_scan.ports=5", planted.file().toString());
        assertThat(badTunable.exitCode()).isEqualTo(2);
        assertThat(badTunable.err()).contains("rule 'port_scan' has no tunable 'ports'");

        CommandRun badLateness = CommandRun.of("detect", "--lateness", "soon", planted.file().toString());
        assertThat(badLateness.exitCode()).isEqualTo(2);
        assertThat(badLateness.err()).contains("--lateness takes a duration");
    }

    @Test
    void inputs_split_in_several_files_and_out_of_order_within_the_lateness_give_the_same_alerts(@TempDir Path out)
            throws Exception {
        List<String> lines = Files.readAllLines(planted.file());
        Path a = out.resolve("a.events.jsonl");
        Path b = out.resolve("b.events.jsonl");
        List<String> even = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 2 == 0 ? even : odd).add(lines.get(i));
        }
        for (int i = 0; i + 1 < odd.size(); i += 7) { // swap neighbours: at most a few seconds of disorder
            String t = odd.get(i);
            odd.set(i, odd.get(i + 1));
            odd.set(i + 1, t);
        }
        Files.write(a, even);
        Files.write(b, odd);

        CommandRun r = CommandRun.of("detect", "--lateness", "10m", a.toString(), b.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(alerts(r.out())).extracting(x -> x.get("rule").asText())
                .containsExactly("port_scan", "beaconing", "dns_txt_tunnel");
        assertThat(r.err()).contains("total: 2 inputs");
    }

    @Test
    void every_collector_feeds_detect(@TempDir Path out) {
        CommandRun r = CommandRun.of("detect", CollectRunJsonTest.DEMO);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("[pcap]").contains("[aws-vpc]").contains("-- rules --");
    }
}
