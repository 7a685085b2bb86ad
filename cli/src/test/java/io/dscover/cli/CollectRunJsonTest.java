package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.run.RunRecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dscover collect --run-json}: the run record agrees with the ledger and with the events written. */
class CollectRunJsonTest {

    static final String DEMO = "cli/src/main/resources/io/dscover/cli/demo/data/";

    @Test
    void theRecordCountsWhatTheCollectorsReadAndHowFilledTheirFieldsWere(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run.json");
        Path events = dir.resolve("events.jsonl");
        CommandRun r = CommandRun.of("collect", DEMO + "hq-lan.pcap", DEMO + "aws-export", "-o", events.toString(),
                "--run-json", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunRecord record = RunRecordJson.read(run);
        assertThat(record.command()).isEqualTo("collect");
        assertThat(record.inputs()).extracting(RunRecord.Input::collector).containsExactlyInAnyOrder("pcap", "aws-vpc");

        // events by type in the record = event lines written
        Map<String, Long> written = new TreeMap<>();
        for (String line : Files.readAllLines(events)) {
            String type = line.substring(line.indexOf("\"type\":\"") + 8);
            written.merge(type.substring(0, type.indexOf('"')), 1L, Long::sum);
        }
        Map<String, Long> recorded = new TreeMap<>();
        record.inputs().forEach(i -> i.events().forEach((t, n) -> recorded.merge(t, n, Long::sum)));
        assertThat(recorded).isEqualTo(written);

        // the ledger printed on stderr says the same
        RunRecord.Input pcap = record.inputs().stream().filter(i -> i.collector().equals("pcap")).findFirst().orElseThrow();
        assertThat(r.err()).contains(String.format("[pcap]: %,d records, %,d events", pcap.records(), pcap.eventCount()));
        RunRecord.Input aws = record.inputs().stream().filter(i -> i.collector().equals("aws-vpc")).findFirst().orElseThrow();
        assertThat(aws.gapCount()).isEqualTo(1);
        assertThat(aws.gaps()).singleElement().satisfies(g -> assertThat(g.reason()).isEqualTo("NODATA"));
        assertThat(aws.firstEvent()).hasValueSatisfying(t -> assertThat(t).startsWith("2025-11-04T13:"));

        RunRecord.EventTypeFill awsFlow = record.eventTypes().stream()
                .filter(f -> f.eventType().equals("flow") && f.collector().equals("aws-vpc")).findFirst().orElseThrow();
        assertThat(awsFlow.events()).isEqualTo(aws.events().get("flow"));
        assertThat(rate(awsFlow, "source.ip")).isEqualTo(1.0);
        assertThat(rate(awsFlow, "flow.state")).isZero(); // flow logs carry no connection state
        RunRecord.EventTypeFill pcapFlow = record.eventTypes().stream()
                .filter(f -> f.eventType().equals("flow") && f.collector().equals("pcap")).findFirst().orElseThrow();
        assertThat(rate(pcapFlow, "flow.state")).isEqualTo(1.0);
        assertThat(record.eventTypes()).extracting(RunRecord.EventTypeFill::eventType).containsAll(List.of("dns", "tls"));
    }

    static double rate(RunRecord.EventTypeFill f, String field) {
        return f.fields().stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow().rate();
    }
}
