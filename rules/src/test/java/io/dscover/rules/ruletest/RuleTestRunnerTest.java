package io.dscover.rules.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class RuleTestRunnerTest {

    private static List<RuleTestOutcome> outcomes;
    private static Map<String, RuleTestOutcome> byName;

    @BeforeAll
    static void runTheTests() throws IOException {
        RuleSource source = RuleSource.read(Path.of("rules/src/test/resources/ruletest/tests.det"));
        CompileResult r = DetectionCompiler.compile(List.of(source), AttackCatalog.embeddedDs0029(),
                CompileOptions.defaults());
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        outcomes = new RuleTestRunner(r.ruleSet().orElseThrow(), new JsonLinesFixtures()).kjarCache(null).runAll();
        byName = outcomes.stream().collect(Collectors.toMap(RuleTestOutcome::test, Function.identity()));
    }

    @Test
    void a_fixture_is_read_relative_to_the_rule_file_and_passes() {
        RuleTestOutcome o = byName.get("three refused ports from the fixture");
        assertThat(o.status()).as(o.message()).isEqualTo(RuleTestOutcome.Status.PASSED);
        assertThat(o.alerts()).isEqualTo(1);
        assertThat(o.location()).endsWith("tests.det:9");
    }

    @Test
    void an_aggregate_that_misses_its_window_says_which_events_matched_and_what_they_missed() {
        RuleTestOutcome o = byName.get("a window too short for the ports");
        assertThat(o.status()).isEqualTo(RuleTestOutcome.Status.FAILED);
        assertThat(o.message()).startsWith("expected 1 alert, got 0\n");
        assertThat(o.message()).contains("3 of the test's 3 events passed the match condition (#1, #2, #3)")
                .contains("no group (source.ip) reached having ports >= 3 within 1m");
    }

    @Test
    void too_many_alerts_are_listed_with_their_time_and_event() {
        RuleTestOutcome o = byName.get("two telnet sessions");
        assertThat(o.status()).isEqualTo(RuleTestOutcome.Status.FAILED);
        assertThat(o.message()).isEqualTo("""
                expected 1 alert, got 2
                alerts raised:
                  2024-05-01T10:00:00.000Z (event #1)
                  2024-05-01T10:01:00.000Z (event #2)""");
    }

    @Test
    void a_sequence_failure_counts_the_matches_per_step() {
        RuleTestOutcome o = byName.get("RPC first");
        assertThat(o.message()).contains("step 1 matched 1 (#2); step 2 matched 1 (#1) of the test's 2 events")
                .contains("the last at most 5m after the first");
    }

    @Test
    void a_disabled_rule_is_skipped_with_the_reason() {
        assertThat(byName.get("never runs").status()).isEqualTo(RuleTestOutcome.Status.SKIPPED);
        assertThat(byName.get("never runs").message()).isEqualTo("the rule is disabled (enabled: false)");
        assertThat(byName.get("ssh is not telnet").status()).isEqualTo(RuleTestOutcome.Status.PASSED);
    }

    @Test
    void a_fixture_gone_since_the_rules_were_checked_is_skipped_with_its_path(@TempDir Path dir) throws IOException {
        Path fixture = dir.resolve("sample.events.jsonl");
        Files.copy(Path.of("rules/src/test/resources/ruletest/fixtures/scan.events.jsonl"), fixture);
        Path det = dir.resolve("gone.det");
        Files.writeString(det, """
                rule refused {
                  title: "Refused"
                  techniques: [T1046]
                  severity: low
                  match flow where flow.state == "REJ"
                  test "from a sample" expect 2 from "sample.events.jsonl"
                }
                """);
        CompileResult r = DetectionCompiler.compile(List.of(RuleSource.read(det)), AttackCatalog.embeddedDs0029(),
                CompileOptions.defaults());
        RuleTestRunner runner = new RuleTestRunner(r.ruleSet().orElseThrow(), new JsonLinesFixtures()).kjarCache(null);
        assertThat(runner.runAll()).singleElement().extracting(RuleTestOutcome::status)
                .isEqualTo(RuleTestOutcome.Status.PASSED);

        Files.delete(fixture);

        RuleTestOutcome o = runner.runAll().get(0);
        assertThat(o.status()).isEqualTo(RuleTestOutcome.Status.SKIPPED);
        assertThat(o.message()).startsWith("fixture not found: ").endsWith("sample.events.jsonl");
    }

    @Test
    void a_fixture_line_that_is_not_an_event_fails_the_test_with_file_and_line(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.events.jsonl"), """
                {"type":"flow","ts":"2024-05-01T10:00:00Z","source.ip":"10.0.0.9","flow.state":"REJ"}
                {"type":"flow","ts":
                """);
        Path det = dir.resolve("bad.det");
        Files.writeString(det, """
                rule refused {
                  title: "Refused"
                  techniques: [T1046]
                  severity: low
                  match flow where flow.state == "REJ"
                  test "from a broken sample" expect 1 from "bad.events.jsonl"
                }
                """);
        CompileResult r = DetectionCompiler.compile(List.of(RuleSource.read(det)), AttackCatalog.embeddedDs0029(),
                CompileOptions.defaults());

        RuleTestOutcome o = new RuleTestRunner(r.ruleSet().orElseThrow(), new JsonLinesFixtures()).kjarCache(null).runAll().get(0);

        assertThat(o.status()).isEqualTo(RuleTestOutcome.Status.FAILED);
        assertThat(o.message()).startsWith("cannot read the test's events: ").contains("bad.events.jsonl:2: not an event");
    }

    @Test
    void the_junit_xml_parses_and_counts_per_rule() throws Exception {
        StringWriter xml = new StringWriter();
        JUnitXmlWriter.write(outcomes, xml);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml.toString())));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(4);
        Element fewPorts = (Element) suites.item(0);
        assertThat(fewPorts.getAttribute("name")).isEqualTo("few_ports");
        assertThat(fewPorts.getAttribute("tests")).isEqualTo("2");
        assertThat(fewPorts.getAttribute("failures")).isEqualTo("1");
        assertThat(fewPorts.getAttribute("skipped")).isEqualTo("0");
        assertThat(Double.parseDouble(fewPorts.getAttribute("time"))).isGreaterThanOrEqualTo(0);
        NodeList cases = fewPorts.getElementsByTagName("testcase");
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("classname")).isEqualTo("few_ports");
        assertThat(failed.getAttribute("name")).isEqualTo("a window too short for the ports");
        assertThat(failed.getAttribute("file")).endsWith("ruletest/tests.det");
        assertThat(failed.getAttribute("line")).isEqualTo("10");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected 1 alert, got 0");
        assertThat(failure.getTextContent()).contains("passed the match condition");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element retired = (Element) suites.item(3);
        assertThat(retired.getAttribute("skipped")).isEqualTo("1");
        Element skipped = (Element) retired.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("the rule is disabled (enabled: false)");
    }

    @Test
    void control_characters_never_reach_the_xml() {
        assertThat(JUnitXmlWriter.clean("a\u0000b\u001bc\td\n")).isEqualTo("a?b?c\td\n");
        assertThat(JUnitXmlWriter.clean("\ud800x")).isEqualTo("?x");
    }
}
