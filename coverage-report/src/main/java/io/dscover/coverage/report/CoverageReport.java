package io.dscover.coverage.report;

import io.dscover.coverage.telemetry.TelemetryProfile;
import java.util.List;
import java.util.Optional;

/**
 * Everything a coverage run found; every renderer reads this and nothing else.
 *
 * @param generator        e.g. "dscover 0.1.0"
 * @param attack           the catalog the entries come from
 * @param telemetry        the telemetry profile
 * @param rulesDescription where the rules came from, e.g. "built-in rule library (5 files)"
 * @param testResults      the test result files read (empty when none were given)
 * @param summary          totals over all entries
 * @param components       per DS0029 component
 * @param tactics          per tactic, kill-chain order
 * @param entries          every technique entry, sorted by ID
 * @param rules            every rule, in source order
 * @param gaps             what to do next
 * @param modelDiff        with a v18+ catalog: the legacy-vs-v18 difference
 * @param dataQuality      with a run record: the measured data quality
 * @param notes            things a reader should know (e.g. replaced test results)
 */
public record CoverageReport(String generator, AttackInfo attack, TelemetryProfile telemetry, String rulesDescription,
        List<String> testResults, Totals.Summary summary, List<Totals.Component> components, List<Totals.Tactic> tactics,
        List<Entry> entries, List<RuleAssessment> rules, Gaps gaps, Optional<ModelDiff> modelDiff,
        Optional<DataQuality> dataQuality, List<String> notes) {

    public CoverageReport {
        testResults = List.copyOf(testResults);
        components = List.copyOf(components);
        tactics = List.copyOf(tactics);
        entries = List.copyOf(entries);
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<RuleAssessment> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The catalog a report was computed against.
     *
     * @param version        e.g. {@code 10.1}
     * @param source         e.g. "embedded DS0029 model"
     * @param detectionModel {@code data-component-detects} (ATT&amp;CK &le; v17) or {@code detection-strategies} (v18+)
     * @param versionBasis   how the version was determined
     */
    public record AttackInfo(String version, String source, String detectionModel, String versionBasis) {

        /** The major version, as a Navigator layer's {@code versions.attack} wants it: {@code 10}. */
        public String major() {
            int dot = version.indexOf('.');
            String major = dot < 0 ? version : version.substring(0, dot);
            StringBuilder digits = new StringBuilder();
            for (char c : major.toCharArray()) {
                if (Character.isDigit(c)) {
                    digits.append(c);
                }
            }
            return digits.length() == 0 ? version : digits.toString();
        }

        public boolean v18() {
            return detectionModel.equals("detection-strategies");
        }

        /** "ATT&amp;CK 10.1 (embedded DS0029 model)". */
        public String label() {
            return "ATT&CK " + version + " (" + source + ")";
        }
    }
}
