package io.dscover.coverage.analysis;

import io.dscover.coverage.report.TestVerdict;
import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.ruletest.TestOutcome;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.TestSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a rule's declared tests with the results given, by test name. A rule is validated only when
 * every test it declares has a result and all passed: a result file from an older version of the rule,
 * which lacks a newer test, does not validate it.
 */
final class TestVerdicts {

    private TestVerdicts() {
    }

    static TestVerdict of(RuleSpec rule, RuleTestResults results) {
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>(results.of(rule.id()));
        List<TestVerdict.TestLine> lines = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        for (TestSpec t : rule.tests()) {
            TestOutcome o = outcomes.remove(t.name());
            if (o == null) {
                lines.add(new TestVerdict.TestLine(t.name(), "not-run", "", true));
                continue;
            }
            lines.add(new TestVerdict.TestLine(t.name(), o.result().label(), o.message(), true));
            if (o.result() == TestOutcome.Result.PASSED) {
                passed++;
            } else if (o.result() == TestOutcome.Result.FAILED) {
                failed++;
            }
        }
        // results for tests the rule no longer declares: shown, never counted
        outcomes.values().forEach(o -> lines.add(new TestVerdict.TestLine(o.test(), o.result().label(), o.message(), false)));
        TestVerdict.Status status;
        if (rule.tests().isEmpty()) {
            status = TestVerdict.Status.NO_TESTS;
        } else if (failed > 0) {
            status = TestVerdict.Status.FAILING;
        } else if (passed == rule.tests().size()) {
            status = TestVerdict.Status.VALIDATED;
        } else if (results.of(rule.id()).isEmpty()) {
            status = TestVerdict.Status.NOT_RUN;
        } else {
            status = TestVerdict.Status.INCOMPLETE;
        }
        return new TestVerdict(status, lines);
    }
}
