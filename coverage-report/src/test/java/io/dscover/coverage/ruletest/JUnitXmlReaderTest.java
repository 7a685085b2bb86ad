package io.dscover.coverage.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the JUnit XML of {@code dscover rules test --junit}: results by rule and test, and nothing else. */
class JUnitXmlReaderTest {

    static RuleTestResults read(String xml) throws TestResultsException {
        return JUnitXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "results.xml");
    }

    static final String RESULTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="dscover rule tests" tests="5" failures="1" skipped="1">
              <testsuite name="dns_txt_tunnel" tests="3" failures="1">
                <testcase classname="dns_txt_tunnel" name="fires on a long TXT query" time="0.004"/>
                <testcase classname="dns_txt_tunnel" name="ignores a short A query">
                  <failure message="expected 0 alerts, got 1" type="assertion">alert at 2024-05-01T10:00:00Z</failure>
                </testcase>
                <testcase classname="dns_txt_tunnel" name="ignores a long A query"><system-out>ok</system-out></testcase>
              </testsuite>
              <testsuite name="port_scan">
                <testcase classname="port_scan" name="from a capture"><skipped message="fixture scan.pcap not found"/></testcase>
                <testcase name="no classname &amp; an entity"><error message="engine failed"/></testcase>
              </testsuite>
            </testsuites>
            """;

    @Test
    void eachTestCaseIsAResultOfItsRule() throws Exception {
        RuleTestResults r = read(RESULTS);
        assertThat(r.rules()).containsExactly("dns_txt_tunnel", "port_scan");
        assertThat(r.size()).isEqualTo(5);
        assertThat(r.of("dns_txt_tunnel").get("fires on a long TXT query").result()).isEqualTo(TestOutcome.Result.PASSED);
        TestOutcome failed = r.of("dns_txt_tunnel").get("ignores a short A query");
        assertThat(failed.result()).isEqualTo(TestOutcome.Result.FAILED);
        assertThat(failed.message()).isEqualTo("expected 0 alerts, got 1");
        assertThat(r.of("dns_txt_tunnel").get("ignores a long A query").result()).isEqualTo(TestOutcome.Result.PASSED);
        TestOutcome skipped = r.of("port_scan").get("from a capture");
        assertThat(skipped.result()).isEqualTo(TestOutcome.Result.SKIPPED);
        assertThat(skipped.message()).isEqualTo("fixture scan.pcap not found");
        TestOutcome error = r.of("port_scan").get("no classname & an entity"); // the suite names the rule
        assertThat(error.result()).isEqualTo(TestOutcome.Result.FAILED);
        assertThat(error.source()).isEqualTo("results.xml");
    }

    @Test
    void aSingleSuiteRootAndAFailureMessageInTheElementTextAreRead() throws Exception {
        RuleTestResults r = read("<testsuite name=\"beaconing\"><testcase classname=\"beaconing\" name=\"a\"><failure>"
                + "<![CDATA[expected 1 alert, got 0]]></failure></testcase></testsuite>");
        assertThat(r.of("beaconing").get("a").message()).isEqualTo("expected 1 alert, got 0");
    }

    @Test
    void aLaterFileReplacesAnEarlierResultAndSaysSo() throws Exception {
        RuleTestResults first = JUnitXmlReader.read(new ByteArrayInputStream(
                "<testsuite name=\"r\"><testcase classname=\"r\" name=\"t\"><failure message=\"x\"/></testcase></testsuite>"
                        .getBytes(StandardCharsets.UTF_8)), "old.xml");
        RuleTestResults second = JUnitXmlReader.read(new ByteArrayInputStream(
                "<testsuite name=\"r\"><testcase classname=\"r\" name=\"t\"/></testsuite>".getBytes(StandardCharsets.UTF_8)), "new.xml");
        RuleTestResults merged = RuleTestResults.none().merge(first).merge(second);
        assertThat(merged.of("r").get("t").result()).isEqualTo(TestOutcome.Result.PASSED);
        assertThat(merged.sources()).containsExactly("old.xml", "new.xml");
        assertThat(merged.notes()).containsExactly("rule r test \"t\": the result in new.xml replaces the one in old.xml");
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<testsuite name=\"r\"><testcase classname=\"r\" name=\"t\"><failure message=\"m\">&x;</failure></testcase></testsuite>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(TestResultsException.class)
                .hasMessageStartingWith("results.xml: line 2").hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n<testsuite name=\"r\"><testcase classname=\"r\" name=\"&a9;\"/></testsuite>");
        assertThatThrownBy(() -> read(dtd.toString())).isInstanceOf(TestResultsException.class);
    }

    @Test
    void brokenOrForeignFilesAreNamedWithTheProblem() {
        assertThatThrownBy(() -> read("<testsuites>\n<testsuite name=\"r\">\n<testcase name=\"t\">\n</testsuites>"))
                .hasMessageStartingWith("results.xml: line 4: not well-formed XML");
        assertThatThrownBy(() -> read("<html><body/></html>"))
                .hasMessage("results.xml: not JUnit XML (root element <html>, expected <testsuites> or <testsuite>)");
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("results.xml");
        assertThatThrownBy(() -> JUnitXmlReader.read(Path.of("no/such/results.xml")))
                .hasMessage("no/such/results.xml: no such file");
    }

    @Test
    void aHugeMessageIsCutToAThousandCharacters() throws Exception {
        String huge = "x".repeat(100_000);
        RuleTestResults r = read("<testsuite name=\"r\"><testcase classname=\"r\" name=\"t\"><failure>" + huge
                + "</failure></testcase></testsuite>");
        assertThat(r.of("r").get("t").message()).hasSize(JUnitXmlReader.MAX_MESSAGE);
    }
}
