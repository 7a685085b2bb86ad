package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.coverage.ruletest.JUnitXmlReader;
import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.ruletest.TestOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dscover rules test}: pass/fail per test with reasons, JUnit XML that the coverage report reads. */
class RulesTestCommandTest {

    @Test
    void the_built_in_library_passes_and_coverage_reads_its_junit_results(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("rule-tests.xml");
        CommandRun r = CommandRun.of("rules", "test", "--junit", junit.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  port_scan: 100 refused ports in 10 seconds  (rules/scan.det:")
                .containsPattern("\\d+ tests: \\d+ passed, 0 failed, 0 skipped");
        assertThat(r.out()).doesNotContain("FAIL");

        RuleTestResults results = JUnitXmlReader.read(junit);
        long printed = r.lines().stream().filter(l -> l.startsWith("PASS")).count();
        assertThat(results.size()).isEqualTo((int) printed);
        assertThat(results.of("port_scan")).containsKey("100 refused ports in 10 seconds");
        assertThat(results.rules()).allSatisfy(rule -> assertThat(results.of(rule).values())
                .allMatch(o -> o.result() == TestOutcome.Result.PASSED));

        CommandRun coverage = CommandRun.of("coverage", "--test-results", junit.toString());
        assertThat(coverage.exitCode()).as(coverage.err()).isZero();
    }

    @Test
    void a_failing_test_says_why_exits_1_and_is_a_failure_in_the_junit_xml(@TempDir Path dir) throws Exception {
        Path det = dir.resolve("dns.det");
        Files.writeString(det, """
                rule big_dns_answers {
                  title: "Large DNS volume from one host"
                  techniques: [T1048.003]
                  severity: medium
                  match dns where dns.question.type == "TXT"
                  aggregate count() by source.ip within 1m having count >= 3

                  test "three TXT queries in a minute" expect 1 {
                    dns * 3 every 31s { ts: "2024-05-01T10:00:00Z", source.ip: 10.0.0.5, dns.question.name: "a.example",
                                        dns.question.type: "TXT" }
                  }
                  test "A queries do not count" expect 0 {
                    dns * 5 every 1s { ts: "2024-05-01T10:00:00Z", source.ip: 10.0.0.5, dns.question.name: "a.example",
                                       dns.question.type: "A" }
                  }
                }
                """);
        Path junit = dir.resolve("results.xml");
        CommandRun r = CommandRun.of("rules", "test", det.toString(), "--junit", junit.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  big_dns_answers: three TXT queries in a minute  (" + det + ":8)")
                .contains("      expected 1 alert, got 0")
                .contains("      3 of the test's 3 events passed the match condition (#1, #2, #3), but no group "
                        + "(source.ip) reached having count >= 3 within 1m")
                .contains("PASS  big_dns_answers: A queries do not count")
                .contains("2 tests: 1 passed, 1 failed, 0 skipped");

        RuleTestResults results = JUnitXmlReader.read(junit);
        TestOutcome failed = results.of("big_dns_answers").get("three TXT queries in a minute");
        assertThat(failed.result()).isEqualTo(TestOutcome.Result.FAILED);
        assertThat(failed.message()).startsWith("expected 1 alert, got 0");
        assertThat(results.of("big_dns_answers").get("A queries do not count").result())
                .isEqualTo(TestOutcome.Result.PASSED);
    }

    @Test
    void fixtures_of_any_format_are_read_by_their_collector(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("samples"));
        Files.copy(Path.of(CollectRunJsonTest.DEMO + "hq-lan.pcap"), dir.resolve("samples/hq-lan.pcap"));
        Path det = dir.resolve("any.det");
        Files.writeString(det, """
                rule any_flow {
                  title: "Any flow"
                  techniques: [T1046]
                  severity: info
                  match flow where exists(source.ip)
                  test "the capture has flows" expect >= 1 from "samples/hq-lan.pcap"
                  test "but not a million" expect < 1000000 from "samples/hq-lan.pcap"
                }
                """);
        CommandRun r = CommandRun.of("rules", "test", det.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("2 tests: 2 passed, 0 failed, 0 skipped");
    }

    @Test
    void rules_with_errors_exit_2_with_diagnostics(@TempDir Path dir) throws Exception {
        Path det = dir.resolve("bad.det");
        Files.writeString(det, "rule x { title: \"x\" severity: high match flow where nope == 1 }\n");
        CommandRun r = CommandRun.of("rules", "test", det.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.det:1:").contains("error:").doesNotContain("\tat ");
    }
}
