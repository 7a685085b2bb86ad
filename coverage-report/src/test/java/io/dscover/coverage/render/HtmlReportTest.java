package io.dscover.coverage.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.Fixtures;
import io.dscover.coverage.Scenario;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report opens offline and shows the report's numbers; what it reads from rules is only ever text. */
class HtmlReportTest {

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static String testId(String html, String id) {
        Matcher m = Pattern.compile("data-testid=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    @Test
    void itLoadsNothingFromTheNetwork() {
        String html = HtmlReport.render(Scenario.everything().rules(Fixtures.DNS_TXT).report());
        assertThat(html).doesNotContain("<link", "<img", "<iframe", "src=", "@import", "url(");
        assertThat(count(html, "<script")).isEqualTo(1);
        // the only external addresses are links a reader may follow to ATT&CK's pages
        Matcher m = Pattern.compile("https?://[^\"'<> ]+").matcher(html);
        while (m.find()) {
            assertThat(m.group()).startsWith("https://attack.mitre.org/techniques/");
        }
    }

    @Test
    void theSummaryAndTheHeatMapShowTheReportsNumbers() {
        CoverageReport r = Scenario.telemetry("sources:\n  - collector: aws-vpc\n").rules(Fixtures.DNS_TXT, Fixtures.SMB_ADMIN)
                .report();
        String html = HtmlReport.render(r);
        assertThat(testId(html, "entries")).isEqualTo("131");
        assertThat(testId(html, "visible")).isEqualTo(Integer.toString(r.summary().atLeast(Level.VISIBLE)));
        assertThat(testId(html, "detected")).isEqualTo(Integer.toString(r.summary().atLeast(Level.DETECTED)));
        assertThat(testId(html, "none")).isEqualTo("49");
        int cells = r.entries().stream().mapToInt(e -> e.tactics().size()).sum();
        assertThat(count(html, "<a class=\"cell l")).isEqualTo(cells);
        for (Level l : Level.values()) {
            int atLevel = r.entries().stream().filter(e -> e.level() == l).mapToInt(e -> e.tactics().size()).sum();
            assertThat(count(html, "data-level=\"" + l.score() + "\" title=")).as(l.label()).isEqualTo(atLevel);
        }
        assertThat(count(html, "<details class=\"entry\"")).isEqualTo(131);
        assertThat(html).contains("id=\"rule-dns_txt\"", "needs dns events, which no source in the profile supplies");
    }

    @Test
    void textFromRulesAndTestResultsIsEscaped() {
        String hostile = Fixtures.DNS_TXT.replace("title: \"Long TXT queries\"", "title: \"</td><script>alert(1)</script>\"");
        String results = "<testsuite name=\"dns_txt\"><testcase classname=\"dns_txt\" name=\"fires on a long TXT query\">"
                + "<failure message=\"&lt;img src=x onerror=alert(2)&gt;\"/></testcase></testsuite>";
        String html = HtmlReport.render(Scenario.everything().rules(hostile).testResults(results).report());
        assertThat(html).doesNotContain("<script>alert(1)", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;img src=x onerror=alert(2)&gt;");
        assertThat(count(html, "<script")).isEqualTo(1);
    }
}
