package io.dscover.coverage;

import io.dscover.coverage.analysis.CoverageAnalysis;
import io.dscover.coverage.analysis.CoverageInputs;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.ruletest.JUnitXmlReader;
import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.coverage.telemetry.TelemetryProfiles;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.model.attack.AttackCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One coverage computation set up the way a test reads best: profile YAML, rules, test results. */
public final class Scenario {

    private AttackCatalog catalog = AttackCatalog.embeddedDs0029();
    private Optional<AttackCatalog> legacy = Optional.empty();
    private TelemetryProfile profile = TelemetryProfiles.everything(Fixtures.capabilities());
    private String[] rules = new String[0];
    private RuleTestResults results = RuleTestResults.none();
    private Optional<CoverageInputs.Run> run = Optional.empty();

    public static Scenario telemetry(String yaml) {
        Scenario s = new Scenario();
        try {
            s.profile = TelemetryProfiles.parse(yaml, "telemetry.yaml", Fixtures.capabilities());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return s;
    }

    public static Scenario everything() {
        return new Scenario();
    }

    public Scenario rules(String... det) {
        this.rules = det;
        return this;
    }

    public Scenario testResults(String junitXml) {
        try {
            this.results = JUnitXmlReader.read(new ByteArrayInputStream(junitXml.getBytes(StandardCharsets.UTF_8)), "results.xml");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return this;
    }

    public Scenario catalog(AttackCatalog c, AttackCatalog legacyView) {
        this.catalog = c;
        this.legacy = Optional.ofNullable(legacyView);
        return this;
    }

    public Scenario run(RunRecord record) {
        this.run = Optional.of(new CoverageInputs.Run("run.json", record));
        return this;
    }

    public CoverageReport report() {
        CompileResult compiled = rules.length == 0 ? null : Fixtures.compile(rules);
        return CoverageAnalysis.run(new CoverageInputs("dscover test", catalog, legacy,
                compiled == null ? java.util.List.of() : compiled.ruleSet().orElseThrow().rules(),
                compiled == null ? java.util.List.of() : compiled.files(), "test rules", results, profile,
                Fixtures.capabilities(), run));
    }
}
