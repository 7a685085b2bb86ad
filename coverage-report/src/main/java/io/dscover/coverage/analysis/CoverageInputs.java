package io.dscover.coverage.analysis;

import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.model.attack.AttackCatalog;
import java.util.List;
import java.util.Optional;

/**
 * What a coverage computation reads.
 *
 * @param generator        e.g. "dscover 0.1.0", written into reports
 * @param catalog          the ATT&amp;CK catalog the entries come from
 * @param legacyCatalog    the legacy DS0029 view to compare a v18+ catalog with (the embedded model);
 *                         ignored for a legacy catalog
 * @param rules            every rule, disabled ones included
 * @param ruleFiles        the rules' syntax trees (for the fields each rule reads); may be empty
 * @param rulesDescription where the rules came from
 * @param testResults      rule test results (none: every rule's tests count as not run)
 * @param profile          the telemetry profile
 * @param capabilities     every collector dscover has (for "what would adding a source gain")
 * @param run              a run record and its file name, for data quality
 */
public record CoverageInputs(String generator, AttackCatalog catalog, Optional<AttackCatalog> legacyCatalog,
        List<RuleSpec> rules, List<DetFile> ruleFiles, String rulesDescription, RuleTestResults testResults,
        TelemetryProfile profile, List<CollectorCapability> capabilities, Optional<Run> run) {

    public CoverageInputs {
        rules = List.copyOf(rules);
        ruleFiles = List.copyOf(ruleFiles);
        capabilities = List.copyOf(capabilities);
    }

    /** A run record and where it was read from. */
    public record Run(String file, RunRecord record) {
    }
}
