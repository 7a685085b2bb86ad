package io.dscover.cli;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertSink;
import io.dscover.rules.alert.AlertTable;
import io.dscover.rules.alert.JsonLinesAlertWriter;
import io.dscover.model.event.Durations;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dscover detect INPUT...}: runs the rules over the inputs and prints the alerts. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run detection rules (default: the built-in library) over inputs and print the alerts, one JSON "
                + "object per line (fields in docs/engine.md) or a table.",
            "Inputs of any format dscover reads are merged by event time; the run ends with a ledger on stderr: per "
                + "input records, events and rejects, per rule alerts."},
        footer = {"", "Exit codes: 0 the run completed (with or without alerts), 2 the rules have errors or an option "
                + "is wrong, 3 an input could not be read at all."})
final class DetectCommand implements Callable<Integer> {

    enum Format { jsonl, table }

    /** Alerts a table holds at most; beyond it they are counted, not shown (use jsonl). */
    static final int TABLE_LIMIT = 10_000;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Files or folders (gzip is read transparently); - for stdin (JSON Lines unless --collector).")
    List<Path> inputs;

    @Option(names = "--rules", paramLabel = "PATH", split = ",",
            description = ".det files or folders to run besides the built-in library (repeatable or comma-separated).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Run only the --rules, not the built-in library.")
    boolean noBuiltIn;

    @Option(names = "--tunable", paramLabel = "RULE.NAME=VALUE",
            description = "Override a rule's tunable, e.g. --tunable port_scan.threshold=200 (repeatable).")
    Map<String, String> tunables = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or table.")
    Format format = Format.jsonl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the alerts to FILE instead of stdout.")
    Path output;

    @Option(names = "--lateness", paramLabel = "DURATION",
            description = "Disorder between and within inputs that the merge by event time sorts out (default 5s); "
                    + "later events are still processed, and counted.")
    String lateness = "5s";

    @Option(names = "--run-json", paramLabel = "FILE",
            description = "Also write the run record to FILE (as collect --run-json, plus the alerts per rule): for "
                    + "dscover coverage --from-run.")
    Path runJson;

    @Mixin
    CollectCommand.InputOptionsMixin inputOptions;

    @Override
    public Integer call() throws IOException {
        if (noBuiltIn && rules.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "--no-builtin needs --rules PATH (there would be no rules to run)");
        }
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions global = GlobalOptions.of(spec);
        DetectRun run = new DetectRun()
                .rules(rules)
                .builtIn(!noBuiltIn)
                .tunables(tunables)
                .inputs(inputs)
                .lateness(parseLateness(lateness))
                .collector(inputOptions.options.collector)
                .collectorOptions(inputOptions.options.toCollectorOptions())
                .countFieldFills(runJson != null);
        CompileResult compiled = run.compile();
        if (compiled.hasErrors()) {
            DiagnosticsPrinter.print(err, compiled, global.color());
            throw new UserError(ExitCodes.USAGE, "the rules have errors (above); nothing was run");
        }

        Writer w = output == null ? spec.commandLine().getOut()
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        DetectRun.Result result;
        List<Alert> table = new ArrayList<>();
        long[] beyondTable = {0};
        try (Writer closeLater = output == null ? null : w) {
            if (format == Format.jsonl) {
                JsonLinesAlertWriter jsonl = new JsonLinesAlertWriter(output == null ? new BufferedWriter(w, 1 << 16) : w);
                result = run.execute(jsonl);
                jsonl.flush();
            } else {
                AlertSink keep = a -> {
                    if (table.size() < TABLE_LIMIT) {
                        table.add(a);
                    } else {
                        beyondTable[0]++;
                    }
                };
                result = run.execute(keep);
                AlertTable.render(table, w);
                if (beyondTable[0] > 0) {
                    w.write(String.format("(%,d more alerts not shown: use --format jsonl)%n", beyondTable[0]));
                }
            }
            w.flush();
        } catch (UncheckedIOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot write alerts: " + e.getCause().getMessage(), e);
        }

        if (!global.quiet) {
            if (!rules.isEmpty() && compiled.warningCount() > 0) { // the library's own are its maintainers' business
                err.printf("dscover: the rules have %d warning%s (dscover rules check shows them)%n",
                        compiled.warningCount(), compiled.warningCount() == 1 ? "" : "s");
            }
            LedgerPrinter.print(err, result.ledgers());
            RunSummaryPrinter.print(err, result);
        }
        if (runJson != null) {
            RunRecords.write(RunRecords.of("detect", result.ledgers(), result.fills()), result.alertsByRule(), runJson);
        }
        return result.ledgers().stream().anyMatch(l -> l.recordsRead() == 0 && l.rejected() > 0)
                ? ExitCodes.INPUT : ExitCodes.OK;
    }

    private static Duration parseLateness(String text) {
        try {
            return Duration.ofNanos(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "--lateness takes a duration such as 5s, 500ms or 1m, not '" + text + "'");
        }
    }
}
