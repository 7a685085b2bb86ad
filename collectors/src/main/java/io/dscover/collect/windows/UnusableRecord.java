package io.dscover.collect.windows;

/** A network-connection record that cannot become an event: a stable reason for the ledger and the detail. */
final class UnusableRecord extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    UnusableRecord(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static UnusableRecord missing(String field) {
        return new UnusableRecord("missing field", field);
    }

    static UnusableRecord invalid(String field, String value) {
        String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return new UnusableRecord("invalid field", field + ": '" + v + "'");
    }
}
