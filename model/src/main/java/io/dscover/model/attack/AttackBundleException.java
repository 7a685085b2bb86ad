package io.dscover.model.attack;

/**
 * An ATT&amp;CK bundle could not be loaded: the file is missing or unreadable, not JSON, not a STIX
 * bundle, truncated, or holds no ATT&amp;CK techniques. The message is one line a user can act on,
 * and names the file.
 */
public final class AttackBundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AttackBundleException(String message) {
        super(message);
    }

    public AttackBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
