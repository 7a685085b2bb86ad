package io.dscover.coverage.render;

import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Gaps;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.Totals;
import io.dscover.coverage.telemetry.TelemetrySource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A short plain-text summary for the terminal: the numbers, components, the top gaps and what to add. */
public final class TextSummary {

    private TextSummary() {
    }

    public static String render(CoverageReport r) {
        StringBuilder t = new StringBuilder(4096);
        Totals.Summary s = r.summary();
        t.append("DS0029 coverage, ").append(r.attack().label()).append('\n');
        t.append("  telemetry: ").append(r.telemetry().description()).append(" (")
                .append(r.telemetry().sources().stream().map(TelemetrySource::label).collect(Collectors.joining(", ")))
                .append(")\n");
        t.append(String.format(Locale.ROOT, "  rules: %s (%d, %d can run); test results: %s%n", r.rulesDescription(),
                r.rules().size(), r.rules().stream().filter(RuleAssessment::canRun).count(),
                r.testResults().isEmpty() ? "none given" : String.join(", ", r.testResults())));
        t.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  ENTRIES", Integer.toString(s.entries()), "", s.parents() + " techniques, " + s.subtechniques()
                + " sub-techniques"});
        for (Level l : List.of(Level.VALIDATED, Level.DETECTED, Level.VISIBLE)) {
            rows.add(new String[] {"  " + l.label() + (l == Level.VALIDATED ? "" : " or better"), Integer.toString(s.atLeast(l)),
                String.format(Locale.ROOT, "%.1f%%", s.percent(l)), ""});
        }
        rows.add(new String[] {"  none", Integer.toString(s.byLevel().get(Level.NONE)), "", ""});
        table(t, rows);
        t.append('\n');
        rows.clear();
        rows.add(new String[] {"  COMPONENT", "ENTRIES", "VISIBLE", "DETECTED", "VALIDATED", "SUPPLIED BY"});
        for (Totals.Component c : r.components()) {
            rows.add(new String[] {"  " + c.component().attackName(), Integer.toString(c.entries()), Integer.toString(c.visible()),
                Integer.toString(c.detected()), Integer.toString(c.validated()),
                c.suppliedBy().isEmpty() ? "not supplied" : String.join(", ", c.suppliedBy())});
        }
        table(t, rows);
        Gaps g = r.gaps();
        Map<String, Entry> byId = new LinkedHashMap<>();
        r.entries().forEach(e -> byId.put(e.id(), e));
        t.append('\n').append("Visible but undetected (write a rule): ").append(g.visibleUndetected().size()).append('\n');
        g.visibleUndetected().stream().limit(8).forEach(id -> t.append("  ").append(id).append(' ')
                .append(byId.get(id).fullName()).append('\n'));
        if (g.visibleUndetected().size() > 8) {
            t.append("  ... and ").append(g.visibleUndetected().size() - 8).append(" more\n");
        }
        if (!g.rulesThatCannotRun().isEmpty()) {
            t.append("Rules that cannot run on this telemetry (collect more): ").append(g.rulesThatCannotRun().size()).append('\n');
            g.rulesThatCannotRun().forEach(x -> t.append("  ").append(x.rule()).append(": ").append(x.reason()).append('\n'));
        }
        List<Gaps.SourceGain> useful = g.sourceGains().stream().filter(x -> !x.visible().isEmpty() || !x.detected().isEmpty()).toList();
        if (!useful.isEmpty()) {
            t.append("Adding a source would gain:\n");
            useful.stream().limit(6).forEach(x -> t.append(String.format(Locale.ROOT, "  %-24s +%d visible, +%d detected%n",
                    x.label(), x.visible().size(), x.detected().size())));
        }
        r.modelDiff().ifPresent(d -> t.append(String.format(Locale.ROOT,
                "Compared with the legacy DS0029 view (%s): %d entries gained, %d lost, %d changed; legacy detected %d of %d%n",
                d.legacyAttack(), d.gained().size(), d.lost().size(), d.changed().size(),
                d.legacySummary().atLeast(Level.DETECTED), d.legacySummary().entries())));
        r.dataQuality().ifPresent(q -> t.append(String.format(Locale.ROOT,
                "Data quality (%s): %,d records, %,d events, %.2f%% rejected, %d gaps, %d fields rules read are mostly empty%n",
                q.file(), q.records(), q.events(), 100 * q.rejectedShare(), q.gaps(), q.rulesFields().size())));
        return t.toString();
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int cols = rows.stream().mapToInt(x -> x.length).max().orElse(0);
        int[] w = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(w[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
