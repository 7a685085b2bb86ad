package io.dscover.rules.alert;

import java.util.Locale;

/** Which rule construct raised an alert. */
public enum AlertKind {
    /** A per-event rule: one alert per matching event. */
    MATCH,
    /** An {@code aggregate ... within W having C} rule: C became true for a group. */
    AGGREGATE,
    /** A {@code sequence} rule: all steps seen in order, same key, within the duration. */
    SEQUENCE,
    /** A {@code beacon} rule: the pair's callbacks scored at or above the threshold. */
    BEACON,
    /** A {@code beacon} rule's pair connected so often it is reported as a strobe, not scored. */
    STROBE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
