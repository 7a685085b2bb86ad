package io.dscover.coverage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.ModelDiff;
import io.dscover.coverage.report.StrategyView;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.Technique;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v18 view on MITRE's real ATT&amp;CK v18.1 release (skipped when ../shared is absent). */
class V18ReleaseTest {

    static final Path V18 = Path.of("../shared/attack/enterprise-attack-v18.1.json.gz");
    static AttackCatalog v18;

    @BeforeAll
    static void load() {
        if (Files.exists(V18)) {
            v18 = AttackCatalog.load(V18);
        }
    }

    static CoverageReport report(String yaml) {
        assumeTrue(v18 != null, "needs " + V18);
        return Scenario.telemetry(yaml).catalog(v18, AttackCatalog.embeddedDs0029()).rules(CoverageLevelsTest.DNS_TXT,
                CoverageLevelsTest.SMB_ADMIN).report();
    }

    static Set<String> ids(AttackCatalog c) {
        return c.ds0029Techniques().stream().map(Technique::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyTechniqueADs0029ComponentReachesThroughAnalyticsIsAnEntry() {
        CoverageReport r = report("sources:\n  - collector: pcap\n");
        assertThat(r.attack().version()).isEqualTo("18.1");
        assertThat(r.attack().v18()).isTrue();
        assertThat(r.summary().entries()).isEqualTo(221); // shared/attack/README.md: the three components reach 221
        assertThat(r.entries()).allSatisfy(e -> assertThat(e.strategies()).as(e.id()).isNotEmpty());
    }

    @Test
    void theDifferenceFromTheLegacyViewIsExactlyTheSetDifferenceOfTheTwoMappings() {
        CoverageReport r = report("sources:\n  - collector: zeek\n  - collector: windows\n");
        ModelDiff d = r.modelDiff().orElseThrow();
        Set<String> legacy = ids(AttackCatalog.embeddedDs0029());
        Set<String> current = ids(v18);
        Set<String> gained = new TreeSet<>(current);
        gained.removeAll(legacy);
        Set<String> lost = new TreeSet<>(legacy);
        lost.removeAll(current);
        assertThat(d.gained()).extracting(ModelDiff.Change::id).containsExactlyElementsOf(gained);
        assertThat(d.lost()).extracting(ModelDiff.Change::id).containsExactlyElementsOf(lost);
        assertThat(lost).as("v18 is not a superset of v10").isNotEmpty();
        assertThat(d.legacySummary().entries()).isEqualTo(131);
        // the SMB rule's technique is in both views and detected in both
        assertThat(r.entry("T1021.002").map(Entry::level)).contains(Level.DETECTED);
    }

    @Test
    void analyticsThatReadNetworkSecurityMonitoringLogsAreCollectedByAPcapAndAZeekConnLog() {
        CoverageReport r = report("sources:\n  - collector: zeek\n    logs: [conn]\n");
        long collected = r.entries().stream().flatMap(e -> e.strategies().stream()).flatMap(s -> s.analytics().stream())
                .filter(a -> a.supply() != StrategyView.Supply.NONE && a.supply() != StrategyView.Supply.COMPONENT).count();
        assertThat(collected).isPositive();
        assertThat(r.entries().stream().flatMap(e -> e.strategies().stream()).flatMap(s -> s.analytics().stream())
                .flatMap(a -> a.logSources().stream()).filter(ls -> !ls.collectedBy().isEmpty()))
                .allSatisfy(ls -> {
                    assertThat(ls.ds0029()).isTrue();
                    assertThat(ls.name().toLowerCase()).isIn("nsm:flow", "nsm:connections", "nsm:content", "network traffic");
                    // a channel that names Zeek logs besides conn.log needs them too, unless it says "or"
                    assertThat(ls.channel().replace("conn.log", "").contains(".log") && !ls.channel().contains(" or "))
                            .as(ls.channel()).isFalse();
                });
    }
}
