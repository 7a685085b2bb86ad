package io.dscover.coverage.report;

import io.dscover.model.event.DataComponent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One technique entry: a technique or sub-technique that a DS0029 component detects per ATT&amp;CK.
 *
 * @param id                 {@code T1071.004}
 * @param name               its own name ("DNS")
 * @param fullName           "Application Layer Protocol: DNS"
 * @param parentId           the parent technique's ID for a sub-technique, empty for a parent
 * @param tactics            tactic shortnames in kill-chain order
 * @param attackComponents   the DS0029 components ATT&amp;CK says detect it
 * @param suppliedComponents those of them the telemetry supplies
 * @param level              its level
 * @param reasons            why, most important first
 * @param rules              the rules mapped to it
 * @param subtechniques      for a parent with sub-technique entries: their aggregate, labelled as such
 * @param strategies         v18+ catalogs: its detection strategies and analytics; empty otherwise
 */
public record Entry(String id, String name, String fullName, Optional<String> parentId, List<String> tactics,
        Set<DataComponent> attackComponents, Set<DataComponent> suppliedComponents, Level level, List<Reason> reasons,
        List<EntryRule> rules, Optional<SubtechniqueAggregate> subtechniques, List<StrategyView> strategies) {

    public Entry {
        tactics = List.copyOf(tactics);
        attackComponents = ComponentSets.copy(attackComponents);
        suppliedComponents = ComponentSets.copy(suppliedComponents);
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
        strategies = List.copyOf(strategies);
    }

    public boolean isSubtechnique() {
        return parentId.isPresent();
    }

    /**
     * A rule mapped to the entry and what it does for it.
     *
     * @param rule      rule id
     * @param runs      enabled and can run on the telemetry
     * @param validated runs, and its tests all passed
     * @param via       the components it runs on that ATT&amp;CK lists for this entry (may be empty: the rule
     *                  then detects through a component ATT&amp;CK does not name for it)
     */
    public record EntryRule(String rule, boolean runs, boolean validated, Set<DataComponent> via) {
        public EntryRule {
            via = ComponentSets.copy(via);
        }
    }
}
