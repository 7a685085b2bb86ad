package io.dscover.rules.window;

/** The functions an {@code aggregate} clause can compute over its window. */
public enum AggregateFunction {
    /** Events in the window. */
    COUNT("count", false),
    /** Distinct non-null values of the field in the window. */
    COUNT_DISTINCT("count", true),
    /** Sum of the field's numeric values in the window. */
    SUM("sum", true),
    /** Smallest numeric value of the field in the window. */
    MIN("min", true),
    /** Largest numeric value of the field in the window. */
    MAX("max", true),
    /** Mean of the field's numeric values in the window. */
    AVG("avg", true);

    private final String name;
    private final boolean needsField;

    AggregateFunction(String name, boolean needsField) {
        this.name = name;
        this.needsField = needsField;
    }

    public boolean needsField() {
        return needsField;
    }

    /** Whether the function reads numbers (events whose value is unset or not a number are ignored). */
    public boolean numeric() {
        return this == SUM || this == MIN || this == MAX || this == AVG;
    }

    /** The function as the language writes it, e.g. {@code count(distinct destination.port)}. */
    public String describe(String field) {
        return switch (this) {
            case COUNT -> "count()";
            case COUNT_DISTINCT -> "count(distinct " + field + ")";
            default -> name + "(" + field + ")";
        };
    }
}
