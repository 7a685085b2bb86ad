package io.dscover.coverage.report;

import java.util.List;
import java.util.Locale;

/**
 * An ATT&amp;CK v18+ detection strategy of an entry, with each analytic and whether the telemetry supplies
 * the log sources it reads.
 */
public record StrategyView(String id, String name, List<AnalyticView> analytics) {

    public StrategyView {
        analytics = List.copyOf(analytics);
    }

    /** How much of what an analytic reads the telemetry supplies. */
    public enum Supply {
        /** Every log source it reads is one the profile's collectors deliver. */
        COLLECTED,
        /** Some of its log sources are. */
        PARTLY,
        /** None of its log sources is collected, but a DS0029 component it reads is supplied (by other logs). */
        COMPONENT,
        /** Nothing it reads is supplied. */
        NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An analytic ({@code AN####}) and its log sources. */
    public record AnalyticView(String id, List<String> platforms, List<LogSourceView> logSources, Supply supply) {
        public AnalyticView {
            platforms = List.copyOf(platforms);
            logSources = List.copyOf(logSources);
        }
    }

    /**
     * One log source reference of an analytic.
     *
     * @param dataComponent the data component's name (DS0029 or another)
     * @param ds0029        whether the component is one of DS0029's three
     * @param name          e.g. {@code NSM:Flow}
     * @param channel       e.g. {@code conn.log}
     * @param collectedBy   the profile's sources that deliver this log source (empty when none does)
     * @param componentSupplied whether the telemetry supplies its component at all
     */
    public record LogSourceView(String dataComponent, boolean ds0029, String name, String channel,
            List<String> collectedBy, boolean componentSupplied) {
        public LogSourceView {
            collectedBy = List.copyOf(collectedBy);
        }
    }

    public long analyticsCollected() {
        return analytics.stream().filter(a -> a.supply() == Supply.COLLECTED || a.supply() == Supply.PARTLY).count();
    }
}
