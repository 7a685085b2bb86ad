package io.dscover.model.attack;

import java.util.List;

/**
 * An ATT&amp;CK v18+ detection strategy ({@code DET####}) for one technique, with its analytics.
 *
 * @param id          {@code DET0001}
 * @param techniqueId the technique its {@code detects} relationship points to
 */
public record DetectionStrategy(String id, String name, String techniqueId, List<Analytic> analytics) {

    public DetectionStrategy {
        analytics = List.copyOf(analytics);
    }

    /**
     * An analytic ({@code AN####}): platforms, the log sources it reads (data component + name/channel),
     * and its mutable elements (the tunable knobs ATT&amp;CK names, e.g. time windows and thresholds).
     */
    public record Analytic(String id, List<String> platforms, List<LogSource> logSources,
            List<MutableElement> mutableElements) {
        public Analytic {
            platforms = List.copyOf(platforms);
            logSources = List.copyOf(logSources);
            mutableElements = List.copyOf(mutableElements);
        }
    }

    /**
     * A log source reference of an analytic.
     *
     * @param dataComponentId the STIX id of the data component
     * @param component       the DS0029 component it is, or {@code null} for a component outside DS0029
     */
    public record LogSource(String dataComponentId, String dataComponentName,
            io.dscover.model.event.DataComponent component, String name, String channel) {
    }

    /** A tunable element of an analytic: the field and what it controls. */
    public record MutableElement(String field, String description) {
    }
}
