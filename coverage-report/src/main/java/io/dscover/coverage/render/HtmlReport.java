package io.dscover.coverage.render;

import static io.dscover.coverage.render.Html.esc;

import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.DataQuality;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Gaps;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.ModelDiff;
import io.dscover.coverage.report.Reason;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.StrategyView;
import io.dscover.coverage.report.TestVerdict;
import io.dscover.coverage.report.Totals;
import io.dscover.coverage.run.RunRecord;
import io.dscover.coverage.telemetry.TelemetrySource;
import io.dscover.model.event.DataComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts and a few lines of inline
 * script (opening a technique's details from the heat map, filtering); no request leaves the page, so it
 * opens offline and from a CI artefact. Sections: summary numbers, a tactic × technique heat map coloured
 * by level, per-component bars, per-tactic bars, the gaps, the v18 difference and data quality when
 * present, and a drill-down per technique with its reasons, rules, tests and (v18+) analytics. The page
 * reads the same without script; every value is HTML-escaped.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(CoverageReport r) {
        StringBuilder h = new StringBuilder(1 << 17);
        Totals.Summary s = r.summary();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>dscover coverage: DS0029 Network Traffic</title>\n<style>").append(STYLE).append("</style></head>\n");
        h.append("<body>\n<header><h1>DS0029 Network Traffic coverage</h1>\n<p class=\"meta\">")
                .append(esc(r.attack().label())).append(" · telemetry: ").append(esc(r.telemetry().description()))
                .append(" (").append(esc(r.telemetry().sources().stream().map(TelemetrySource::label)
                        .collect(Collectors.joining(", ")))).append(")")
                .append(" · rules: ").append(esc(r.rulesDescription()))
                .append(" · test results: ").append(r.testResults().isEmpty() ? "none given" : esc(String.join(", ", r.testResults())))
                .append("</p>\n<nav><a href=\"#heatmap\">Heat map</a> <a href=\"#components\">Components</a> "
                        + "<a href=\"#tactics\">Tactics</a> <a href=\"#gaps\">Gaps</a>")
                .append(r.modelDiff().isPresent() ? " <a href=\"#v18\">v18 vs legacy</a>" : "")
                .append(r.dataQuality().isPresent() ? " <a href=\"#quality\">Data quality</a>" : "")
                .append(" <a href=\"#techniques\">Techniques</a> <a href=\"#rules\">Rules</a></nav></header>\n<main>\n");

        summary(h, s);
        heatMap(h, r);
        components(h, r);
        tactics(h, r);
        gaps(h, r);
        r.modelDiff().ifPresent(d -> diff(h, d));
        r.dataQuality().ifPresent(q -> quality(h, q));
        techniques(h, r);
        rules(h, r);
        if (!r.notes().isEmpty()) {
            h.append("<section id=\"notes\"><h2>Notes</h2><ul>");
            r.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul></section>\n");
        }
        h.append("</main>\n<footer>").append(esc(r.generator())).append(" · ATT&amp;CK® is © The MITRE Corporation</footer>\n");
        h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Totals.Summary s) {
        h.append("<section id=\"summary\" aria-label=\"summary\">\n");
        card(h, "entries", Integer.toString(s.entries()), s.parents() + " techniques + " + s.subtechniques()
                + " sub-techniques", "");
        for (Level l : List.of(Level.VALIDATED, Level.DETECTED, Level.VISIBLE)) {
            card(h, l.label(), Integer.toString(s.atLeast(l)), pct(s.percent(l)) + (l == Level.VALIDATED ? "" : " · "
                    + l.label() + " or better"), " l" + l.score());
        }
        card(h, "none", Integer.toString(s.byLevel().get(Level.NONE)), "no telemetry for them", " l0");
        h.append("</section>\n<p class=\"legend\">");
        for (Level l : Level.values()) {
            h.append("<span class=\"chip l").append(l.score()).append("\">").append(esc(LevelColors.meaning(l))).append("</span> ");
        }
        h.append("</p>\n");
    }

    private static void card(StringBuilder h, String name, String number, String caption, String levelClass) {
        h.append("<div class=\"card").append(levelClass).append("\" data-testid=\"card-").append(name).append("\">")
                .append("<div class=\"num\" data-testid=\"").append(name).append("\">").append(number).append("</div>")
                .append("<div class=\"label\">").append(esc(name)).append("</div><div class=\"caption\">").append(esc(caption))
                .append("</div></div>\n");
    }

    /** Tactic columns, each technique a cell coloured by level, sub-techniques indented under their parent. */
    private static void heatMap(StringBuilder h, CoverageReport r) {
        h.append("<section id=\"heatmap\"><h2>Techniques by tactic</h2>\n<p class=\"hint\">Each cell is a DS0029 "
                + "entry, coloured by its level; a technique with several tactics appears under each. Select a cell for "
                + "its reasons, rules and tests.</p>\n<div class=\"matrix\">\n");
        Map<String, Entry> byId = new LinkedHashMap<>();
        r.entries().forEach(e -> byId.put(e.id(), e));
        for (Totals.Tactic t : r.tactics()) {
            if (t.entries() == 0) {
                continue;
            }
            List<Entry> in = r.entries().stream().filter(e -> e.tactics().contains(t.shortName())).toList();
            h.append("<div class=\"tactic\" data-tactic=\"").append(esc(t.shortName())).append("\"><h3>").append(esc(t.name()))
                    .append("<span>").append(esc(t.id())).append(" · ").append(t.entries()).append(" · ")
                    .append(t.atLeast(Level.DETECTED)).append(" detected</span></h3>\n");
            List<Entry> tops = new ArrayList<>(in.stream().filter(e -> e.parentId().map(p -> !inColumn(byId.get(p), t)).orElse(true))
                    .toList());
            tops.sort(Comparator.comparing(Entry::fullName));
            for (Entry top : tops) {
                cell(h, top, false);
                if (!top.isSubtechnique()) {
                    in.stream().filter(e -> e.parentId().map(top.id()::equals).orElse(false))
                            .sorted(Comparator.comparing(Entry::id)).forEach(sub -> cell(h, sub, true));
                }
            }
            h.append("</div>\n");
        }
        h.append("</div></section>\n");
    }

    private static boolean inColumn(Entry parent, Totals.Tactic t) {
        return parent != null && parent.tactics().contains(t.shortName());
    }

    private static void cell(StringBuilder h, Entry e, boolean sub) {
        String name = sub ? e.name() : e.fullName();
        StringBuilder title = new StringBuilder(e.id() + " " + e.fullName() + " — level " + e.level().score() + " "
                + e.level().label());
        e.subtechniques().ifPresent(a -> title.append("\n").append(a.label()));
        h.append("<a class=\"cell l").append(e.level().score()).append(sub ? " sub" : "").append("\" href=\"#")
                .append(esc(e.id())).append("\" data-id=\"").append(esc(e.id())).append("\" data-level=\"")
                .append(e.level().score()).append("\" title=\"").append(esc(title.toString())).append("\"><b>")
                .append(esc(e.id())).append("</b> ").append(esc(name));
        e.subtechniques().ifPresent(a -> h.append(" <small class=\"agg\" title=\"").append(esc(a.label())).append("\">subs ")
                .append(a.atLeast(Level.DETECTED)).append('/').append(a.count()).append("</small>"));
        h.append("</a>\n");
    }

    private static void components(StringBuilder h, CoverageReport r) {
        h.append("<section id=\"components\"><h2>By component</h2>\n<p class=\"hint\">Entries ATT&amp;CK maps to each "
                + "DS0029 component, and how many of them the telemetry makes visible, a runnable rule detects and a "
                + "validated rule detects <em>through that component</em>.</p>\n");
        int max = r.components().stream().mapToInt(Totals.Component::entries).max().orElse(1);
        int width = 620;
        int rowH = 46;
        h.append("<svg class=\"bars\" style=\"max-width:1050px\" role=\"img\" aria-label=\"entries per component by level\" viewBox=\"0 0 ")
                .append(250 + width + 180).append(' ').append(rowH * r.components().size() + 10).append("\" width=\"100%\">\n");
        int y = 4;
        for (Totals.Component c : r.components()) {
            int[] seg = {c.validated(), c.detected() - c.validated(), c.visible() - c.detected(), c.entries() - c.visible()};
            Level[] lv = {Level.VALIDATED, Level.DETECTED, Level.VISIBLE, Level.NONE};
            h.append("<g data-component=\"").append(c.component().shortName()).append("\">");
            h.append("<text x=\"0\" y=\"").append(y + 15).append("\" class=\"bl\">").append(esc(c.component().attackName()))
                    .append("</text><text x=\"0\" y=\"").append(y + 32).append("\" class=\"bs\">").append(c.component().v18Id())
                    .append(" · ").append(c.suppliedBy().isEmpty() ? "not supplied" : "from " + esc(String.join(", ", c.suppliedBy())))
                    .append("</text>");
            double x = 250;
            for (int i = 0; i < seg.length; i++) {
                if (seg[i] <= 0) {
                    continue;
                }
                double w = (double) width * seg[i] / Math.max(1, max);
                h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\">"
                        + "<title>%d %s</title></rect>", x, y + 6, w, LevelColors.of(lv[i]), seg[i], lv[i].label()));
                if (w > 26) {
                    h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"bn%s\">%d</text>", x + w / 2, y + 23,
                            lv[i] == Level.VALIDATED ? " inv" : "", seg[i]));
                }
                x += w;
            }
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"bt\">%d detected of %d</text>", x + 8,
                    y + 23, c.detected(), c.entries()));
            h.append("</g>\n");
            y += rowH;
        }
        h.append("</svg>\n<table><thead><tr><th>component</th><th>entries</th><th>visible</th><th>detected</th>"
                + "<th>validated</th><th>supplied by</th></tr></thead><tbody>\n");
        for (Totals.Component c : r.components()) {
            h.append("<tr data-component=\"").append(c.component().shortName()).append("\"><td>").append(esc(c.component().attackName()))
                    .append(" (").append(c.component().v18Id()).append(")</td><td class=\"n\">").append(c.entries())
                    .append("</td><td class=\"n\">").append(c.visible()).append("</td><td class=\"n\">").append(c.detected())
                    .append("</td><td class=\"n\">").append(c.validated()).append("</td><td>")
                    .append(c.suppliedBy().isEmpty() ? "not supplied" : esc(String.join(", ", c.suppliedBy()))).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void tactics(StringBuilder h, CoverageReport r) {
        h.append("<section id=\"tactics\"><h2>By tactic</h2>\n<table><thead><tr><th>tactic</th><th>entries</th>"
                + "<th>levels</th><th>none</th><th>visible</th><th>detected</th><th>validated</th></tr></thead><tbody>\n");
        for (Totals.Tactic t : r.tactics()) {
            if (t.entries() == 0) {
                continue;
            }
            h.append("<tr><td>").append(esc(t.name())).append(" <small>").append(esc(t.id())).append("</small></td><td class=\"n\">")
                    .append(t.entries()).append("</td><td>").append(stackedBar(t.byLevel(), t.entries(), 220)).append("</td>");
            for (Level l : Level.values()) {
                h.append("<td class=\"n\">").append(t.byLevel().get(l)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static String stackedBar(Map<Level, Integer> byLevel, int total, int width) {
        StringBuilder b = new StringBuilder("<svg class=\"mini\" width=\"" + width + "\" height=\"14\" role=\"img\" aria-label=\"levels\">");
        double x = 0;
        for (int i = Level.values().length - 1; i >= 0; i--) {
            Level l = Level.values()[i];
            int n = byLevel.get(l);
            if (n == 0 || total == 0) {
                continue;
            }
            double w = (double) width * n / total;
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"14\" fill=\"%s\"><title>%d %s</title></rect>",
                    x, w, LevelColors.of(l), n, l.label()));
            x += w;
        }
        return b.append("</svg>").toString();
    }

    private static void gaps(StringBuilder h, CoverageReport r) {
        Gaps g = r.gaps();
        Map<String, Entry> byId = new LinkedHashMap<>();
        r.entries().forEach(e -> byId.put(e.id(), e));
        h.append("<section id=\"gaps\"><h2>Gaps</h2>\n");
        h.append("<h3 id=\"gap-undetected\">Visible but undetected: write a rule <span class=\"count\">")
                .append(g.visibleUndetected().size()).append("</span></h3>\n");
        if (g.visibleUndetected().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul class=\"cols\">");
            for (String id : g.visibleUndetected()) {
                Entry e = byId.get(id);
                h.append("<li><a href=\"#").append(esc(id)).append("\">").append(esc(id)).append("</a> ").append(esc(e.fullName()))
                        .append(" <small>").append(esc(shortNames(e.suppliedComponents()))).append("</small></li>");
            }
            h.append("</ul>\n");
        }
        h.append("<h3 id=\"gap-cannot-run\">Rules that cannot run on this telemetry: collect more <span class=\"count\">")
                .append(g.rulesThatCannotRun().size()).append("</span></h3>\n");
        if (g.rulesThatCannotRun().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table><thead><tr><th>rule</th><th>techniques</th><th>why</th></tr></thead><tbody>");
            for (Gaps.RuleGap rg : g.rulesThatCannotRun()) {
                h.append("<tr><td><a href=\"#rule-").append(esc(rg.rule())).append("\">").append(esc(rg.rule())).append("</a></td><td>")
                        .append(esc(String.join(", ", rg.techniques()))).append("</td><td>").append(esc(rg.reason())).append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h3 id=\"gap-sources\">What adding a source would gain</h3>\n");
        if (g.sourceGains().isEmpty()) {
            h.append("<p>Every collector dscover has is in the profile.</p>\n");
        } else {
            h.append("<table><thead><tr><th>source</th><th>would make visible</th><th>would make detected</th></tr></thead><tbody>");
            for (Gaps.SourceGain sg : g.sourceGains()) {
                h.append("<tr data-source=\"").append(esc(sg.label())).append("\"><td>").append(esc(sg.label()))
                        .append("</td><td>").append(idList(sg.visible())).append("</td><td>").append(idList(sg.detected()))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        if (!g.rulesOutsideModel().isEmpty()) {
            h.append("<h3>Rule mappings that count toward no entry <span class=\"count\">").append(g.rulesOutsideModel().size())
                    .append("</span></h3>\n<table><thead><tr><th>rule</th><th>technique</th><th>why</th></tr></thead><tbody>");
            for (Gaps.OutsideMapping o : g.rulesOutsideModel()) {
                h.append("<tr><td>").append(esc(o.rule())).append("</td><td>").append(esc(o.technique())).append("</td><td>")
                        .append(esc(o.reason())).append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static String idList(List<String> ids) {
        if (ids.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder("<b>").append(ids.size()).append("</b> <small>");
        int n = 0;
        for (String id : ids) {
            if (n++ == 12) {
                sb.append(" …");
                break;
            }
            sb.append("<a href=\"#").append(esc(id)).append("\">").append(esc(id)).append("</a> ");
        }
        return sb.append("</small>").toString();
    }

    private static void diff(StringBuilder h, ModelDiff d) {
        h.append("<section id=\"v18\"><h2>ATT&amp;CK v18 view compared with the legacy DS0029 view</h2>\n<p>")
                .append(esc(d.attack())).append(" reaches DS0029's components through analytics and detection strategies; ")
                .append(esc(d.legacyAttack())).append(" through the components' own <code>detects</code> relationships. With "
                        + "the same rules and telemetry:</p>\n<div class=\"cards small\">");
        card(h, "gained-in-v18", Integer.toString(d.gained().size()), "entries only the v18 view has", "");
        card(h, "lost-in-v18", Integer.toString(d.lost().size()), "entries only the legacy view has", "");
        card(h, "changed-in-v18", Integer.toString(d.changed().size()), "shared entries with other components or level", "");
        card(h, "legacy-detected", Integer.toString(d.legacySummary().atLeast(Level.DETECTED)), "detected of "
                + d.legacySummary().entries() + " in the legacy view", "");
        h.append("</div>\n");
        changeTable(h, "Gained in v18", d.gained());
        changeTable(h, "Lost in v18", d.lost());
        changeTable(h, "Changed", d.changed());
        h.append("</section>\n");
    }

    private static void changeTable(StringBuilder h, String title, List<ModelDiff.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        h.append("<details><summary>").append(esc(title)).append(" (").append(changes.size()).append(")</summary><table><thead><tr>"
                + "<th>ID</th><th>technique</th><th>legacy</th><th>v18</th><th>legacy components</th><th>v18 components</th>"
                + "</tr></thead><tbody>");
        for (ModelDiff.Change c : changes) {
            h.append("<tr><td>").append(esc(c.id())).append("</td><td>").append(esc(c.name())).append("</td><td>")
                    .append(c.legacyLevel().map(HtmlReport::chip).orElse("—")).append("</td><td>")
                    .append(c.level().map(HtmlReport::chip).orElse("—")).append("</td><td>")
                    .append(esc(shortNames(c.legacyComponents()))).append("</td><td>").append(esc(shortNames(c.components())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></details>\n");
    }

    private static void quality(StringBuilder h, DataQuality q) {
        h.append("<section id=\"quality\"><h2>Data quality</h2>\n<p>Measured from <code>").append(esc(q.file()))
                .append("</code> (").append(esc(q.run().command())).append(", ").append(esc(q.run().recordedAt())).append(").</p>\n")
                .append("<div class=\"cards small\">");
        card(h, "records", String.format(Locale.ROOT, "%,d", q.records()), "records read", "");
        card(h, "events", String.format(Locale.ROOT, "%,d", q.events()), "events", "");
        card(h, "rejected", String.format(Locale.ROOT, "%.2f%%", 100 * q.rejectedShare()),
                String.format(Locale.ROOT, "%,d records rejected", q.rejected()), "");
        card(h, "gaps", Long.toString(q.gaps()), "gaps in visibility (e.g. NODATA)", "");
        h.append("</div>\n<p>Events from <b>").append(esc(q.firstEvent().orElse("-"))).append("</b> to <b>")
                .append(esc(q.lastEvent().orElse("-"))).append("</b>; ").append(q.unreadable()).append(" unreadable inputs.</p>\n");
        if (!q.rulesFields().isEmpty()) {
            h.append("<h3>Fields rules read that most events lacked</h3><table><thead><tr><th>rule</th><th>event</th>"
                    + "<th>collector</th><th>field</th><th>filled</th></tr></thead><tbody>");
            for (DataQuality.FieldConcern c : q.rulesFields()) {
                h.append("<tr><td>").append(esc(c.rule())).append("</td><td>").append(esc(c.eventType())).append("</td><td>")
                        .append(esc(c.collector())).append("</td><td><code>").append(esc(c.field())).append("</code></td><td class=\"n\">")
                        .append(pct(100 * c.rate())).append("</td></tr>");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h3>Inputs</h3><table><thead><tr><th>input</th><th>collector</th><th>records</th><th>events</th>"
                + "<th>rejected</th><th>gaps</th><th>first event</th><th>last event</th></tr></thead><tbody>");
        for (RunRecord.Input i : q.run().inputs()) {
            h.append("<tr><td class=\"path\">").append(esc(i.input())).append("</td><td>")
                    .append(i.collector().isEmpty() ? "<em>unreadable</em>" : esc(i.collector())).append("</td><td class=\"n\">")
                    .append(i.records()).append("</td><td class=\"n\">").append(i.eventCount()).append("</td><td class=\"n\">")
                    .append(i.rejectedCount()).append(i.rejected().isEmpty() ? "" : " <small>" + esc(i.rejected().keySet().stream()
                            .collect(Collectors.joining(", "))) + "</small>")
                    .append("</td><td class=\"n\">").append(i.gapCount()).append("</td><td>").append(esc(i.firstEvent().orElse("-")))
                    .append("</td><td>").append(esc(i.lastEvent().orElse("-"))).append("</td></tr>");
        }
        h.append("</tbody></table>\n<h3>Field fill rates</h3><p class=\"hint\">Share of events with each field set, per event "
                + "type and collector (large runs are sampled).</p>\n");
        for (RunRecord.EventTypeFill f : q.run().eventTypes()) {
            h.append("<details class=\"fill\"><summary><b>").append(esc(f.eventType())).append("</b> from ").append(esc(f.collector()))
                    .append(String.format(Locale.ROOT, " — %,d events, %,d examined", f.events(), f.examined()))
                    .append("</summary><table><tbody>");
            for (RunRecord.FieldFill ff : f.fields()) {
                h.append("<tr><td><code>").append(esc(ff.field())).append("</code></td><td class=\"n\">").append(pct(100 * ff.rate()))
                        .append("</td><td><svg class=\"mini\" width=\"160\" height=\"10\"><rect width=\"160\" height=\"10\" fill=\"#eee\"/>"
                                + "<rect width=\"").append(String.format(Locale.ROOT, "%.1f", 160 * ff.rate()))
                        .append("\" height=\"10\" fill=\"#5b8def\"/></svg></td></tr>");
            }
            h.append("</tbody></table></details>\n");
        }
        h.append("</section>\n");
    }

    private static void techniques(StringBuilder h, CoverageReport r) {
        Map<String, RuleAssessment> rules = new LinkedHashMap<>();
        r.rules().forEach(a -> rules.put(a.id(), a));
        h.append("<section id=\"techniques\"><h2>Techniques</h2>\n<p><input id=\"filter\" type=\"search\" "
                + "placeholder=\"filter by ID, name, rule, level\" aria-label=\"filter techniques\"></p>\n");
        for (Entry e : r.entries()) {
            String search = (e.id() + " " + e.fullName() + " " + e.level().label() + " "
                    + e.rules().stream().map(Entry.EntryRule::rule).collect(Collectors.joining(" "))).toLowerCase(Locale.ROOT);
            h.append("<details class=\"entry\" id=\"").append(esc(e.id())).append("\" data-level=\"").append(e.level().score())
                    .append("\" data-search=\"").append(esc(search)).append("\"><summary>").append(chip(e.level())).append(" <b>")
                    .append(esc(e.id())).append("</b> ").append(esc(e.fullName())).append(" <small>")
                    .append(esc(shortNames(e.attackComponents()))).append(" · ")
                    .append(esc(e.tactics().stream().collect(Collectors.joining(", ")))).append("</small></summary>\n<div class=\"body\">");
            h.append("<ul class=\"reasons\">");
            for (Reason reason : e.reasons()) {
                h.append("<li data-code=\"").append(esc(reason.code())).append("\">").append(esc(reason.text())).append("</li>");
            }
            h.append("</ul>");
            e.subtechniques().ifPresent(a -> {
                h.append("<p class=\"agg\">").append(esc(a.label())).append(": ");
                r.entries().stream().filter(x -> x.parentId().map(e.id()::equals).orElse(false)).forEach(x ->
                        h.append("<a class=\"chip l").append(x.level().score()).append("\" href=\"#").append(esc(x.id())).append("\">")
                                .append(esc(x.id())).append("</a> "));
                h.append("</p>");
            });
            if (!e.rules().isEmpty()) {
                h.append("<table><thead><tr><th>rule</th><th>runs</th><th>through</th><th>tests</th></tr></thead><tbody>");
                for (Entry.EntryRule er : e.rules()) {
                    RuleAssessment a = rules.get(er.rule());
                    h.append("<tr><td><a href=\"#rule-").append(esc(er.rule())).append("\">").append(esc(er.rule())).append("</a>")
                            .append(a == null ? "" : " <small>" + esc(a.title()) + "</small>").append("</td><td>")
                            .append(er.runs() ? "yes" : "no").append("</td><td>").append(esc(er.runs() ? shortNames(a == null
                                    ? er.via() : a.runsOn()) : a == null ? "" : a.whyNot())).append("</td><td>")
                            .append(a == null ? "" : testsCell(a.tests())).append("</td></tr>");
                }
                h.append("</tbody></table>");
            }
            if (!e.strategies().isEmpty()) {
                strategies(h, e.strategies());
            }
            h.append("<p class=\"links\"><a href=\"https://attack.mitre.org/techniques/").append(esc(e.id().replace('.', '/')))
                    .append("/\">ATT&amp;CK page</a> (online)</p></div></details>\n");
        }
        h.append("</section>\n");
    }

    private static void strategies(StringBuilder h, List<StrategyView> strategies) {
        h.append("<table class=\"analytics\"><thead><tr><th>strategy</th><th>analytic</th><th>supply</th><th>log sources</th>"
                + "</tr></thead><tbody>");
        for (StrategyView s : strategies) {
            for (StrategyView.AnalyticView a : s.analytics()) {
                h.append("<tr data-supply=\"").append(a.supply().label()).append("\"><td>").append(esc(s.id())).append(" <small>")
                        .append(esc(s.name())).append("</small></td><td>").append(esc(a.id())).append(" <small>")
                        .append(esc(String.join(", ", a.platforms()))).append("</small></td><td>").append(esc(a.supply().label()))
                        .append("</td><td>");
                for (StrategyView.LogSourceView ls : a.logSources()) {
                    h.append("<div class=\"ls").append(ls.collectedBy().isEmpty() ? "" : " got").append("\">").append(esc(ls.name()))
                            .append(ls.channel().isEmpty() ? "" : " <small>" + esc(ls.channel()) + "</small>").append(" <small>(")
                            .append(esc(ls.dataComponent())).append(")</small>")
                            .append(ls.collectedBy().isEmpty() ? "" : " ← " + esc(String.join(", ", ls.collectedBy()))).append("</div>");
                }
                h.append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
    }

    private static String testsCell(TestVerdict v) {
        StringBuilder sb = new StringBuilder("<span class=\"verdict ").append(v.status().label()).append("\">")
                .append(esc(v.status().label())).append("</span>");
        if (!v.tests().isEmpty()) {
            sb.append("<ul class=\"tests\">");
            for (TestVerdict.TestLine t : v.tests()) {
                sb.append("<li class=\"").append(esc(t.result())).append("\">").append(esc(t.result())).append(": ").append(esc(t.name()))
                        .append(t.message().isEmpty() ? "" : " <small>" + esc(t.message()) + "</small>")
                        .append(t.declared() ? "" : " <small>(no longer declared)</small>").append("</li>");
            }
            sb.append("</ul>");
        }
        return sb.toString();
    }

    private static void rules(StringBuilder h, CoverageReport r) {
        h.append("<section id=\"rules\"><h2>Rules</h2>\n<table><thead><tr><th>rule</th><th>techniques</th><th>events</th>"
                + "<th>status</th><th>runs on this telemetry</th><th>tests</th><th>source</th></tr></thead><tbody>\n");
        for (RuleAssessment a : r.rules()) {
            h.append("<tr id=\"rule-").append(esc(a.id())).append("\"><td><b>").append(esc(a.id())).append("</b><br><small>")
                    .append(esc(a.title())).append("</small></td><td>").append(esc(String.join(", ", a.techniques())))
                    .append("</td><td>").append(esc(String.join(" → ", a.eventTypes()))).append(" <small>").append(esc(a.kind()))
                    .append("</small></td><td>").append(esc(a.severity())).append(", ").append(esc(a.status()))
                    .append(a.enabled() ? "" : ", <b>disabled</b>").append("</td><td>")
                    .append(a.canRun() ? "yes: " + esc(shortNames(a.runsOn())) + " from " + esc(String.join(", ", a.suppliedBy()))
                            : "no: " + esc(a.whyNot())).append("</td><td>").append(testsCell(a.tests())).append("</td><td class=\"path\">")
                    .append(esc(a.source())).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static String chip(Level l) {
        return "<span class=\"chip l" + l.score() + "\">" + l.score() + " " + l.label() + "</span>";
    }

    private static String shortNames(Collection<DataComponent> components) {
        if (components.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (DataComponent c : DataComponent.values()) {
            if (components.contains(c)) {
                out.add(c.shortName());
            }
        }
        return String.join(", ", out);
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    private static final String STYLE = """
            :root{--l0:%s;--l1:%s;--l2:%s;--l3:%s;--ink:#1b1f24;--mute:#57606a;--line:#d0d7de}
            *{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--ink);background:#fafbfc}
            header{background:#0d1b2a;color:#fff;padding:18px 28px 10px}header h1{margin:0 0 4px;font-size:22px}
            .meta{margin:0;color:#c9d4e0;font-size:13px}nav{margin-top:10px}nav a{color:#9ecbff;margin-right:14px;text-decoration:none}
            main{padding:0 28px 40px;max-width:1600px}h2{margin:34px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
            .hint{color:var(--mute);margin:4px 0 10px}
            #summary,.cards{display:flex;gap:12px;flex-wrap:wrap;margin-top:20px}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 18px;min-width:150px;border-top:6px solid #8c959f}
            .card.l0{border-top-color:var(--l0)}.card.l1{border-top-color:var(--l1)}.card.l2{border-top-color:var(--l2)}.card.l3{border-top-color:var(--l3)}
            .card .num{font-size:32px;font-weight:700}.card.l3 .caption{color:#e6f4e8}.card .label{font-weight:600;text-transform:capitalize}.card .caption{color:var(--mute);font-size:12px}
            .cards.small .num{font-size:22px}
            .legend{margin:12px 0}.chip{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;margin:2px 2px;color:#1b1f24;text-decoration:none}
            .l0{background:var(--l0)}.l1{background:var(--l1)}.l2{background:var(--l2)}.l3{background:var(--l3);color:#fff}
            .matrix{display:flex;gap:6px;overflow-x:auto;align-items:flex-start;padding-bottom:8px}
            .tactic{min-width:150px;max-width:190px;flex:1 0 150px}
            .tactic h3{font-size:12px;margin:0 0 4px;background:#e6ebf1;padding:5px 6px;border-radius:4px;min-height:48px}
            .tactic h3 span{display:block;font-weight:400;color:var(--mute)}
            .cell{display:block;font-size:11px;line-height:1.25;padding:3px 5px;margin:0 0 2px;border-radius:3px;color:#1b1f24;text-decoration:none;border:1px solid rgba(0,0,0,.08)}
            .cell.l3{color:#fff}.cell.sub{margin-left:10px;font-size:10.5px}.cell:hover{outline:2px solid #0969da}
            .cell .agg{float:right;opacity:.75}
            table{border-collapse:collapse;margin:8px 0;background:#fff}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
            th{background:#f1f4f7}td.n{text-align:right;font-variant-numeric:tabular-nums}td.path{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
            svg.bars text{font-size:13px}svg.bars .bl{font-weight:600}svg.bars .bs{fill:var(--mute);font-size:11px}
            svg.bars .bn{text-anchor:middle;font-size:12px}svg.bars .bn.inv{fill:#fff}svg.bars .bt{fill:var(--mute)}
            .count{background:#e6ebf1;border-radius:10px;padding:0 8px;font-size:13px}
            ul.cols{columns:3 320px;padding-left:18px}
            details.entry{background:#fff;border:1px solid var(--line);border-radius:6px;margin:4px 0}
            details.entry>summary{padding:6px 10px;cursor:pointer}details.entry .body{padding:4px 14px 10px}
            details.entry:target,details.entry[open]{border-color:#0969da}
            ul.reasons{margin:6px 0;padding-left:18px}ul.tests{margin:2px 0;padding-left:16px}
            li.passed{color:#1a7f37}li.failed{color:#cf222e}li.skipped,li.not-run{color:var(--mute)}
            .verdict{font-weight:600}.verdict.validated{color:#1a7f37}.verdict.failing{color:#cf222e}
            .ls{font-size:12px}.ls.got{font-weight:600;color:#1a7f37}
            #filter{width:340px;padding:6px 8px;border:1px solid var(--line);border-radius:6px}
            footer{color:var(--mute);padding:16px 28px;font-size:12px}
            """.formatted(LevelColors.of(Level.NONE), LevelColors.of(Level.VISIBLE), LevelColors.of(Level.DETECTED),
            LevelColors.of(Level.VALIDATED));

    /** Opens the technique a heat-map cell or link points to, filters the list; marks the page as scripted. */
    private static final String SCRIPT = """
            (function(){
              function openTarget(){
                var id=decodeURIComponent(location.hash.slice(1));
                var d=id&&document.getElementById(id);
                if(d&&d.tagName==='DETAILS'){d.open=true;d.scrollIntoView({block:'start'});}
              }
              window.addEventListener('hashchange',openTarget);openTarget();
              var f=document.getElementById('filter');
              if(f){f.addEventListener('input',function(){
                var v=f.value.toLowerCase();
                document.querySelectorAll('details.entry').forEach(function(d){
                  d.style.display=d.getAttribute('data-search').indexOf(v)>=0?'':'none';});
              });}
              var shown={0:0,1:0,2:0,3:0};
              document.querySelectorAll('#heatmap .cell').forEach(function(c){shown[c.getAttribute('data-level')]++;});
              document.body.setAttribute('data-heatmap-cells',Object.keys(shown).map(function(k){return k+':'+shown[k];}).join(' '));
            })();
            """;
}
