package io.dscover.model.event;

/**
 * The value types of schema fields. Integers, times and durations are {@code Long}
 * (times in nanoseconds since the epoch, durations in nanoseconds); IP addresses are
 * canonical text (dotted quad, RFC 5952 for IPv6) so equality with a literal is a string compare.
 */
public enum FieldType {
    STRING("string"),
    INT("int"),
    DECIMAL("decimal"),
    BOOL("bool"),
    IP("ip"),
    TIME("time"),
    DURATION("duration"),
    STRING_LIST("list<string>"),
    INT_LIST("list<int>");

    private final String displayName;

    FieldType(String displayName) {
        this.displayName = displayName;
    }

    /** The name the docs, diagnostics and {@code dscover schema} use. */
    public String displayName() {
        return displayName;
    }

    public boolean isList() {
        return this == STRING_LIST || this == INT_LIST;
    }

    /** Integer-valued on the Java side (ints, times, durations). */
    public boolean isInteger() {
        return this == INT || this == TIME || this == DURATION;
    }

    public boolean isNumeric() {
        return isInteger() || this == DECIMAL;
    }

    /** Text-valued on the Java side. */
    public boolean isText() {
        return this == STRING || this == IP;
    }
}
