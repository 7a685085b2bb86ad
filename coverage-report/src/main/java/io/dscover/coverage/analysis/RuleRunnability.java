package io.dscover.coverage.analysis;

import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.TestVerdict;
import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.coverage.telemetry.SourceParts;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.coverage.telemetry.TelemetrySource;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventTypeDef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a rule can run on a telemetry profile. It can when it is enabled and, for every event type it
 * matches (each step of a sequence), some source delivers that event type carrying a component the rule's
 * events can be evidence of: a {@code dns} rule runs on Zeek's dns log (flow evidence) as on a pcap's DNS
 * (content evidence); a rule over {@code connection} events needs a source that supplies Network
 * Connection Creation.
 */
final class RuleRunnability {

    private RuleRunnability() {
    }

    static RuleAssessment assess(RuleSpec rule, TelemetryProfile profile, List<CollectorCapability> capabilities,
            TestVerdict verdict) {
        Set<DataComponent> runsOn = EnumSet.noneOf(DataComponent.class);
        Set<String> suppliedBy = new LinkedHashSet<>();
        List<RuleAssessment.MissingEvents> missing = new ArrayList<>();
        for (EventTypeDef type : rule.eventTypes()) {
            boolean supplied = false;
            for (TelemetrySource s : profile.sources()) {
                Set<DataComponent> carried = EnumSet.noneOf(DataComponent.class);
                carried.addAll(s.components(type.name()));
                carried.retainAll(rule.components());
                if (!carried.isEmpty()) {
                    supplied = true;
                    runsOn.addAll(carried);
                    suppliedBy.add(s.label());
                }
            }
            if (!supplied) {
                missing.add(new RuleAssessment.MissingEvents(type.name(), wouldSupply(type, rule.components(), capabilities)));
            }
        }
        boolean canRun = rule.enabled() && missing.isEmpty();
        return new RuleAssessment(rule.id(), rule.title(), rule.severity().label(), rule.status().label(), rule.enabled(),
                rule.kind(), rule.sourceLine(), rule.techniques(), rule.eventTypes().stream().map(EventTypeDef::name).toList(),
                rule.components(), canRun, canRun ? runsOn : Set.of(), canRun ? List.copyOf(suppliedBy) : List.of(),
                missing, verdict);
    }

    /** The collectors (and, where the input has parts, the part to choose) that deliver this event type. */
    static List<String> wouldSupply(EventTypeDef type, Set<DataComponent> ruleComponents,
            List<CollectorCapability> capabilities) {
        List<String> out = new ArrayList<>();
        for (CollectorCapability c : capabilities) {
            if (!c.telemetrySource() || !c.eventTypes().contains(type.name())) {
                continue;
            }
            Set<DataComponent> carried = EnumSet.noneOf(DataComponent.class);
            carried.addAll(type.components());
            carried.retainAll(c.components());
            carried.retainAll(ruleComponents);
            if (carried.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            SourceParts.of(c.name()).ifPresent(p -> {
                for (Map.Entry<String, Set<String>> e : p.parts().entrySet()) {
                    if (e.getValue().contains(type.name())) {
                        parts.add(e.getKey());
                    }
                }
            });
            String key = SourceParts.of(c.name()).map(SourceParts::key).orElse("");
            out.add(parts.isEmpty() || parts.size() == SourceParts.of(c.name()).map(p -> p.parts().size()).orElse(0)
                    ? c.name() : c.name() + " " + key + ": " + String.join(", ", parts));
        }
        return out;
    }
}
