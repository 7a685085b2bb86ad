package io.dscover.rules.ruletest;

import java.util.Objects;

/**
 * The result of one {@code test} block.
 *
 * @param ruleId   the rule
 * @param test     the test's name as written
 * @param location where the test is written ({@code file:line})
 * @param status   passed, failed or skipped
 * @param message  why it failed or was skipped (one or more lines); empty when it passed
 * @param alerts   alerts the rule raised on the test's events (0 when skipped)
 * @param nanos    time the test took
 */
public record RuleTestOutcome(String ruleId, String test, String location, Status status, String message, long alerts,
                              long nanos) {

    /** What happened to a test. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    public RuleTestOutcome {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(status, "status");
        location = location == null ? "" : location;
        message = message == null ? "" : message;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
