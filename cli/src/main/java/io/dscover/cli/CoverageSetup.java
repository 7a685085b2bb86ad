package io.dscover.cli;

import io.dscover.coverage.ruletest.JUnitXmlReader;
import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.ruletest.TestResultsException;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.run.RunRecordException;
import io.dscover.coverage.run.RunRecordJson;
import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.coverage.telemetry.TelemetryProfileException;
import io.dscover.coverage.telemetry.TelemetryProfiles;
import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a coverage computation needs from the command line's files, turning every problem with
 * them into a one-line {@link UserError}: shared by {@code dscover coverage} and {@code dscover demo}.
 */
final class CoverageSetup {

    private CoverageSetup() {
    }

    /**
     * Compiles the rules for their metadata. Against the embedded DS0029 model, as the rules commands do:
     * a technique a release revoked or does not map to DS0029 is then reported by the coverage report
     * (with its replacement) instead of stopping it.
     */
    static CompileResult compile(List<RuleSource> sources, PrintWriter err, boolean color) {
        CompileResult result = DetectionCompiler.compile(sources, AttackCatalog.embeddedDs0029(), CompileOptions.defaults());
        if (result.ruleSet().isEmpty()) {
            DiagnosticsPrinter.print(err, result, color);
            throw new UserError(ExitCodes.USAGE, "the rules have errors (above); coverage needs rules that compile");
        }
        return result;
    }

    static RuleTestResults testResults(List<Path> files) {
        RuleTestResults all = RuleTestResults.none();
        for (Path f : files) {
            try {
                all.merge(JUnitXmlReader.read(f));
            } catch (TestResultsException e) {
                throw new UserError(ExitCodes.USAGE, "--test-results " + e.getMessage(), e);
            }
        }
        return all;
    }

    static Optional<RunRecord> run(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunRecordJson.read(file));
        } catch (RunRecordException e) {
            throw new UserError(ExitCodes.USAGE, "--from-run " + e.getMessage(), e);
        }
    }

    /** The profile: the file when given, else what the run's collectors delivered, else everything. */
    static TelemetryProfile profile(Path telemetry, Optional<RunRecord> run, Path runFile,
            List<CollectorCapability> capabilities) {
        if (telemetry != null) {
            try {
                return TelemetryProfiles.read(telemetry, capabilities);
            } catch (TelemetryProfileException e) {
                throw new UserError(ExitCodes.USAGE, "--telemetry " + e.getMessage(), e);
            }
        }
        if (run.isPresent()) {
            return TelemetryProfiles.fromRun(run.get(), "what the run " + runFile.getFileName() + " read", capabilities);
        }
        return TelemetryProfiles.everything(capabilities);
    }
}
