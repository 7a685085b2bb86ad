package io.dscover.coverage.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.ruletest.JUnitXmlReader;
import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.ruletest.TestOutcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JUnit XML of the rule tests: every declared test, in the format rules test writes, readable back. */
class JUnitReportTest {

    @Test
    void everyDeclaredTestIsACaseAndTestsWithoutAResultAreSkipped() throws Exception {
        String results = "<testsuite name=\"dns_txt\"><testcase classname=\"dns_txt\" name=\"fires on a long TXT query\">"
                + "<failure message=\"expected 1 alert, got 0 &amp; &quot;more&quot;\"/></testcase></testsuite>";
        CoverageReport r = Scenario.everything().rules(Fixtures.DNS_TXT, Fixtures.SMB_ADMIN).testResults(results).report();
        String xml = JUnitReport.render(r);
        assertThat(xml).contains("<testsuites name=\"dscover rule tests\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"2\">");
        RuleTestResults back = JUnitXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "out.xml");
        assertThat(back.of("dns_txt").get("fires on a long TXT query").result()).isEqualTo(TestOutcome.Result.FAILED);
        assertThat(back.of("dns_txt").get("fires on a long TXT query").message()).isEqualTo("expected 1 alert, got 0 & \"more\"");
        assertThat(back.of("dns_txt").get("ignores a short query").result()).isEqualTo(TestOutcome.Result.SKIPPED);
        assertThat(back.of("smb_admin").get("fires").message()).startsWith("no result given");
    }
}
