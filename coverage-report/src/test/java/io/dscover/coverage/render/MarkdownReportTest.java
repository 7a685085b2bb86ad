package io.dscover.coverage.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.gate.BaselineComparison;
import io.dscover.coverage.json.Baseline;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Level;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void theHeadlineStatesTheDetectedShareAndTheTablesFollow() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(Fixtures.DNS_TXT).report();
        String md = MarkdownReport.render(r, Optional.empty());
        assertThat(md).startsWith("# DS0029 coverage: 2 of 131 entries detected (1.5%)\n")
                .contains("- ATT&CK: ATT&CK 10.1 (embedded DS0029 model)\n", "| 2 detected or better | 2 | 1.5% |",
                        "| Network Traffic Content (DC0085) | 96 | 96 | 2 | 0 | pcap |",
                        "### Visible but undetected: write a rule (129)", "<details><summary>All 131 entries</summary>",
                        "| T1071.004 | Application Layer Protocol: DNS | 2 detected | content, flow | content, flow | dns_txt |");
    }

    @Test
    void textThatWouldBreakATableOrInjectHtmlIsNeutralised() {
        assertThat(MarkdownReport.cell("a|b <img src=x> `code`\nnext")).isEqualTo("a\\|b &lt;img src=x&gt; 'code' next");
        assertThat(MarkdownReport.text("ATT&CK &lt;")).isEqualTo("ATT&CK &amp;lt;");
    }

    @Test
    void aBaselineComparisonListsWhatWasLostAndGained() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(Fixtures.DNS_TXT).report();
        Baseline old = new Baseline("old.json", "10.1", Map.of(
                "T1046", new Baseline.BaselineEntry("T1046", "Network Service Scanning", Level.DETECTED),
                "T1071.004", new Baseline.BaselineEntry("T1071.004", "DNS", Level.VISIBLE)));
        String md = MarkdownReport.render(r, Optional.of(BaselineComparison.compare(r, old)));
        assertThat(md).contains("## Compared with the baseline", "**Lost (1)**",
                "- T1046 Network Service Scanning: detected → visible", "**Gained (",
                "- T1071.004 Application Layer Protocol: DNS: visible → detected");
    }
}
