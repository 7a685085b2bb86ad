package io.dscover.collect.cloud.findings;

import java.util.List;

/**
 * The audit section that comes from the detection rules, grouped by ATT&amp;CK technique. The rules
 * engine lives in another module, so the command that runs an audit fills this in from the
 * engine's alerts; this package only renders it. {@link #unavailable} is the section's text while
 * no engine is wired in.
 *
 * @param available whether rules ran
 * @param note      one line about the rules run (or why none ran)
 */
public record RuleAlerts(boolean available, String note, List<TechniqueAlerts> byTechnique) {

    public RuleAlerts {
        byTechnique = List.copyOf(byTechnique);
    }

    /** Alerts of one technique: how many, from which rules, and a few examples (one line each). */
    public record TechniqueAlerts(String techniqueId, String techniqueName, long alerts, List<String> rules,
            List<String> examples) {
        public TechniqueAlerts {
            rules = List.copyOf(rules);
            examples = List.copyOf(examples);
        }
    }

    public static RuleAlerts unavailable(String note) {
        return new RuleAlerts(false, note, List.of());
    }
}
