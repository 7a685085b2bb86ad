package io.dscover.dsl.spec;

import io.dscover.dsl.source.SourceSpan;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventTypeDef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about one compiled rule except its DRL.
 *
 * @param id             the rule id (alerts, tunable overrides and coverage refer to it)
 * @param title          one line
 * @param severity       info..critical
 * @param techniques     ATT&amp;CK technique IDs, as written
 * @param description    may be empty
 * @param status         default experimental
 * @param enabled        disabled rules are described here but not in the DRL
 * @param tags           as written
 * @param references     as written
 * @param falsepositives as written
 * @param eventType      the event type it matches (a sequence: its first step's)
 * @param eventTypes     every event type it matches (a sequence: each step's, in order, no duplicates)
 * @param components     the DS0029 components its events can be evidence of
 * @param location       where the rule is written (file and line of {@code rule ID})
 * @param tunables       its tunables, with values in effect
 * @param stateful       the window clause; empty for a per-event rule (one alert per matching event)
 * @param suppress       the {@code suppress} clause, for any kind of rule
 * @param drlRuleNames   the DRL rules it became (empty when disabled)
 * @param tests          its test blocks
 */
public record RuleSpec(String id, String title, RuleSeverity severity, List<String> techniques, String description,
        RuleStatus status, boolean enabled, List<String> tags, List<String> references, List<String> falsepositives,
        EventTypeDef eventType, List<EventTypeDef> eventTypes, Set<DataComponent> components, SourceSpan location,
        List<TunableValue> tunables, Optional<StatefulSpec> stateful, Optional<SuppressSpec> suppress,
        List<String> drlRuleNames, List<TestSpec> tests) {

    public RuleSpec {
        techniques = List.copyOf(techniques);
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        falsepositives = List.copyOf(falsepositives);
        eventTypes = List.copyOf(eventTypes);
        components = Set.copyOf(components);
        tunables = List.copyOf(tunables);
        drlRuleNames = List.copyOf(drlRuleNames);
        tests = List.copyOf(tests);
    }

    /** {@code file:line}. */
    public String sourceLine() {
        return location.source().name() + ":" + location.line();
    }

    /** {@code aggregate}, {@code sequence}, {@code beacon}, or {@code event} for per-event rules. */
    public String kind() {
        return stateful.map(s -> s instanceof AggregateSpec ? "aggregate" : s instanceof SequenceSpec ? "sequence" : "beacon")
                .orElse("event");
    }
}
