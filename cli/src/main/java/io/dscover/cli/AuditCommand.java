package io.dscover.cli;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.InputSample;
import io.dscover.collect.Inputs;
import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.collect.cloud.findings.AuditFindings;
import io.dscover.collect.cloud.findings.AuditReport;
import io.dscover.collect.cloud.findings.FlowFindings;
import io.dscover.collect.cloud.findings.HtmlAuditReport;
import io.dscover.collect.cloud.findings.JsonAuditReport;
import io.dscover.collect.cloud.findings.MarkdownAuditReport;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.model.event.Durations;
import io.dscover.rules.engine.DrlCompilationException;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dscover audit aws|gcp|azure PATH...}: a one-command audit of a cloud flow-log export.
 * Streams every file once (thousands of gzip objects in a fixed heap), computes the findings, runs
 * the rules (see {@link AuditRuleAlerts}) and prints a Markdown report; {@code --html} and
 * {@code --json} write the same report in those forms.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit a cloud flow-log export (Markdown on stdout):",
            "  visibility: time span, accounts, VPCs, interfaces, NODATA/SKIPDATA gaps, fields carried;",
            "  exposure: administrative and database ports the internet reaches;",
            "  rejected traffic: top sources and their scanning shape;",
            "  egress: top talkers to public addresses, unusual ports, long-lived flows;",
            "  rule alerts by ATT&CK technique (the built-in rules and any --rules)."})
final class AuditCommand implements Callable<Integer> {

    enum Provider {
        aws("aws-vpc"), gcp("gcp-vpc"), azure("azure");

        final String collector;

        Provider(String collector) {
            this.collector = collector;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROVIDER", description = "aws, gcp or azure.")
    Provider provider;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH",
            description = "Flow-log files or folders (walked recursively; gzip read transparently).")
    List<Path> paths;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML page.")
    Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    @Option(names = "--top", paramLabel = "N", description = "Rows per table (default ${DEFAULT-VALUE}).")
    int top = 20;

    @Option(names = "--long-flow", paramLabel = "DURATION",
            description = "A flow with a public end lasting at least this long is listed (default ${DEFAULT-VALUE}).")
    String longFlow = "1h";

    @Option(names = "--rules", paramLabel = "PATH", split = ",",
            description = ".det files or folders to run besides the built-in library (repeatable or comma-separated).")
    List<Path> rules = new java.util.ArrayList<>();

    @Option(names = "--no-rules",
            description = "Leave out the rule alerts (the findings only: on a large export about a third less CPU).")
    boolean noRules;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;


    @ArgGroup(exclusive = false, heading = "Input options:%n")
    InputOptions inputOptions = new InputOptions();

    @Override
    public Integer call() throws IOException {
        if (top < 1 || top > 10_000) {
            throw new UserError(ExitCodes.USAGE, "--top must be 1..10000");
        }
        long longFlowNanos;
        try {
            longFlowNanos = Durations.parse(longFlow);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--long-flow: " + e.getMessage());
        }
        if (inputOptions.collector != null) {
            throw new UserError(ExitCodes.USAGE, "audit reads every input as " + provider
                    + " flow logs; --collector does not apply");
        }
        CollectorRegistry registry = BuiltInCollectors.registry();
        Collector collector = registry.byName(provider.collector).orElseThrow();
        CollectorOptions options = inputOptions.toCollectorOptions();
        List<Input> inputs;
        try {
            inputs = Inputs.expand(paths);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCodes.USAGE, e.getFile() + ": no such file or folder");
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = GlobalOptions.of(spec).quiet;
        boolean showProgress = !quiet && (progress != null ? progress : System.console() != null);
        AuditProgress bar = new AuditProgress(err, showProgress, inputs.size(), showProgress ? totalSize(inputs) : 0);
        FlowFindings findings = new FlowFindings(new FlowFindings.Limits(top, Math.max(2048, top * 4), longFlowNanos));
        AuditRuleAlerts rules = ruleAlerts();

        for (Input input : inputs) {
            InputLedger ledger = new InputLedger(input.displayName());
            ledger.setCollector(collector.name());
            if (input.path() != null && !isProviderFormat(collector, input, findings)) {
                bar.fileDone(size(input));
                continue;
            }
            try (EventSource source = collector.open(input, new CollectorContext(options, ledger, List.of()))) {
                source.readAll(CollectorRegistry.counting(ledger, e -> {
                    findings.add(e);
                    rules.accept(e);
                    bar.record();
                }));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, e.getMessage());
            } catch (IOException e) {
                ledger.reject("offset 0", "unreadable input", String.valueOf(e.getMessage()));
            }
            findings.addLedger(ledger);
            bar.fileDone(size(input));
        }
        bar.finish();

        AuditReport report = new AuditReport(provider.name(), paths.stream().map(Path::toString).toList(),
                Timestamps.format(System.currentTimeMillis() * 1_000_000L, 0), findings.result(), rules.finish());
        PrintWriter out = spec.commandLine().getOut();
        out.print(MarkdownAuditReport.render(report));
        out.flush();
        write(html, HtmlAuditReport.render(report));
        write(json, JsonAuditReport.render(report));
        AuditFindings.Visibility v = report.findings().visibility();
        if (!quiet) {
            err.printf("-- audit: %,d files read, %,d not %s flow logs, %,d records, %,d flow events, %,d rejected --%n",
                    v.inputs(), v.inputsNotRead(), provider, v.records(), v.flowEvents(), v.rejectedRecords());
            err.flush();
        }
        return v.inputs() == 0 || (v.flowEvents() == 0 && v.rejectedRecords() > 0) ? ExitCodes.INPUT : ExitCodes.OK;
    }

    /**
     * The rules section of the audit: the built-in library and the {@code --rules}, compiled before any
     * input is read (rules with errors stop the audit with their diagnostics), run by the engine.
     */
    AuditRuleAlerts ruleAlerts() {
        if (noRules) {
            if (!rules.isEmpty()) {
                throw new UserError(ExitCodes.USAGE, "--no-rules and --rules contradict each other");
            }
            return AuditRuleAlerts.skipped("Rules not run (--no-rules).");
        }
        DetectRun detect = new DetectRun().rules(rules);
        CompileResult compiled = detect.compile();
        if (compiled.ruleSet().isEmpty()) {
            DiagnosticsPrinter.print(spec.commandLine().getErr(), compiled, GlobalOptions.of(spec).color());
            throw new UserError(ExitCodes.USAGE, "the rules have errors (above); nothing was audited");
        }
        String label = rules.isEmpty() ? "the built-in library" : "the built-in library and " + rules.stream()
                .map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
        try {
            return new EngineRuleAlerts(compiled.ruleSet().get(), label);
        } catch (DrlCompilationException e) {
            throw new UserError(ExitCodes.INTERNAL, "Drools rejected the generated DRL: " + e.getMessage(), e);
        }
    }

    /** Files in an export folder that are not this provider's logs (manifests, READMEs) are counted, not read. */
    private static boolean isProviderFormat(Collector collector, Input input, FlowFindings findings) {
        try {
            InputSample sample = CollectorRegistry.sample(input);
            if (collector.probe(sample) > 0) {
                return true;
            }
            boolean parquet = sample.byteAt(0) == 'P' && sample.byteAt(1) == 'A' && sample.byteAt(2) == 'R'
                    && sample.byteAt(3) == '1';
            findings.inputNotRead(input.displayName(), parquet
                    ? "Parquet flow logs are not read (deliver as text; see docs/cloud-flow-logs.md)"
                    : "not an " + collector.name() + " flow log (skipped)");
        } catch (IOException e) {
            findings.inputNotRead(input.displayName(), "unreadable: " + e.getMessage());
        }
        return false;
    }

    private void write(Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static long totalSize(List<Input> inputs) {
        long total = 0;
        for (Input i : inputs) {
            total += size(i);
        }
        return total;
    }

    private static long size(Input input) {
        try {
            return input.path() == null ? 0 : Files.size(input.path());
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "audit " + provider.name().toLowerCase(Locale.ROOT);
    }
}
