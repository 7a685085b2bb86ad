package io.dscover.model.event;

/** A JSON object that is not a valid event; the message names the key and the reason, for the ledger. */
public final class EventJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EventJsonException(String message) {
        super(message);
    }
}
