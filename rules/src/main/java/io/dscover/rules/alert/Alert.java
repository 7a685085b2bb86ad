package io.dscover.rules.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One detection: which rule fired, when (event time), on what, and the pointers back to the raw
 * records. Immutable; maps keep their insertion order so the JSON form is byte-for-byte stable.
 *
 * @param tsNanos          event time of the event that raised it (nanoseconds since the epoch)
 * @param tsPrecision      fraction digits to print {@code ts} and the window with (the input's precision)
 * @param component        the DS0029 data component of that event, e.g. {@code Network Traffic Flow}
 * @param group            the group key as {@code by} field name to value, in {@code by} order; empty for
 *                         per-event rules
 * @param measure          what {@code value} is, e.g. {@code ports = count(distinct destination.port)};
 *                         null when the alert has no value
 * @param value            the aggregate value or beacon score; null when none
 * @param windowStartNanos event time of the oldest event the alert covers; null for per-event rules
 * @param windowEndNanos   event time of the event that raised it; null for per-event rules
 * @param tuple            5-tuple and Community ID of the event that raised it (fields null where absent)
 * @param evidence         input file and record of the events behind the alert, oldest first
 * @param details          construct-specific facts (beacon score parts, sequence steps), in a fixed order
 */
public record Alert(long tsNanos, int tsPrecision, RuleInfo rule, AlertKind kind, String component,
                    Map<String, Object> group, String measure, Number value, Long windowStartNanos,
                    Long windowEndNanos, FlowTuple tuple, List<Evidence> evidence, Map<String, Object> details) {

    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        group = ordered(group);
        details = ordered(details);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    private static Map<String, Object> ordered(Map<String, Object> m) {
        // Map.copyOf neither keeps order nor allows null values, and both matter here
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public String ruleId() {
        return rule.id();
    }
}
