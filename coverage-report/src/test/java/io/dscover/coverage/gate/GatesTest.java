package io.dscover.coverage.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.json.Baseline;
import io.dscover.coverage.json.BaselineReader;
import io.dscover.coverage.json.CoverageJson;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Level;
import org.junit.jupiter.api.Test;

/** CI gating: --fail-under states the numbers; --baseline fails when any entry's level drops. */
class GatesTest {

    static CoverageReport pcapWithDnsRule() {
        return Scenario.telemetry("sources:\n  - collector: pcap\n").rules(Fixtures.DNS_TXT).report();
    }

    @Test
    void failUnderPassesAtTheExactShareAndFailsJustAbove() {
        CoverageReport r = pcapWithDnsRule(); // 2 of 131 detected = 1.5267%
        double exact = 100.0 * 2 / 131;
        assertThat(FailUnder.check(r, exact, Level.DETECTED).passed()).isTrue();
        assertThat(FailUnder.check(r, 1.53, Level.DETECTED).passed()).isFalse();
        FailUnder f = FailUnder.check(r, 50, Level.DETECTED);
        assertThat(f.passed()).isFalse();
        assertThat(f.message()).isEqualTo("coverage 1.5% (2 of 131 DS0029 entries detected or better) is under --fail-under 50%");
        assertThat(FailUnder.check(r, 100, Level.VISIBLE).message())
                .isEqualTo("coverage 100.0% (131 of 131 DS0029 entries visible or better) meets --fail-under 100%");
        assertThat(FailUnder.check(r, 0.5, Level.VALIDATED).passed()).isFalse();
        assertThatThrownBy(() -> FailUnder.check(r, 101, Level.DETECTED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportComparedWithItsOwnJsonHasNothingGainedOrLost() throws Exception {
        CoverageReport r = pcapWithDnsRule();
        Baseline self = BaselineReader.parse(CoverageJson.render(r), "self.json");
        assertThat(self.entries()).hasSize(131);
        assertThat(self.attack()).isEqualTo("10.1");
        BaselineComparison c = BaselineComparison.compare(r, self);
        assertThat(c.passed()).isTrue();
        assertThat(c.gained()).isEmpty();
        assertThat(c.unchanged()).isEqualTo(131);
        assertThat(c.warning()).isEmpty();
    }

    @Test
    void losingARuleDropsItsEntriesAndFailsTheBaseline() throws Exception {
        Baseline before = BaselineReader.parse(CoverageJson.render(pcapWithDnsRule()), "main.json");
        CoverageReport after = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(Fixtures.SMB_ADMIN).report();
        BaselineComparison c = BaselineComparison.compare(after, before);
        assertThat(c.passed()).isFalse();
        assertThat(c.lost()).extracting(BaselineComparison.Change::describe).containsExactly(
                "T1071.004 Application Layer Protocol: DNS: detected → visible", "T1572 Protocol Tunneling: detected → visible");
        assertThat(c.gained()).extracting(BaselineComparison.Change::describe)
                .containsExactly("T1021.002 Remote Services: SMB/Windows Admin Shares: visible → detected");
        assertThat(c.summary()).isEqualTo("baseline main.json: 1 gained, 2 lost, 128 unchanged");
    }

    @Test
    void losingTelemetryFailsTheBaselineToo() throws Exception {
        Baseline before = BaselineReader.parse(CoverageJson.render(pcapWithDnsRule()), "main.json");
        CoverageReport after = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").rules(Fixtures.DNS_TXT).report();
        BaselineComparison c = BaselineComparison.compare(after, before);
        assertThat(c.passed()).isFalse();
        assertThat(c.lost()).hasSize(2 + 49); // the rule cannot run, and the entries without flow are no longer visible
    }

    @Test
    void aBaselineThatIsNotACoverageReportIsRefused() {
        assertThatThrownBy(() -> BaselineReader.parse("{\"format\":\"dscover-run\"}", "x.json"))
                .hasMessageStartingWith("x.json: not a dscover coverage report");
        assertThatThrownBy(() -> BaselineReader.parse("{\"format\":\"dscover-coverage\",\"formatVersion\":1,"
                + "\"entries\":[{\"id\":\"T1046\",\"level\":9}]}", "x.json"))
                .hasMessage("x.json: entries[0] needs an \"id\" and a \"level\" from 0 to 3");
        assertThatThrownBy(() -> BaselineReader.parse("{\"format\":\"dscover-coverage\",\"formatVersion\":2}", "x.json"))
                .hasMessageContaining("newer than this dscover reads");
    }
}
