package io.dscover.cli;

import io.dscover.collect.InputLedger;
import io.dscover.collect.InputProblem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints the per-input ledger every run ends with (stderr): records, events, rejects by reason with examples. */
final class LedgerPrinter {

    private LedgerPrinter() {
    }

    static void print(PrintWriter err, List<InputLedger> ledgers) {
        err.println("-- inputs --");
        long records = 0;
        long events = 0;
        long rejected = 0;
        List<String> ignored = new java.util.ArrayList<>();
        for (InputLedger l : ledgers) {
            if (l.skippedByReason().containsKey(InputReader.IGNORED) && l.recordsRead() == 0) {
                ignored.add(l.input());
                continue;
            }
            records += l.recordsRead();
            events += l.eventsEmitted();
            rejected += l.rejected();
            err.printf("%s [%s]: %,d records, %,d events%s%s%n", l.input(), l.collector().isEmpty() ? "?" : l.collector(),
                    l.recordsRead(), l.eventsEmitted(), byType(l.eventsByType()),
                    l.rejected() > 0 ? String.format(", %,d rejected", l.rejected()) : "");
            for (Map.Entry<String, Long> r : l.rejectedByReason().entrySet()) {
                err.printf("    rejected %,d: %s%n", r.getValue(), r.getKey());
            }
            for (Map.Entry<String, Long> s : l.skippedByReason().entrySet()) {
                err.printf("    skipped %,d: %s%n", s.getValue(), s.getKey());
            }
            for (Map.Entry<String, Long> f : l.flaggedByReason().entrySet()) {
                err.printf("    flagged %,d: %s%n", f.getValue(), f.getKey());
            }
            if (l.gapCount() > 0) {
                err.printf("    %,d gaps in visibility (e.g. %s)%n", l.gapCount(), l.gaps().get(0).reason());
            }
            for (InputProblem p : l.examples()) {
                err.println("    " + p.render());
            }
        }
        if (!ignored.isEmpty()) {
            err.printf("ignored %d file%s found in folders that no collector recognises (name one to see why): %s%n",
                    ignored.size(), ignored.size() == 1 ? "" : "s", String.join(", ", ignored));
        }
        if (ledgers.size() > 1) {
            err.printf("total: %,d inputs, %,d records, %,d events, %,d rejected%n", ledgers.size(), records, events,
                    rejected);
        }
        err.flush();
    }

    private static String byType(Map<String, Long> byType) {
        if (byType.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        byType.forEach((k, v) -> {
            if (sb.length() > 2) {
                sb.append(", ");
            }
            sb.append(k).append(' ').append(String.format("%,d", v));
        });
        return sb.append(')').toString();
    }
}
