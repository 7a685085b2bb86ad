package io.dscover.coverage.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldFillCounterTest {

    static double rate(RunRecord.EventTypeFill f, String field) {
        return f.fields().stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow().rate();
    }

    @Test
    void aFieldIsFilledWhenItHasAValueThatSaysSomething() {
        FieldFillCounter c = new FieldFillCounter();
        for (int i = 0; i < 4; i++) {
            DnsEvent e = new DnsEvent();
            e.setTs(1_700_000_000_000_000_000L + i);
            e.setSourceIp("10.0.0." + i);
            e.setDnsQuestionName(i < 3 ? "example.com" : "");    // an empty string says nothing
            e.setDnsAnswers(i == 0 ? List.of("192.0.2.1") : List.of());
            c.accept("pcap", e);
        }
        RunRecord.EventTypeFill dns = c.results().get(0);
        assertThat(dns.eventType()).isEqualTo("dns");
        assertThat(dns.collector()).isEqualTo("pcap");
        assertThat(dns.events()).isEqualTo(4);
        assertThat(dns.examined()).isEqualTo(4);
        assertThat(rate(dns, "source.ip")).isEqualTo(1.0);
        assertThat(rate(dns, "dns.question.name")).isEqualTo(0.75);
        assertThat(rate(dns, "dns.answers")).isEqualTo(0.25);
        assertThat(rate(dns, "destination.ip")).isZero();
        assertThat(dns.fields()).extracting(RunRecord.FieldFill::field).startsWith("ts"); // schema order
    }

    @Test
    void eachEventTypeAndCollectorIsCountedApartInSchemaOrder() {
        FieldFillCounter c = new FieldFillCounter();
        c.accept("pcap", new DnsEvent());
        c.accept("aws-vpc", new FlowEvent());
        c.accept("pcap", new FlowEvent());
        assertThat(c.results()).extracting(f -> f.eventType() + "/" + f.collector())
                .containsExactly("flow/aws-vpc", "flow/pcap", "dns/pcap");
    }

    @Test
    void largeRunsAreSampledAfterTheFirstTenThousandEventsWithoutAliasingOnPeriodicTraffic() {
        FieldFillCounter c = new FieldFillCounter();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            FlowEvent e = new FlowEvent();
            if (i % 2 == 0) {
                e.setFlowState("SF");
            }
            c.accept("zeek", e);
        }
        RunRecord.EventTypeFill f = c.results().get(0);
        assertThat(f.events()).isEqualTo(n);
        long expected = FieldFillCounter.EXAMINE_ALL + (n - FieldFillCounter.EXAMINE_ALL) / FieldFillCounter.STRIDE;
        assertThat(f.examined()).isBetween(expected * 95 / 100, expected * 105 / 100);
        // every other event has a state: a sample of every 16th event would see all or none of them
        assertThat(rate(f, "flow.state")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
        FieldFillCounter again = new FieldFillCounter();
        for (int i = 0; i < n; i++) {
            FlowEvent e = new FlowEvent();
            if (i % 2 == 0) {
                e.setFlowState("SF");
            }
            again.accept("zeek", e);
        }
        assertThat(again.results()).as("deterministic").isEqualTo(c.results());
    }
}
