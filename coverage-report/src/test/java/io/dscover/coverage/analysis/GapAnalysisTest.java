package io.dscover.coverage.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Scenario;
import io.dscover.coverage.json.CoverageJson;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Gaps;
import io.dscover.coverage.report.Level;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.event.DataComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gaps that matter: visible but undetected, rules that cannot run, and what adding a source would gain. */
class GapAnalysisTest {

    static Gaps.SourceGain gain(CoverageReport r, String label) {
        return r.gaps().sourceGains().stream().filter(g -> g.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no gain for " + label + " in " + r.gaps().sourceGains()));
    }

    @Test
    void visibleButUndetectedListsEveryEntryAtLevelOne() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(CoverageLevelsTest.DNS_TXT).report();
        assertThat(r.gaps().visibleUndetected()).hasSize(131 - 2).doesNotContain("T1071.004", "T1572")
                .allSatisfy(id -> assertThat(r.entry(id).orElseThrow().level()).isEqualTo(Level.VISIBLE));
    }

    @Test
    void eachCollectorNotInTheProfileSaysHowManyEntriesItWouldMakeVisibleOrDetected() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").rules(CoverageLevelsTest.DNS_TXT,
                CoverageLevelsTest.SMB_ADMIN).report();
        AttackCatalog c = AttackCatalog.embeddedDs0029();
        List<String> notFlow = c.ds0029Techniques().stream()
                .filter(t -> !c.detectingComponents(t.id()).contains(DataComponent.TRAFFIC_FLOW)).map(t -> t.id()).toList();
        Gaps.SourceGain pcap = gain(r, "pcap");
        assertThat(pcap.visible()).containsExactlyElementsOf(notFlow); // pcap supplies all three components
        assertThat(pcap.detected()).containsExactly("T1021.002", "T1071.004", "T1572");
        Gaps.SourceGain windows = gain(r, "windows");
        assertThat(windows.visible()).allSatisfy(id -> assertThat(c.detectingComponents(id))
                .contains(DataComponent.CONNECTION_CREATION).doesNotContain(DataComponent.TRAFFIC_FLOW));
        assertThat(windows.detected()).containsExactly("T1021.002");
        Gaps.SourceGain gcp = gain(r, "gcp-vpc");
        assertThat(gcp.visible()).isEmpty();
        assertThat(gcp.detected()).isEmpty();
        assertThat(r.gaps().sourceGains()).extracting(Gaps.SourceGain::label)
                .containsExactly("pcap", "zeek", "windows", "azure", "gcp-vpc") // most detected first
                .doesNotContain("aws-vpc", "jsonl");
    }

    @Test
    void aZeekLogNotChosenIsOfferedOnItsOwn() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: zeek\n    logs: [conn]\n")
                .rules(CoverageLevelsTest.DNS_TXT).report();
        Gaps.SourceGain dns = gain(r, "zeek logs: dns");
        assertThat(dns.detected()).containsExactly("T1071.004", "T1572");
        assertThat(dns.visible()).isEmpty(); // conn already supplies flow
        assertThat(r.gaps().sourceGains()).extracting(Gaps.SourceGain::label)
                .doesNotContain("zeek", "zeek logs: conn")
                .contains("zeek logs: http", "zeek logs: smb_files")
                .doesNotContain("zeek logs: smb_mapping", "zeek logs: notice_alarm").hasSizeGreaterThan(10);
    }

    @Test
    void theSameInputsGiveTheSameReportByteForByte() {
        Scenario s = Scenario.telemetry("sources:\n  - collector: zeek\n    logs: [conn, dns]\n  - collector: windows\n")
                .rules(CoverageLevelsTest.DNS_TXT, CoverageLevelsTest.SMB_ADMIN);
        String first = CoverageJson.render(s.report());
        for (int i = 0; i < 3; i++) {
            assertThat(CoverageJson.render(s.report())).isEqualTo(first);
        }
        assertThat(s.report().entries()).extracting(Entry::id).isSorted();
    }
}
