package io.dscover.dsl.spec;

import java.util.Locale;

/** {@code severity:} of a rule, lowest first. */
public enum RuleSeverity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** As written in rules and alerts: {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleSeverity parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
