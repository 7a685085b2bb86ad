package io.dscover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dscover.collect.InputLedger;
import io.dscover.coverage.run.FieldFillCounter;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.run.RunRecordJson;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run record ({@code --run-json}) of a collect or detect run: each input's ledger as a
 * {@link RunRecord.Input} and the fill rates a {@link FieldFillCounter} counted. The ledger lives in the
 * collectors module and the record in coverage, which may not see collectors, so the mapping is here.
 */
final class RunRecords {

    private RunRecords() {
    }

    static RunRecord of(String command, List<InputLedger> ledgers, FieldFillCounter fills) {
        List<RunRecord.Input> inputs = new ArrayList<>();
        for (InputLedger l : ledgers) {
            List<RunRecord.Gap> gaps = new ArrayList<>();
            for (InputLedger.Gap g : l.gaps()) {
                if (gaps.size() == RunRecord.Input.MAX_GAPS) {
                    break;
                }
                gaps.add(new RunRecord.Gap(time(g.startNanos()), time(g.endNanos()), g.reason(), g.where() == null ? "" : g.where()));
            }
            boolean any = l.eventsEmitted() > 0;
            inputs.add(new RunRecord.Input(l.input(), l.collector(), l.recordsRead(), l.eventsByType(), l.rejectedByReason(),
                    l.skippedByReason(), l.gapCount(), gaps, any ? Optional.of(time(l.firstTs())) : Optional.empty(),
                    any ? Optional.of(time(l.lastTs())) : Optional.empty()));
        }
        return new RunRecord(command, generator(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), inputs,
                fills.results());
    }

    /**
     * Writes a detect run's record: the collect record plus {@code "alerts": {"total": N, "byRule": {...}}}
     * (rules in rule order, those without alerts included). Readers of the run record ignore fields they
     * do not know, so the record stays readable by {@code dscover coverage --from-run}.
     */
    static void write(RunRecord record, Map<String, Long> alertsByRule, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            java.io.StringWriter text = new java.io.StringWriter();
            RunRecordJson.write(record, text);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(text.toString());
            ObjectNode alerts = root.putObject("alerts");
            alerts.put("total", alertsByRule.values().stream().mapToLong(Long::longValue).sum());
            ObjectNode byRule = alerts.putObject("byRule");
            alertsByRule.forEach(byRule::put);
            w.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            w.write('\n');
        } catch (IOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot write the run record " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(RunRecord record, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RunRecordJson.write(record, w);
        } catch (IOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot write the run record " + file + ": " + e.getMessage(), e);
        }
    }

    /** "dscover 0.1.0" (or "dscover development build" outside a jar). */
    static String generator() {
        String v = Dscover.class.getPackage().getImplementationVersion();
        return "dscover " + (v == null ? "development build" : v);
    }

    private static String time(long nanos) {
        if (nanos == 0 || nanos == Long.MIN_VALUE || nanos == Long.MAX_VALUE) {
            return ""; // unknown (a gap record without a start or end)
        }
        return Timestamps.format(nanos, nanos % 1_000_000_000L == 0 ? 0 : nanos % 1_000_000L == 0 ? 3
                : nanos % 1000 == 0 ? 6 : 9);
    }
}
