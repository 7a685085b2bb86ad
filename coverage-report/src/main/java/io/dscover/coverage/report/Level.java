package io.dscover.coverage.report;

import java.util.Locale;

/** How well a technique entry is covered; a Navigator layer's score is the level's number. */
public enum Level {
    /** The telemetry supplies none of the components ATT&amp;CK detects it through. */
    NONE,
    /** The telemetry supplies a component that detects it, but no enabled rule for it can run. */
    VISIBLE,
    /** An enabled rule mapped to it can run on the telemetry. */
    DETECTED,
    /** Such a rule's tests all passed. */
    VALIDATED;

    /** 0..3. */
    public int score() {
        return ordinal();
    }

    /** {@code none}, {@code visible}, {@code detected}, {@code validated}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level ofScore(int score) {
        return values()[score];
    }

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }

    public static Level parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
