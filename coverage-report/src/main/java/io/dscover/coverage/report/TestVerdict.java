package io.dscover.coverage.report;

import java.util.List;
import java.util.Locale;

/**
 * What a rule's test results prove.
 *
 * @param status the verdict
 * @param tests  one line per test the rule declares (in rule order), then results for tests it no
 *               longer declares
 */
public record TestVerdict(Status status, List<TestLine> tests) {

    public TestVerdict {
        tests = List.copyOf(tests);
    }

    /** The verdict over a rule's tests. */
    public enum Status {
        /** Every test the rule declares has a result, and all passed. */
        VALIDATED,
        /** At least one test failed. */
        FAILING,
        /** None failed, but some were skipped or have no result. */
        INCOMPLETE,
        /** No results for this rule were given. */
        NOT_RUN,
        /** The rule declares no tests. */
        NO_TESTS;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One test.
     *
     * @param name     as written in the rule
     * @param result   {@code passed}, {@code failed}, {@code skipped}, or {@code not-run} (no result given)
     * @param message  failure or skip message
     * @param declared whether the rule (still) declares this test
     */
    public record TestLine(String name, String result, String message, boolean declared) {
    }

    public long count(String result) {
        return tests.stream().filter(t -> t.declared() && t.result().equals(result)).count();
    }

    public long declared() {
        return tests.stream().filter(TestLine::declared).count();
    }
}
