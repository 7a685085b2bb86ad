package io.dscover.coverage.report;

import io.dscover.model.event.DataComponent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What changes between the legacy DS0029 view (data components {@code detects} techniques, as ATT&amp;CK
 * v10.1 published it) and the v18+ view (components reached through analytics and detection strategies),
 * for the same rules and telemetry.
 *
 * @param legacyAttack  e.g. "ATT&amp;CK 10.1 (embedded DS0029 model)"
 * @param attack        e.g. "ATT&amp;CK 18.1 (enterprise-attack-v18.1.json.gz)"
 * @param legacySummary the legacy view's totals
 * @param gained        entries only the v18 view has
 * @param lost          entries only the legacy view has
 * @param changed       entries both have whose components or level differ
 */
public record ModelDiff(String legacyAttack, String attack, Totals.Summary legacySummary, List<Change> gained,
        List<Change> lost, List<Change> changed) {

    public ModelDiff {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        changed = List.copyOf(changed);
    }

    /** One entry in either view; a side it is missing from has no level and no components. */
    public record Change(String id, String name, Optional<Level> legacyLevel, Optional<Level> level,
            Set<DataComponent> legacyComponents, Set<DataComponent> components) {
        public Change {
            legacyComponents = ComponentSets.copy(legacyComponents);
            components = ComponentSets.copy(components);
        }
    }
}
