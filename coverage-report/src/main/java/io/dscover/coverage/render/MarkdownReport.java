package io.dscover.coverage.render;

import io.dscover.coverage.gate.BaselineComparison;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.DataQuality;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Gaps;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.ModelDiff;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.Totals;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.telemetry.TelemetrySource;
import io.dscover.model.event.DataComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report as GitHub-flavoured Markdown, for a CI job summary ({@code $GITHUB_STEP_SUMMARY}) or a pull
 * request comment: the headline numbers first, then components, tactics, gaps, the baseline comparison,
 * the v18 difference and data quality, and every entry folded away at the end. Text from rules, test
 * results and inputs is escaped so it cannot break the tables or inject HTML.
 */
public final class MarkdownReport {

    /** Entries listed in a gap list before "and N more". */
    static final int LIST_LIMIT = 30;

    private MarkdownReport() {
    }

    public static String render(CoverageReport r, Optional<BaselineComparison> baseline) {
        StringBuilder md = new StringBuilder(1 << 14);
        Totals.Summary s = r.summary();
        Map<String, Entry> byId = new LinkedHashMap<>();
        r.entries().forEach(e -> byId.put(e.id(), e));
        md.append(String.format(Locale.ROOT, "# DS0029 coverage: %d of %d entries detected (%.1f%%)%n%n",
                s.atLeast(Level.DETECTED), s.entries(), s.percent(Level.DETECTED)));
        md.append("- ATT&CK: ").append(text(r.attack().label())).append('\n');
        md.append("- Telemetry: ").append(text(r.telemetry().description())).append(" — ")
                .append(text(r.telemetry().sources().stream().map(TelemetrySource::label).collect(Collectors.joining(", "))))
                .append('\n');
        md.append("- Rules: ").append(text(r.rulesDescription())).append(String.format(Locale.ROOT, " (%d, %d can run)",
                r.rules().size(), r.rules().stream().filter(RuleAssessment::canRun).count())).append('\n');
        md.append("- Test results: ").append(r.testResults().isEmpty() ? "none given"
                : text(String.join(", ", r.testResults()))).append("\n\n");

        md.append("| level | entries | share |\n|---|---:|---:|\n");
        for (Level l : List.of(Level.VALIDATED, Level.DETECTED, Level.VISIBLE)) {
            md.append(String.format(Locale.ROOT, "| %d %s%s | %d | %.1f%% |%n", l.score(), l.label(),
                    l == Level.VALIDATED ? "" : " or better", s.atLeast(l), s.percent(l)));
        }
        md.append(String.format(Locale.ROOT, "| 0 none | %d | %.1f%% |%n%n", s.byLevel().get(Level.NONE),
                s.entries() == 0 ? 0 : 100.0 * s.byLevel().get(Level.NONE) / s.entries()));

        md.append("## By component\n\n| component | entries | visible | detected | validated | supplied by |\n"
                + "|---|---:|---:|---:|---:|---|\n");
        for (Totals.Component c : r.components()) {
            md.append("| ").append(c.component().attackName()).append(" (").append(c.component().v18Id()).append(") | ")
                    .append(c.entries()).append(" | ").append(c.visible()).append(" | ").append(c.detected()).append(" | ")
                    .append(c.validated()).append(" | ")
                    .append(c.suppliedBy().isEmpty() ? "not supplied" : cell(String.join(", ", c.suppliedBy()))).append(" |\n");
        }
        md.append("\n## By tactic\n\n| tactic | entries | none | visible | detected | validated |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (Totals.Tactic t : r.tactics()) {
            if (t.entries() == 0) {
                continue;
            }
            md.append("| ").append(cell(t.name())).append(" (").append(t.id()).append(") | ").append(t.entries());
            for (Level l : Level.values()) {
                md.append(" | ").append(t.byLevel().get(l));
            }
            md.append(" |\n");
        }

        Gaps g = r.gaps();
        md.append("\n## Gaps\n\n");
        md.append("### Visible but undetected: write a rule (").append(g.visibleUndetected().size()).append(")\n\n");
        if (g.visibleUndetected().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append(list(g.visibleUndetected().stream().map(id -> "`" + id + "` " + text(byId.get(id).fullName()) + " ("
                    + components(byId.get(id).suppliedComponents()) + ")").toList()));
        }
        md.append("\n### Rules that cannot run on this telemetry: collect more (").append(g.rulesThatCannotRun().size())
                .append(")\n\n");
        if (g.rulesThatCannotRun().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append(list(g.rulesThatCannotRun().stream().map(x -> "`" + text(x.rule()) + "` ("
                    + text(String.join(", ", x.techniques())) + "): " + text(x.reason())).toList()));
        }
        md.append("\n### What adding a source would gain\n\n");
        if (g.sourceGains().isEmpty()) {
            md.append("Every collector dscover has is in the profile.\n");
        } else {
            md.append("| source | entries it would make visible | entries it would make detected |\n|---|---:|---:|\n");
            for (Gaps.SourceGain sg : g.sourceGains()) {
                md.append("| ").append(cell(sg.label())).append(" | ").append(sg.visible().size()).append(" | ")
                        .append(sg.detected().size()).append(sg.detected().isEmpty() ? ""
                                : " (" + String.join(", ", sg.detected().stream().limit(8).toList())
                                        + (sg.detected().size() > 8 ? ", …" : "") + ")").append(" |\n");
            }
        }
        if (!g.rulesOutsideModel().isEmpty()) {
            md.append("\n### Rule mappings that count toward no entry (").append(g.rulesOutsideModel().size()).append(")\n\n");
            md.append(list(g.rulesOutsideModel().stream().map(o -> "`" + text(o.rule()) + "` → " + text(o.technique()) + ": "
                    + text(o.reason())).toList()));
        }

        baseline.ifPresent(b -> baseline(md, b));
        r.modelDiff().ifPresent(d -> diff(md, d));
        r.dataQuality().ifPresent(q -> quality(md, q));
        if (!r.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            md.append(list(r.notes().stream().map(MarkdownReport::text).toList()));
        }

        md.append("\n<details><summary>All ").append(r.entries().size()).append(" entries</summary>\n\n")
                .append("| ID | technique | level | ATT&CK components | supplied | rules |\n|---|---|---|---|---|---|\n");
        for (Entry e : r.entries()) {
            md.append("| ").append(e.id()).append(" | ").append(cell(e.fullName())).append(" | ").append(e.level().score())
                    .append(' ').append(e.level().label());
            e.subtechniques().ifPresent(a -> md.append("; subs ").append(a.atLeast(Level.DETECTED)).append('/')
                    .append(a.count()).append(" detected"));
            md.append(" | ").append(components(e.attackComponents())).append(" | ").append(components(e.suppliedComponents()))
                    .append(" | ").append(cell(e.rules().stream().map(x -> x.rule() + (x.validated() ? " ✓" : x.runs() ? "" : " ✗"))
                            .collect(Collectors.joining(", ")))).append(" |\n");
        }
        md.append("\n</details>\n\n<sub>").append(text(r.generator())).append(" · levels: 0 none, 1 visible, 2 detected, "
                + "3 validated · ✓ tests passed, ✗ cannot run</sub>\n");
        return md.toString();
    }

    private static void baseline(StringBuilder md, BaselineComparison b) {
        md.append("\n## Compared with the baseline\n\n").append(text(b.summary())).append(".\n");
        b.warning().ifPresent(w -> md.append("\n> ").append(text(w)).append('\n'));
        if (!b.lost().isEmpty()) {
            md.append("\n**Lost (").append(b.lost().size()).append(")**\n\n");
            md.append(list(b.lost().stream().map(c -> text(c.describe())).toList()));
        }
        if (!b.gained().isEmpty()) {
            md.append("\n**Gained (").append(b.gained().size()).append(")**\n\n");
            md.append(list(b.gained().stream().map(c -> text(c.describe())).toList()));
        }
    }

    private static void diff(StringBuilder md, ModelDiff d) {
        md.append("\n## ATT&CK v18 view compared with the legacy DS0029 view\n\n");
        md.append(text(d.attack())).append(" reaches ").append(d.gained().size()).append(" entries the legacy view (")
                .append(text(d.legacyAttack())).append(") does not, and loses ").append(d.lost().size())
                .append("; ").append(d.changed().size()).append(" shared entries change components or level.\n\n");
        md.append(String.format(Locale.ROOT, "Legacy view: %d of %d entries detected (%.1f%%).%n",
                d.legacySummary().atLeast(Level.DETECTED), d.legacySummary().entries(), d.legacySummary().percent(Level.DETECTED)));
        changes(md, "Gained in v18", d.gained());
        changes(md, "Lost in v18", d.lost());
    }

    private static void changes(StringBuilder md, String title, List<ModelDiff.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("\n**").append(title).append(" (").append(changes.size()).append(")**\n\n");
        md.append(list(changes.stream().map(c -> "`" + c.id() + "` " + text(c.name()) + " — "
                + c.legacyLevel().map(l -> "legacy " + l.label()).orElse("") + (c.legacyLevel().isPresent() && c.level().isPresent() ? ", " : "")
                + c.level().map(l -> "v18 " + l.label()).orElse("")).toList()));
    }

    private static void quality(StringBuilder md, DataQuality q) {
        md.append("\n## Data quality (measured: ").append(text(q.file())).append(")\n\n");
        md.append(String.format(Locale.ROOT, "%d inputs, %,d records, %,d events, %,d rejected (%.2f%%), %d gaps in "
                + "visibility, %d unreadable inputs; events from %s to %s.%n%n", q.run().inputs().size(), q.records(),
                q.events(), q.rejected(), 100 * q.rejectedShare(), q.gaps(), q.unreadable(), q.firstEvent().orElse("-"),
                q.lastEvent().orElse("-")));
        md.append("| input | collector | records | events | rejected | gaps | span |\n|---|---|---:|---:|---:|---:|---|\n");
        int shown = 0;
        for (RunRecord.Input i : q.run().inputs()) {
            if (shown++ == 50) {
                md.append("| … ").append(q.run().inputs().size() - 50).append(" more | | | | | | |\n");
                break;
            }
            md.append("| ").append(cell(i.input())).append(" | ").append(i.collector().isEmpty() ? "unreadable" : cell(i.collector()))
                    .append(" | ").append(i.records()).append(" | ").append(i.eventCount()).append(" | ").append(i.rejectedCount())
                    .append(" | ").append(i.gapCount()).append(" | ").append(cell(i.firstEvent().orElse("-") + " – "
                            + i.lastEvent().orElse("-"))).append(" |\n");
        }
        if (!q.rulesFields().isEmpty()) {
            md.append("\nFields rules read that most events lacked:\n\n");
            md.append(list(q.rulesFields().stream().map(c -> String.format(Locale.ROOT, "`%s` reads `%s` on %s events, "
                    + "set in %.0f%% of them from %s", text(c.rule()), text(c.field()), text(c.eventType()), 100 * c.rate(),
                    text(c.collector()))).toList()));
        }
    }

    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String item : items) {
            if (n++ == LIST_LIMIT) {
                sb.append("- … and ").append(items.size() - LIST_LIMIT).append(" more\n");
                break;
            }
            sb.append("- ").append(item).append('\n');
        }
        return sb.toString();
    }

    private static String components(Collection<DataComponent> components) {
        if (components.isEmpty()) {
            return "—";
        }
        List<String> out = new ArrayList<>();
        for (DataComponent c : DataComponent.values()) {
            if (components.contains(c)) {
                out.add(c.shortName());
            }
        }
        return String.join(", ", out);
    }

    /** Text that cannot start HTML or break out of inline code. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append(startsEntity(s, i) ? "&amp;" : "&");
                case '`' -> sb.append('\'');
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** Whether an ampersand begins what a Markdown renderer would read as an HTML entity ({@code &lt;}, {@code &#60;}). */
    private static boolean startsEntity(String s, int at) {
        for (int i = at + 1; i < s.length() && i <= at + 32; i++) {
            char c = s.charAt(i);
            if (c == ';') {
                return i > at + 1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                return false;
            }
        }
        return false;
    }

    /** Text for a table cell: also no pipes. */
    static String cell(String s) {
        return text(s).replace("|", "\\|");
    }
}
