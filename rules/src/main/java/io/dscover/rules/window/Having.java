package io.dscover.rules.window;

import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * An aggregate's {@code having} condition: a test of the window's value and its text for alerts and
 * messages. The DSL's compiled condition plugs in as the predicate.
 */
public record Having(String text, DoublePredicate test) {

    public Having {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(test, "test");
    }

    public static Having of(String text, DoublePredicate test) {
        return new Having(text, test);
    }

    /** {@code value >= threshold}. */
    public static Having atLeast(double threshold) {
        return new Having(">= " + number(threshold), v -> v >= threshold);
    }

    /** {@code value > threshold}. */
    public static Having above(double threshold) {
        return new Having("> " + number(threshold), v -> v > threshold);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
