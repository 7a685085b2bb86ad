package io.dscover.coverage.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.DataQuality;
import io.dscover.coverage.run.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Data quality measured from a run record instead of declared: totals, time span, and fields rules starve for. */
class DataQualityTest {

    static final String SCAN = """
            macro refused = flow.state in ["S0", "REJ"]
            rule scan {
              title: "Refused connections"
              techniques: [T1046]
              severity: medium
              match flow where refused and destination.port > 0
              aggregate count(distinct destination.port) by source.ip within 1m having count >= 100
              test "quiet" expect 0 { flow { ts: "2024-05-01T10:00:00Z", flow.state: "SF" } }
            }
            """;

    static RunRecord run() {
        RunRecord.Input aws = new RunRecord.Input("flows.log.gz", "aws-vpc", 1000, Map.of("flow", 990L),
                Map.of("malformed line", 10L), Map.of(), 2, List.of(), Optional.of("2025-11-04T13:00:00Z"),
                Optional.of("2025-11-04T14:00:00.5Z"));
        RunRecord.Input pcap = new RunRecord.Input("hq.pcap", "pcap", 500, Map.of("flow", 40L), Map.of(), Map.of(), 0, List.of(),
                Optional.of("2025-11-04T12:59:59.250Z"), Optional.of("2025-11-04T14:00:00Z"));
        RunRecord.Input unreadable = new RunRecord.Input("notes.txt", "", 0, Map.of(), Map.of("unrecognised format", 1L),
                Map.of(), 0, List.of(), Optional.empty(), Optional.empty());
        return new RunRecord("collect", "dscover test", "2025-11-28T10:00:00Z", List.of(aws, pcap, unreadable), List.of(
                new RunRecord.EventTypeFill("flow", "aws-vpc", 990, 990, List.of(new RunRecord.FieldFill("source.ip", 990, 1.0),
                        new RunRecord.FieldFill("destination.port", 900, 0.909), new RunRecord.FieldFill("flow.state", 0, 0.0))),
                new RunRecord.EventTypeFill("flow", "pcap", 40, 40, List.of(new RunRecord.FieldFill("flow.state", 40, 1.0)))));
    }

    @Test
    void theRunAddsUpAndItsTimeSpanIsTheEarliestAndLatestEvent() {
        DataQuality q = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").run(run()).report().dataQuality().orElseThrow();
        assertThat(q.records()).isEqualTo(1500);
        assertThat(q.events()).isEqualTo(1030);
        assertThat(q.rejected()).isEqualTo(11);
        assertThat(q.rejectedShare()).isEqualTo(11 / 1500.0);
        assertThat(q.unreadable()).isEqualTo(1);
        assertThat(q.gaps()).isEqualTo(2);
        assertThat(q.firstEvent()).contains("2025-11-04T12:59:59.250Z"); // by time, not by text
        assertThat(q.lastEvent()).contains("2025-11-04T14:00:00.5Z");
    }

    @Test
    void aFieldARunnableRuleReadsThroughItsMacroIsAConcernWhereMostEventsLackIt() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: aws-vpc\n  - collector: pcap\n").rules(SCAN).run(run()).report();
        assertThat(r.dataQuality().orElseThrow().rulesFields()).containsExactly(
                new DataQuality.FieldConcern("scan", "flow", "aws-vpc", "flow.state", 0.0));
    }

    @Test
    void aRuleThatCannotRunRaisesNoFieldConcern() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: windows\n").rules(SCAN).run(run()).report();
        assertThat(r.dataQuality().orElseThrow().rulesFields()).isEmpty();
    }

    @Test
    void withoutARunThereIsNoDataQualitySection() {
        assertThat(Scenario.everything().report().dataQuality()).isEmpty();
    }
}
