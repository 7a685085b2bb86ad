package io.dscover.cli;

import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.coverage.analysis.CoverageAnalysis;
import io.dscover.coverage.analysis.CoverageInputs;
import io.dscover.coverage.gate.BaselineComparison;
import io.dscover.coverage.gate.FailUnder;
import io.dscover.coverage.json.BaselineException;
import io.dscover.coverage.json.BaselineReader;
import io.dscover.coverage.render.TextSummary;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.ruletest.RuleTestResults;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.RuleSources;
import io.dscover.model.attack.AttackCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dscover coverage}: which DS0029 techniques the telemetry makes visible, the rules detect and the
 * rule tests validate; written as HTML, a Navigator layer, Markdown, JSON and JUnit XML, and gated for CI.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"ATT&CK DS0029 coverage of your rules on your telemetry, as HTML, a Navigator layer, Markdown, JSON "
                + "and JUnit, with CI gates.",
            "Per technique entry: whether the telemetry makes it visible (1), an enabled rule that can run on that "
                + "telemetry detects it (2), and that rule's tests passed (3), with the reasons; totals per component and "
                + "tactic; the gaps, and what adding a source would gain. Rules are read, not run. Without --format and -o a "
                + "summary is printed; one format without -o goes to stdout.",
            "Levels, reasons and every format: docs/coverage.md."},
        footer = {"", "Exit codes: 0 success, 1 --fail-under or --baseline failed, 2 a file given is unusable "
                + "(rules with errors, bad profile, test results, run record or baseline)."})
final class CoverageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "PATH", split = ",",
            description = ".det files or folders, repeatable or comma-separated. Default: the built-in rule library.")
    List<Path> rules = new ArrayList<>();

    @Mixin
    AttackCatalogOption attack;

    @Option(names = "--telemetry", paramLabel = "FILE",
            description = "What you collect, as YAML (sources: - collector: zeek, logs: [conn, dns]; see docs/coverage.md). "
                    + "Default: what the --from-run run read, else everything dscover can collect.")
    Path telemetry;

    @Option(names = "--test-results", paramLabel = "FILE",
            description = "Rule test results as JUnit XML (dscover rules test --junit FILE); repeatable. Without them no "
                    + "entry is validated (level 3).")
    List<Path> testResults = new ArrayList<>();

    @Option(names = "--from-run", paramLabel = "RUN.json",
            description = "A run record (dscover collect --run-json FILE): measured data quality (fill rates, rejects, "
                    + "gaps, time span), and the telemetry profile when --telemetry is not given.")
    Path fromRun;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Any of html, navigator, md, json, junit (comma-separated). With -o the default is html,navigator,"
                    + "md,json (and junit when --test-results is given).")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "Write the reports into DIR (created if missing): coverage.html, navigator-layer.json, coverage.md, "
                    + "coverage.json, rule-tests.xml.")
    Path outputDir;

    @Option(names = "--fail-under", paramLabel = "PCT",
            description = "Exit 1 when fewer than PCT percent of the entries reach --fail-level.")
    Double failUnder;

    @Option(names = "--fail-level", paramLabel = "LEVEL",
            description = "The level --fail-under counts: visible, detected (default) or validated.")
    String failLevel = "detected";

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An earlier coverage.json: exit 1 when any entry's level dropped; gained and lost entries are "
                    + "printed (and added to the Markdown report).")
    Path baseline;

    @Override
    public Integer call() {
        Level level = parseLevel(failLevel);
        if (failUnder != null && (failUnder.isNaN() || failUnder < 0 || failUnder > 100)) {
            throw new UserError(ExitCodes.USAGE, "--fail-under takes a percentage from 0 to 100, not " + failUnder);
        }
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions global = GlobalOptions.of(spec);
        AttackCatalog catalog = attack.catalog();
        List<CollectorCapability> capabilities = CollectorCapabilities.of(BuiltInCollectors.registry());
        List<RuleSource> sources = ruleSources();
        CompileResult compiled = CoverageSetup.compile(sources, err, global.color());
        RuleTestResults results = CoverageSetup.testResults(testResults);
        Optional<RunRecord> run = CoverageSetup.run(fromRun);
        TelemetryProfile profile = CoverageSetup.profile(telemetry, run, fromRun, capabilities);
        Optional<io.dscover.coverage.json.Baseline> base = readBaseline();

        CoverageReport report = CoverageAnalysis.run(new CoverageInputs(RunRecords.generator(), catalog,
                Optional.of(AttackCatalog.embeddedDs0029()), compiled.ruleSet().orElseThrow().rules(), compiled.files(),
                rulesDescription(sources), results, profile, capabilities,
                run.map(r -> new CoverageInputs.Run(fromRun.toString(), r))));
        Optional<BaselineComparison> comparison = base.map(b -> BaselineComparison.compare(report, b));

        write(report, comparison, err, global.quiet);
        if (!global.quiet) {
            report.notes().forEach(n -> err.println("dscover: note: " + n));
        }
        int exit = ExitCodes.OK;
        if (failUnder != null) {
            FailUnder gate = FailUnder.check(report, failUnder, level);
            if (!gate.passed()) {
                err.println("dscover: " + gate.message());
                exit = ExitCodes.FINDINGS;
            } else if (!global.quiet) {
                err.println("dscover: " + gate.message());
            }
        }
        if (comparison.isPresent()) {
            BaselineComparison c = comparison.get();
            if (!c.passed() || !global.quiet) {
                err.println("dscover: " + c.summary());
                c.warning().ifPresent(w -> err.println("dscover: warning: " + w));
                c.lost().forEach(x -> err.println("  lost:   " + x.describe()));
                c.gained().forEach(x -> err.println("  gained: " + x.describe()));
            }
            if (!c.passed()) {
                err.println("dscover: coverage dropped below the baseline for " + c.lost().size()
                        + (c.lost().size() == 1 ? " entry" : " entries"));
                exit = ExitCodes.FINDINGS;
            }
        }
        err.flush();
        return exit;
    }

    private void write(CoverageReport report, Optional<BaselineComparison> comparison, PrintWriter err, boolean quiet) {
        PrintWriter out = spec.commandLine().getOut();
        Set<ReportFormat> chosen = new LinkedHashSet<>(formats);
        if (outputDir == null) {
            if (chosen.isEmpty()) {
                out.print(TextSummary.render(report));
            } else if (chosen.size() == 1) {
                out.print(chosen.iterator().next().render(report, comparison));
            } else {
                throw new UserError(ExitCodes.USAGE, "several formats need -o DIR (one format without -o goes to stdout)");
            }
            out.flush();
            return;
        }
        if (chosen.isEmpty()) {
            chosen.addAll(EnumSet.of(ReportFormat.html, ReportFormat.navigator, ReportFormat.md, ReportFormat.json));
            if (!testResults.isEmpty()) {
                chosen.add(ReportFormat.junit);
            }
        }
        List<Path> written = ReportFiles.write(report, comparison, chosen, outputDir);
        if (!quiet) {
            out.print(TextSummary.render(report));
            out.println();
            written.forEach(p -> out.println("wrote " + p));
            out.flush();
        }
    }

    private List<RuleSource> ruleSources() {
        return rules.isEmpty() ? RuleFiles.builtIn() : RuleFiles.read(rules, "--rules: ");
    }

    private String rulesDescription(List<RuleSource> sources) {
        String files = sources.size() + (sources.size() == 1 ? " file" : " files");
        return rules.isEmpty() ? "built-in rule library (" + files + ")"
                : files + " from " + String.join(", ", rules.stream().map(Path::toString).toList());
    }

    private Optional<io.dscover.coverage.json.Baseline> readBaseline() {
        if (baseline == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BaselineReader.read(baseline));
        } catch (BaselineException e) {
            throw new UserError(ExitCodes.USAGE, "--baseline " + e.getMessage(), e);
        }
    }

    static Level parseLevel(String text) {
        try {
            Level l = Level.parse(text);
            if (l == Level.NONE) {
                throw new IllegalArgumentException();
            }
            return l;
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--fail-level takes visible, detected or validated, not '" + text + "'");
        }
    }

    /** Writes the chosen formats into a folder. */
    static final class ReportFiles {
        private ReportFiles() {
        }

        static List<Path> write(CoverageReport report, Optional<BaselineComparison> comparison, Set<ReportFormat> formats,
                Path dir) {
            List<Path> written = new ArrayList<>();
            try {
                Files.createDirectories(dir);
                for (ReportFormat f : formats) {
                    Path file = dir.resolve(f.fileName);
                    Files.writeString(file, f.render(report, comparison), StandardCharsets.UTF_8);
                    written.add(file);
                }
            } catch (IOException e) {
                throw new UserError(ExitCodes.INPUT, "cannot write the report into " + dir + ": " + e.getMessage(), e);
            }
            return written;
        }
    }
}
