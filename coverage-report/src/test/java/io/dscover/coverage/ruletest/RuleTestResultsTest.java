package io.dscover.coverage.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTestResultsTest {

    @Test
    void resultsMadeInMemoryReadLikeAFilesAndTheLastResultOfATestCounts() {
        RuleTestResults r = RuleTestResults.of("rules test (in process)", List.of(
                new TestOutcome("port_scan", "100 refused ports", TestOutcome.Result.FAILED, "expected 1, got 0", "run 1"),
                new TestOutcome("port_scan", "100 refused ports", TestOutcome.Result.PASSED, "", "run 2")));
        assertThat(r.sources()).containsExactly("rules test (in process)");
        assertThat(r.of("port_scan")).hasSize(1);
        assertThat(r.of("port_scan").get("100 refused ports").result()).isEqualTo(TestOutcome.Result.PASSED);
        assertThat(r.notes()).containsExactly("rule port_scan test \"100 refused ports\": the result in run 2 replaces the one in run 1");
        assertThat(RuleTestResults.none().isEmpty()).isTrue();
    }
}
