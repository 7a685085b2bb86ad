package io.dscover.coverage.ruletest;

/**
 * The result of one rule test.
 *
 * @param rule    the rule id (the test case's {@code classname})
 * @param test    the test's name, as written in the rule
 * @param result  passed, failed or skipped
 * @param message the failure or skip message; empty when it passed
 * @param source  the results file it was read from
 */
public record TestOutcome(String rule, String test, Result result, String message, String source) {

    /** What happened to a test. */
    public enum Result {
        PASSED, FAILED, SKIPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
