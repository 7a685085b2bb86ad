package io.dscover.model.stix;

import java.io.IOException;

/** The input is not a readable STIX bundle: not JSON, not a bundle, truncated, or an object of a known type is malformed. */
public final class StixFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public StixFormatException(String message) {
        super(message);
    }

    public StixFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
