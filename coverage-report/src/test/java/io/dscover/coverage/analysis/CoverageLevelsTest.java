package io.dscover.coverage.analysis;

import static io.dscover.model.event.DataComponent.CONNECTION_CREATION;
import static io.dscover.model.event.DataComponent.TRAFFIC_CONTENT;
import static io.dscover.model.event.DataComponent.TRAFFIC_FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.Reason;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.TestVerdict;
import io.dscover.model.attack.AttackCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The levels of ARCHITECTURE.md section 7 and issue 8: 0 none, 1 visible, 2 detected, 3 validated, with reasons. */
class CoverageLevelsTest {

    static final String DNS_TXT = Fixtures.DNS_TXT;
    static final String SMB_ADMIN = Fixtures.SMB_ADMIN;

    static String passed(String rule, String... tests) {
        return Fixtures.passed(rule, tests);
    }

    static Entry entry(CoverageReport r, String id) {
        return r.entry(id).orElseThrow(() -> new AssertionError(id + " is not an entry"));
    }

    static List<String> codes(Entry e) {
        return e.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void withoutRulesAnEntryIsVisibleExactlyWhenTheTelemetrySuppliesAComponentThatDetectsIt() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").report();
        AttackCatalog c = AttackCatalog.embeddedDs0029();
        assertThat(r.summary().entries()).isEqualTo(131);
        assertThat(r.summary().parents()).isEqualTo(60);
        assertThat(r.summary().byLevel().get(Level.VISIBLE)).isEqualTo(c.detectedBy(TRAFFIC_FLOW).size()).isEqualTo(82);
        assertThat(r.summary().byLevel().get(Level.NONE)).isEqualTo(131 - 82);
        Entry junkData = entry(r, "T1001.001"); // content only
        assertThat(junkData.level()).isEqualTo(Level.NONE);
        assertThat(junkData.reasons().get(0).text())
                .isEqualTo("ATT&CK detects it through Network Traffic Content; the telemetry does not supply it");
        Entry scanning = entry(r, "T1046"); // flow only
        assertThat(scanning.level()).isEqualTo(Level.VISIBLE);
        assertThat(scanning.reasons()).extracting(Reason::text)
                .containsExactly("visible through Network Traffic Flow (aws-vpc)", "no rule maps to T1046");
    }

    @Test
    void anEnabledRuleThatCanRunOnTheTelemetryDetectsEveryTechniqueItMapsTo() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(DNS_TXT).report();
        for (String id : List.of("T1071.004", "T1572")) {
            Entry e = entry(r, id);
            assertThat(e.level()).as(id).isEqualTo(Level.DETECTED);
            assertThat(e.rules()).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo("dns_txt");
                assertThat(x.runs()).isTrue();
                assertThat(x.validated()).isFalse();
            });
        }
        assertThat(entry(r, "T1071.004").reasons()).extracting(Reason::text).contains(
                "rule dns_txt runs on dns events from pcap (Network Traffic Content, Network Traffic Flow)",
                "rule dns_txt: no test results given for its 2 tests (dscover rules test --junit FILE, then --test-results FILE)");
    }

    @Test
    void aDnsRuleRunsOnZeeksDnsLogAsFlowEvidenceButNotOnFlowLogs() {
        RuleAssessment onZeek = Scenario.telemetry("sources:\n  - collector: zeek\n    logs: [conn, dns]\n").rules(DNS_TXT)
                .report().rule("dns_txt").orElseThrow();
        assertThat(onZeek.canRun()).isTrue();
        assertThat(onZeek.runsOn()).containsExactly(TRAFFIC_FLOW);
        assertThat(onZeek.suppliedBy()).containsExactly("zeek (logs: conn, dns)");

        CoverageReport onAws = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").rules(DNS_TXT).report();
        RuleAssessment a = onAws.rule("dns_txt").orElseThrow();
        assertThat(a.canRun()).isFalse();
        assertThat(a.missing()).singleElement().satisfies(m -> {
            assertThat(m.eventType()).isEqualTo("dns");
            assertThat(m.wouldSupply()).containsExactly("pcap", "zeek logs: dns"); // never jsonl: it reads no telemetry
        });
        assertThat(a.whyNot()).isEqualTo("needs dns events, which no source in the profile supplies (pcap, zeek logs: dns would)");
        Entry dns = entry(onAws, "T1071.004");
        assertThat(dns.level()).isEqualTo(Level.VISIBLE);
        assertThat(codes(dns)).containsExactly(Reason.VISIBLE, Reason.RULE_CANNOT_RUN);
        assertThat(onAws.gaps().rulesThatCannotRun()).extracting(g -> g.rule()).containsExactly("dns_txt");
    }

    @Test
    void aConnectionRuleNeedsASourceOfNetworkConnectionCreation() {
        assertThat(Scenario.telemetry("sources:\n  - collector: aws-vpc\n").rules(SMB_ADMIN).report()
                .rule("smb_admin").orElseThrow().canRun()).isFalse();
        RuleAssessment onWindows = Scenario.telemetry("sources:\n  - collector: windows\n    events: [security-5156]\n")
                .rules(SMB_ADMIN).report().rule("smb_admin").orElseThrow();
        assertThat(onWindows.canRun()).isTrue();
        assertThat(onWindows.runsOn()).containsExactly(CONNECTION_CREATION);
    }

    @Test
    void aRuleIsValidatedOnlyWhenEveryTestItDeclaresPassed() {
        String allPassed = passed("dns_txt", "fires on a long TXT query", "ignores a short query");
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(DNS_TXT).testResults(allPassed).report();
        Entry e = entry(r, "T1071.004");
        assertThat(e.level()).isEqualTo(Level.VALIDATED);
        assertThat(e.reasons()).extracting(Reason::text).contains("rule dns_txt: all 2 tests passed");
        assertThat(r.rule("dns_txt").orElseThrow().tests().status()).isEqualTo(TestVerdict.Status.VALIDATED);

        String oneMissing = passed("dns_txt", "fires on a long TXT query");
        CoverageReport incomplete = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(DNS_TXT).testResults(oneMissing).report();
        assertThat(entry(incomplete, "T1071.004").level()).isEqualTo(Level.DETECTED);
        assertThat(incomplete.rule("dns_txt").orElseThrow().tests().status()).isEqualTo(TestVerdict.Status.INCOMPLETE);
        assertThat(codes(entry(incomplete, "T1071.004"))).contains(Reason.TESTS_INCOMPLETE);
    }

    @Test
    void aFailedTestKeepsTheEntryAtDetectedAndTheReasonQuotesTheFailure() {
        String oneFailed = "<testsuite name=\"dns_txt\"><testcase classname=\"dns_txt\" name=\"fires on a long TXT query\">"
                + "<failure message=\"expected 1 alert, got 0\"/></testcase>"
                + "<testcase classname=\"dns_txt\" name=\"ignores a short query\"/></testsuite>";
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(DNS_TXT).testResults(oneFailed).report();
        Entry e = entry(r, "T1071.004");
        assertThat(e.level()).isEqualTo(Level.DETECTED);
        assertThat(e.reasons()).extracting(Reason::text).contains(
                "rule dns_txt: 1 of 2 tests failed: \"fires on a long TXT query\" (expected 1 alert, got 0)");
    }

    @Test
    void passingTestsDoNotValidateARuleThatCannotRunOnTheTelemetry() {
        String allPassed = passed("dns_txt", "fires on a long TXT query", "ignores a short query");
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: windows\n").rules(DNS_TXT).testResults(allPassed).report();
        assertThat(entry(r, "T1071.004").level()).isEqualTo(Level.NONE);
        assertThat(entry(r, "T1071.004").rules().get(0).validated()).isFalse();
    }

    @Test
    void aDisabledRuleDetectsNothing() {
        String disabled = DNS_TXT.replace("severity: high", "severity: high\n  enabled: false");
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(disabled).report();
        Entry e = entry(r, "T1071.004");
        assertThat(e.level()).isEqualTo(Level.VISIBLE);
        assertThat(e.reasons()).extracting(Reason::text).contains("rule dns_txt is disabled");
        assertThat(r.gaps().rulesThatCannotRun()).isEmpty(); // disabled is a choice, not a telemetry gap
    }

    @Test
    void aRuleOnAComponentAttackDoesNotListStillDetectsAndTheReasonSaysSo() {
        String onConnections = """
                rule odd_port_obfuscation {
                  title: "Connections to 8443"
                  techniques: [T1001]
                  severity: low
                  match connection where destination.port == 8443
                  test "fires" expect 1 { connection { ts: "2024-05-01T10:00:00Z", destination.port: 8443 } }
                }
                """;
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: windows\n").rules(onConnections).report();
        Entry e = entry(r, "T1001");
        assertThat(e.level()).isEqualTo(Level.DETECTED);
        assertThat(e.suppliedComponents()).isEmpty();
        assertThat(e.rules().get(0).via()).isEmpty();
        assertThat(codes(e)).containsExactly(Reason.NO_TELEMETRY, Reason.RULE_OFF_MODEL, Reason.TESTS_NOT_RUN);
        assertThat(e.reasons().get(1).text()).isEqualTo("rule odd_port_obfuscation runs on connection events from windows, "
                + "evidence of Network Connection Creation, which ATT&CK does not list for this technique (it lists Network "
                + "Traffic Content)");
    }

    @Test
    void aParentShowsItsOwnLevelAndALabelledAggregateOfItsSubTechniques() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: pcap\n").rules(DNS_TXT).report();
        Entry parent = entry(r, "T1071");
        assertThat(parent.level()).isEqualTo(Level.VISIBLE);
        var agg = parent.subtechniques().orElseThrow();
        assertThat(agg.count()).isEqualTo(4);
        assertThat(agg.byLevel().get(Level.DETECTED)).isEqualTo(1);
        assertThat(agg.byLevel().get(Level.VISIBLE)).isEqualTo(3);
        assertThat(agg.lowest()).isEqualTo(Level.VISIBLE);
        assertThat(agg.highest()).isEqualTo(Level.DETECTED);
        assertThat(agg.label()).isEqualTo("sub-techniques (aggregate of 4): 0 validated, 1 detected or better, 4 visible or "
                + "better; levels 1-2");
        assertThat(entry(r, "T1071.004").subtechniques()).isEmpty();
        assertThat(entry(r, "T1046").subtechniques()).isEmpty(); // a parent without sub-technique entries
    }

    @Test
    void componentTotalsCountDetectionThroughThatComponentOnly() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: zeek\n    logs: [dns]\n").rules(DNS_TXT).report();
        var flow = r.components().stream().filter(c -> c.component() == TRAFFIC_FLOW).findFirst().orElseThrow();
        var content = r.components().stream().filter(c -> c.component() == TRAFFIC_CONTENT).findFirst().orElseThrow();
        assertThat(flow.entries()).isEqualTo(82);
        assertThat(flow.visible()).isEqualTo(82);
        // T1071.004 and T1572 are both flow entries; Zeek's dns events are flow evidence
        assertThat(flow.detected()).isEqualTo(2);
        assertThat(content.visible()).isZero();
        assertThat(content.detected()).isZero();
        assertThat(content.suppliedBy()).isEmpty();
        assertThat(flow.suppliedBy()).containsExactly("zeek (logs: dns)");
    }

    @Test
    void tacticTotalsCountAnEntryUnderEachOfItsTactics() {
        CoverageReport r = Scenario.everything().report();
        for (var t : r.tactics()) {
            long expected = r.entries().stream().filter(e -> e.tactics().contains(t.shortName())).count();
            assertThat(t.entries()).as(t.name()).isEqualTo((int) expected);
            assertThat(t.byLevel().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.entries());
        }
        assertThat(r.tactics()).filteredOn(t -> t.shortName().equals("privilege-escalation")).singleElement()
                .satisfies(t -> assertThat(t.entries()).isZero()); // DS0029 v10.1 maps nothing to TA0004
        int perTactic = r.tactics().stream().mapToInt(t -> t.entries()).sum();
        assertThat(perTactic).isGreaterThan(r.summary().entries());
    }

    @Test
    void aMappingToATechniqueOutsideDs0029CountsTowardNoEntryAndSaysWhy() {
        String outside = SMB_ADMIN.replace("[T1021.002]", "[T1021.002, T1059]");
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: windows\n").rules(outside).report();
        assertThat(r.gaps().rulesOutsideModel()).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo("smb_admin");
            assertThat(o.technique()).isEqualTo("T1059");
            assertThat(o.reason()).isEqualTo("not a DS0029 technique in the embedded DS0029 model (ATT&CK 10.1)");
        });
        assertThat(entry(r, "T1021.002").level()).isEqualTo(Level.DETECTED);
    }
}
