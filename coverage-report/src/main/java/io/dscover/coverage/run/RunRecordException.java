package io.dscover.coverage.run;

/** A run record that cannot be read: the message names the file and what is wrong with it. */
public final class RunRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunRecordException(String message) {
        super(message);
    }

    public RunRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
