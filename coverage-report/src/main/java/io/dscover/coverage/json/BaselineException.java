package io.dscover.coverage.json;

/** A baseline that cannot be read: the message names the file and the problem. */
public final class BaselineException extends Exception {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
