package io.dscover.cli;

import io.dscover.rules.engine.RunSummary;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints what the engine did after the input ledger (stderr): alerts per rule with what was matched,
 * suppressed and evicted, then the run's events, disorder, rule errors and state memory. Rules that
 * matched no event are counted, not listed: with a library of dozens of rules the lines that matter
 * would drown in them.
 */
final class RunSummaryPrinter {

    private RunSummaryPrinter() {
    }

    static void print(PrintWriter err, DetectRun.Result result) {
        RunSummary s = result.summary();
        err.println("-- rules --");
        List<RunSummary.RuleSummary> active = s.rules().stream()
                .filter(r -> r.alerts() > 0 || r.matches() > 0 || r.suppressed() > 0 || r.evictions() > 0).toList();
        int width = 4;
        for (RunSummary.RuleSummary r : active) {
            width = Math.max(width, r.id().length());
        }
        for (RunSummary.RuleSummary r : active) {
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s  %,d alert%s (%s; %,d matched",
                    r.id(), r.alerts(), r.alerts() == 1 ? "" : "s", r.kind(), r.matches()));
            if (r.suppressed() > 0) {
                line.append(String.format(", %,d suppressed", r.suppressed()));
            }
            if (r.evictions() > 0) {
                line.append(String.format(", %,d groups evicted: state lost", r.evictions()));
            }
            err.println(line.append(')'));
        }
        int idle = s.rules().size() - active.size();
        if (idle > 0) {
            err.printf("%d other rule%s matched no event%n", idle, idle == 1 ? "" : "s");
        }
        err.printf("total: %,d alert%s from %,d events by %d rule%s%n", s.alerts(), s.alerts() == 1 ? "" : "s",
                s.events(), s.rules().size(), s.rules().size() == 1 ? "" : "s");
        if (s.outOfOrder() > 0) {
            err.printf("%,d events came out of time order (%,d later than the lateness bound): counted at the engine's "
                    + "current time (docs/engine.md)%n", s.outOfOrder(), s.mergeLate());
        }
        if (s.ruleErrors() > 0) {
            err.printf("%,d rule matches lost to errors, e.g.:%n", s.ruleErrors());
            s.errorExamples().forEach(e -> err.println("    " + e));
        }
        err.printf("rule base %s in %,d ms%n", result.engine().fromCache() ? "loaded" : "compiled",
                result.engine().compileMillis());
        err.flush();
    }
}
