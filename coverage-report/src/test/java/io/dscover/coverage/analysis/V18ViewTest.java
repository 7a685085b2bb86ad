package io.dscover.coverage.analysis;

import static io.dscover.model.event.DataComponent.TRAFFIC_FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.ModelDiff;
import io.dscover.coverage.report.Reason;
import io.dscover.coverage.report.StrategyView;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.event.DataComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ATT&amp;CK v18 view: components reached through analytics and detection strategies, each analytic's log
 * sources matched to the collectors that deliver them, and what changes against the legacy DS0029 view.
 * A small release is built here; {@code V18ReleaseTest} runs the real one.
 */
class V18ViewTest {

    static AttackCatalog v18() {
        return Fixtures.v18Catalog();
    }

    static StrategyView.AnalyticView analytic(Entry e, String id) {
        return e.strategies().stream().flatMap(s -> s.analytics().stream()).filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void anAnalyticIsCollectedWhenAProfileSourceDeliversItsLogSource() {
        CoverageReport r = Scenario.telemetry("""
                sources:
                  - collector: zeek
                    logs: [conn, dns]
                  - collector: windows
                """).catalog(v18(), null).report();
        Entry dns = r.entry("T1071.004").orElseThrow();
        assertThat(analytic(dns, "AN0001").supply()).isEqualTo(StrategyView.Supply.COLLECTED);
        assertThat(analytic(dns, "AN0001").logSources().get(0).collectedBy()).containsExactly("zeek (logs: conn, dns)");
        // AWS flow logs are flow too, but not what this profile collects
        assertThat(analytic(dns, "AN0002").supply()).isEqualTo(StrategyView.Supply.COMPONENT);
        assertThat(dns.reasons()).extracting(Reason::text).contains("1 of 2 analytics read log sources the telemetry collects (AN0001)");

        Entry smb = r.entry("T1021.002").orElseThrow();
        assertThat(analytic(smb, "AN0003").supply()).isEqualTo(StrategyView.Supply.PARTLY); // process creation is not network
        assertThat(analytic(smb, "AN0003").logSources()).extracting(StrategyView.LogSourceView::ds0029).containsExactly(true, false);
        Entry transfer = r.entry("T1105").orElseThrow();
        assertThat(analytic(transfer, "AN0004").supply()).isEqualTo(StrategyView.Supply.COMPONENT);
        assertThat(transfer.level()).isEqualTo(Level.VISIBLE);
    }

    @Test
    void aChannelNamingZeekLogsNeedsThoseLogsAndWindowsChannelsNeedTheEventsDscoverReads() {
        CoverageReport r = Scenario.telemetry("""
                sources:
                  - collector: zeek
                    logs: [conn]
                  - collector: windows
                    events: [security-5156]
                """).catalog(v18(), null).report();
        assertThat(analytic(r.entry("T1071.004").orElseThrow(), "AN0001").supply()).isEqualTo(StrategyView.Supply.COMPONENT);
        assertThat(analytic(r.entry("T1021.002").orElseThrow(), "AN0003").supply()).isEqualTo(StrategyView.Supply.COMPONENT);
        CoverageReport pcap = Scenario.telemetry("sources:\n  - collector: pcap\n").catalog(v18(), null).report();
        assertThat(analytic(pcap.entry("T1071.004").orElseThrow(), "AN0001").logSources().get(0).collectedBy())
                .containsExactly("pcap");
    }

    @Test
    void theLegacyViewComparisonListsTechniquesGainedLostAndChanged() {
        AttackCatalog legacy = Fixtures.legacyCatalog();
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").catalog(v18(), legacy).report();
        ModelDiff d = r.modelDiff().orElseThrow();
        assertThat(d.gained()).extracting(ModelDiff.Change::id).containsExactly("T1105");
        assertThat(d.lost()).extracting(ModelDiff.Change::id).containsExactly("T1571");
        assertThat(d.lost().get(0).legacyLevel()).contains(Level.VISIBLE);
        assertThat(d.lost().get(0).level()).isEmpty();
        assertThat(d.changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("T1071.004");
            assertThat(c.legacyComponents()).containsExactly(DataComponent.TRAFFIC_CONTENT, TRAFFIC_FLOW);
            assertThat(c.components()).containsExactly(TRAFFIC_FLOW);
        });
        assertThat(d.legacySummary().entries()).isEqualTo(3);
        assertThat(Scenario.telemetry("sources:\n  - collector: aws-vpc\n").report().modelDiff())
                .as("a legacy catalog has no v18 comparison").isEmpty();
    }
}
