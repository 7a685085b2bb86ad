package io.dscover.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.coverage.run.FieldFillCounter;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.NetworkEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ArgGroup;

/** {@code dscover collect INPUT...}: the events collectors make of inputs, as JSON Lines. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Print the events dscover makes of the inputs (format detected by content), one JSON object "
                + "per line: for debugging collectors, and for piping into dscover detect.")
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (gzip is read transparently); - for stdin (JSON Lines unless --collector).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the events to FILE instead of stdout.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default).")
    String format = "jsonl";

    @Option(names = "--run-json", paramLabel = "FILE",
            description = "Also write the run record to FILE: per input its collector, records, events by type, rejects, "
                    + "gaps and time span, and per event type the share of events with each field set (for dscover "
                    + "coverage --from-run; format in docs/coverage.md).")
    Path runJson;

    @Mixin
    InputOptionsMixin inputOptions;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl")) {
            throw new UserError(ExitCodes.USAGE, "unknown format '" + format + "' (jsonl)");
        }
        InputReader reader = new InputReader(BuiltInCollectors.registry(), inputOptions.options.toCollectorOptions());
        reader.plan(inputs, inputOptions.options.collector);
        Writer w = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        FieldFillCounter fills = new FieldFillCounter();
        try (JsonGenerator g = EventJson.factory().createGenerator(w)) {
            g.setRootValueSeparator(null);
            for (InputReader.PlannedInput p : reader.planned()) {
                Optional<EventSource> source = reader.open(p);
                if (source.isEmpty()) {
                    continue;
                }
                String collector = p.collector().name();
                EventSink sink = runJson == null ? e -> writeLine(g, w, e) : e -> {
                    fills.accept(collector, e);
                    writeLine(g, w, e);
                };
                try (EventSource s = source.get()) {
                    s.readAll(CollectorRegistry.counting(p.ledger(), sink));
                } catch (IOException e) {
                    p.ledger().reject("end", "read error", String.valueOf(e.getMessage()));
                } catch (UncheckedIOException e) {
                    throw new UserError(ExitCodes.INPUT, "cannot write events: " + e.getCause().getMessage());
                }
            }
        }
        if (!GlobalOptions.of(spec).quiet) {
            LedgerPrinter.print(spec.commandLine().getErr(), reader.ledgers());
        }
        if (runJson != null) {
            RunRecords.write(RunRecords.of("collect", reader.ledgers(), fills), runJson);
        }
        return reader.ledgers().stream().anyMatch(l -> l.recordsRead() == 0 && l.rejected() > 0)
                ? ExitCodes.INPUT : ExitCodes.OK;
    }

    private static void writeLine(JsonGenerator g, Writer w, NetworkEvent e) {
        try {
            EventJson.write(e, g);
            g.writeRaw('\n'); // no flush per event: one write call per event cost more than the pcap collector itself
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Lets picocli inject the shared input options. */
    static final class InputOptionsMixin {
        @ArgGroup(exclusive = false, heading = "Input options:%n")
        InputOptions options = new InputOptions();
    }
}
