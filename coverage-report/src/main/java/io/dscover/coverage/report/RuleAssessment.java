package io.dscover.coverage.report;

import io.dscover.model.event.DataComponent;
import java.util.List;
import java.util.Set;

/**
 * One rule as coverage sees it: what it is, whether it can run on the telemetry, and what its tests prove.
 *
 * @param id          rule id
 * @param title       one line
 * @param severity    info..critical
 * @param status      experimental, test, stable, deprecated
 * @param enabled     a disabled rule never runs
 * @param kind        event, aggregate, sequence or beacon
 * @param source      {@code file:line}
 * @param techniques  as written in the rule
 * @param eventTypes  the event types it matches
 * @param components  the DS0029 components its events can be evidence of
 * @param canRun      enabled, and every event type it matches is supplied with a component it can carry
 * @param runsOn      the components its events carry in this telemetry (empty when it cannot run)
 * @param suppliedBy  the sources that deliver its events, by label
 * @param missing     event types no source supplies, each with the collectors that would
 * @param tests       what its test results prove
 */
public record RuleAssessment(String id, String title, String severity, String status, boolean enabled, String kind,
        String source, List<String> techniques, List<String> eventTypes, Set<DataComponent> components, boolean canRun,
        Set<DataComponent> runsOn, List<String> suppliedBy, List<MissingEvents> missing, TestVerdict tests) {

    public RuleAssessment {
        techniques = List.copyOf(techniques);
        eventTypes = List.copyOf(eventTypes);
        components = ComponentSets.copy(components);
        runsOn = ComponentSets.copy(runsOn);
        suppliedBy = List.copyOf(suppliedBy);
        missing = List.copyOf(missing);
    }

    /**
     * An event type a rule needs that the telemetry does not supply.
     *
     * @param eventType   e.g. {@code dns}
     * @param wouldSupply collectors (with the log or event to choose, where that applies) that would
     */
    public record MissingEvents(String eventType, List<String> wouldSupply) {
        public MissingEvents {
            wouldSupply = List.copyOf(wouldSupply);
        }
    }

    public boolean validated() {
        return tests.status() == TestVerdict.Status.VALIDATED;
    }

    /** "needs dns events (pcap, zeek logs: dns would supply them)"; empty when it can run. */
    public String whyNot() {
        if (!enabled) {
            return "disabled";
        }
        StringBuilder sb = new StringBuilder();
        for (MissingEvents m : missing) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append("needs ").append(m.eventType()).append(" events, which no source in the profile supplies");
            if (!m.wouldSupply().isEmpty()) {
                sb.append(" (").append(String.join(", ", m.wouldSupply())).append(" would)");
            }
        }
        return sb.toString();
    }
}
