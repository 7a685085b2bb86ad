package io.dscover.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.JsonLinesAlertWriter;
import io.dscover.rules.bench.SyntheticFlows;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Same input, same alerts in the same order, byte for byte: whatever the number of matcher threads,
 * the batch size, how the input is split into files, or how much (bounded) disorder it has.
 */
class DeterminismTest {

    private static List<NetworkEvent> events;
    private static String reference;

    @BeforeAll
    static void referenceRun() {
        // 50 minutes of traffic at 10 flows/s with planted scans, a beacon and a DNS tunnel
        events = new ArrayList<>();
        SyntheticFlows flows = new SyntheticFlows(7, 30_000, 10, 200, 2_000);
        NetworkEvent e;
        while ((e = flows.next()) != null) {
            events.add(e);
        }
        reference = jsonLines(SemanticsRules.engine().withMatcherThreads(0), events);
    }

    private static String jsonLines(Engine engine, List<NetworkEvent> input) {
        StringWriter out = new StringWriter();
        try (JsonLinesAlertWriter w = new JsonLinesAlertWriter(out); EngineRun run = engine.start(w)) {
            input.forEach(run::accept);
            run.finish();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static String jsonLines(Engine engine, List<EventStream> inputs, Duration lateness) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonLinesAlertWriter w = new JsonLinesAlertWriter(out)) {
            engine.withLateness(lateness).run(inputs, w);
        }
        return out.toString();
    }

    @Test
    void theReferenceRunRaisesAlertsOfEveryKindItsRulesHave() {
        List<Alert> alerts = new ArrayList<>();
        try (EngineRun run = SemanticsRules.engine().start(alerts::add)) {
            events.forEach(run::accept);
            run.finish();
        }
        assertThat(alerts.stream().map(Alert::kind).collect(Collectors.toSet()))
                .contains(AlertKind.MATCH, AlertKind.AGGREGATE, AlertKind.BEACON);
        assertThat(alerts.stream().filter(a -> a.kind() == AlertKind.BEACON).map(a -> a.group().get("source.ip")))
                .contains(SyntheticFlows.BEACON_SOURCE);
        assertThat(reference.lines().count()).isEqualTo(alerts.size()).isGreaterThan(20);
    }

    @Test
    void matcherThreadsAndBatchSizesDoNotChangeABit() {
        for (int threads : new int[] {0, 1, 2, 3}) {
            assertThat(jsonLines(SemanticsRules.engine().withMatcherThreads(threads), events))
                    .as("%d matcher threads", threads).isEqualTo(reference);
        }
    }

    @Test
    void aSecondRunOfTheSameEngineGivesTheSameBytes() {
        Engine engine = SemanticsRules.engine().withMatcherThreads(2);
        assertThat(jsonLines(engine, events)).isEqualTo(jsonLines(engine, events)).isEqualTo(reference);
    }

    @Test
    void splittingTheInputIntoSeveralFilesChangesNothing() throws IOException {
        List<NetworkEvent> even = new ArrayList<>();
        List<NetworkEvent> odd = new ArrayList<>();
        for (NetworkEvent e : events) {
            (e.getLogRecord() % 2 == 0 ? even : odd).add(e);
        }
        assertThat(jsonLines(SemanticsRules.engine(), List.of(EventStream.of(even), EventStream.of(odd)),
                Duration.ZERO)).isEqualTo(reference);
    }

    @Test
    void disorderWithinTheLatenessIsSortedOut() throws IOException {
        // swap each pair of neighbours: every event at most one step (and well under 5 s) out of place
        List<NetworkEvent> shuffled = new ArrayList<>(events);
        for (int i = 0; i + 1 < shuffled.size(); i += 2) {
            NetworkEvent a = shuffled.get(i);
            shuffled.set(i, shuffled.get(i + 1));
            shuffled.set(i + 1, a);
        }
        long maxGapNanos = 0;
        for (int i = 0; i + 1 < events.size(); i += 2) {
            maxGapNanos = Math.max(maxGapNanos, events.get(i + 1).getTs() - events.get(i).getTs());
        }
        Duration lateness = Duration.ofNanos(maxGapNanos);
        assertThat(jsonLines(SemanticsRules.engine(), List.of(EventStream.of(shuffled)), lateness))
                .isEqualTo(reference);
    }
}
