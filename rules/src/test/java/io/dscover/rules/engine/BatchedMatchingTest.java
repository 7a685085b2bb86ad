package io.dscover.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.bench.SyntheticFlows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Matching a batch with one {@code fireAllRules} records exactly what matching its events one by one
 * records: the same actions for the same events in the same order, and the same errors.
 */
class BatchedMatchingTest {

    private static List<String> record(boolean batched, List<NetworkEvent> events, int batchSize) {
        Engine engine = SemanticsRules.engine();
        assertThat(SingleEventRules.all(engine.kieBase())).isTrue();
        List<String> out = new ArrayList<>();
        try (Matcher m = new Matcher(engine.kieBase(), engine.ruleIndex(), engine.bindsGlobal(), batched)) {
            for (int from = 0; from < events.size(); from += batchSize) {
                Batch b = new Batch(batchSize);
                for (int i = from; i < Math.min(events.size(), from + batchSize); i++) {
                    b.events[b.size++] = events.get(i);
                }
                m.match(b);
                for (Action a : b.actions) {
                    out.add(from + a.event() + " " + a.kind() + " " + a.ruleId() + " " + a.step() + " "
                            + Arrays.toString(a.key()) + " " + a.value());
                }
                b.errors.forEach(err -> out.add("error " + err));
            }
        }
        return out;
    }

    private static List<NetworkEvent> traffic() {
        List<NetworkEvent> events = new ArrayList<>();
        SyntheticFlows flows = new SyntheticFlows(11, 20_000, 10, 200, 2_000);
        NetworkEvent e;
        while ((e = flows.next()) != null) {
            events.add(e);
        }
        return events;
    }

    @Test
    void aBatchFiredOnceRecordsWhatItsEventsFiredOneByOneRecord() {
        List<NetworkEvent> events = traffic();
        List<String> oneByOne = record(false, events, 256);
        assertThat(oneByOne).hasSizeGreaterThan(1_000);
        assertThat(record(true, events, 256)).isEqualTo(oneByOne);
        assertThat(record(true, events, 7)).isEqualTo(oneByOne);
    }

    @Test
    void theSameEventTwiceInABatchMatchesTwice() {
        FlowEvent telnet = new FlowEvent();
        telnet.setTs(SyntheticFlows.START, 6);
        telnet.setSourceIp("10.0.0.5");
        telnet.setDestinationIp("203.0.113.7");
        telnet.setDestinationPort(23L);
        telnet.setNetworkTransport("tcp");
        telnet.setFlowState("SF");
        List<NetworkEvent> twice = List.of(telnet, telnet, telnet);
        assertThat(record(true, twice, 8)).isEqualTo(record(false, twice, 8)).hasSize(3);
    }

    @Test
    void aConsequenceThatThrowsIsReportedWithItsEventAndCostsNothingElse() {
        List<NetworkEvent> events = new ArrayList<>(traffic().subList(0, 50));
        FlowEvent broken = new FlowEvent();
        broken.setTs(((FlowEvent) events.get(20)).getTs(), 6);
        broken.setDestinationPort(6666L);
        broken.setLogFilePath("broken.log");
        broken.setLogRecord(7L);
        events.add(21, broken);
        List<String> batched = record(true, events, 64);
        assertThat(batched).isEqualTo(record(false, events, 64));
        assertThat(batched).anyMatch(s -> s.startsWith("error rule 'fragile'") && s.contains("broken.log record 7"));
    }
}
