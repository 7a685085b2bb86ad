package io.dscover.coverage.ruletest;

/** A test results file that cannot be read: the message names the file, the line and the problem. */
public final class TestResultsException extends Exception {
    private static final long serialVersionUID = 1L;

    public TestResultsException(String message) {
        super(message);
    }

    public TestResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
