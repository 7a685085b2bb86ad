package io.dscover.rules.alert;

import java.util.Locale;
import java.util.Optional;

/** How urgent a rule's alerts are, as detection engineers rank them. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name rules and alerts use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
