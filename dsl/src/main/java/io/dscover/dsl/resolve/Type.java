package io.dscover.dsl.resolve;

import io.dscover.model.event.FieldType;

/** The value type of a term: the schema's field types plus the literal-only network and set types. */
public enum Type {
    STRING("string"), INT("int"), DECIMAL("decimal"), BOOL("bool"), IP("ip"), TIME("time"), DURATION("duration"),
    STRING_LIST("list<string>"), INT_LIST("list<int>"),
    /** A network literal such as 10.0.0.0/8 (only as a set member). */
    CIDR("cidr"),
    /** A set of IPs and networks (list of IP/CIDR literals). */
    IP_SET("list of IPs/CIDRs"),
    /** A set of integers and ranges. */
    INT_SET("list of ints"),
    /** A set of strings. */
    STRING_SET("list of strings"),
    /** A set of decimals. */
    DECIMAL_SET("list of decimals"),
    /** A set of durations. */
    DURATION_SET("list of durations"),
    /** An empty list literal. */
    EMPTY_SET("empty list");

    private final String display;

    Type(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public static Type of(FieldType t) {
        return switch (t) {
            case STRING -> STRING;
            case INT -> INT;
            case DECIMAL -> DECIMAL;
            case BOOL -> BOOL;
            case IP -> IP;
            case TIME -> TIME;
            case DURATION -> DURATION;
            case STRING_LIST -> STRING_LIST;
            case INT_LIST -> INT_LIST;
        };
    }

    public boolean isSet() {
        return this == IP_SET || this == INT_SET || this == STRING_SET || this == DECIMAL_SET || this == DURATION_SET
                || this == EMPTY_SET;
    }

    public boolean isNumeric() {
        return this == INT || this == DECIMAL;
    }

    public boolean isListField() {
        return this == STRING_LIST || this == INT_LIST;
    }
}
