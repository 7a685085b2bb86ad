package io.dscover.coverage.telemetry;

/** A telemetry profile that cannot be used: the message names the file, where in it, and what is wrong. */
public final class TelemetryProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    public TelemetryProfileException(String message) {
        super(message);
    }

    public TelemetryProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
