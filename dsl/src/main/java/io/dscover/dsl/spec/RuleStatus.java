package io.dscover.dsl.spec;

import java.util.Locale;

/** {@code status:} of a rule (default {@code experimental}). */
public enum RuleStatus {
    EXPERIMENTAL, TEST, STABLE, DEPRECATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
