package io.dscover.coverage.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link CoverageReport} as JSON. Field names and order are part of the format
 * ({@code "format": "dscover-coverage", "formatVersion": 1}); new fields may be added, none are renamed
 * or removed within a format version. Components are written by short name ({@code connection},
 * {@code content}, {@code flow}), levels as numbers 0..3 with a {@code levelName}.
 */
public final class CoverageJson {

    /** The {@code format} value. */
    public static final String FORMAT = "dscover-coverage";
    /** The {@code formatVersion} this code writes. */
    public static final int FORMAT_VERSION = 1;

    /** Writes without closing the caller's writer. */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private CoverageJson() {
    }

    public static String render(CoverageReport report) {
        StringWriter out = new StringWriter(1 << 16);
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(CoverageReport r, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("generator", r.generator());
            g.writeObjectFieldStart("attack");
            g.writeStringField("version", r.attack().version());
            g.writeStringField("source", r.attack().source());
            g.writeStringField("detectionModel", r.attack().detectionModel());
            g.writeStringField("versionBasis", r.attack().versionBasis());
            g.writeEndObject();
            telemetry(g, r);
            g.writeStringField("rulesSource", r.rulesDescription());
            strings(g, "testResults", r.testResults());
            summary(g, "summary", r.summary());
            g.writeArrayFieldStart("components");
            for (Totals.Component c : r.components()) {
                g.writeStartObject();
                g.writeStringField("component", c.component().shortName());
                g.writeStringField("name", c.component().attackName());
                g.writeStringField("id", c.component().v18Id());
                strings(g, "suppliedBy", c.suppliedBy());
                g.writeNumberField("entries", c.entries());
                g.writeNumberField("visible", c.visible());
                g.writeNumberField("detected", c.detected());
                g.writeNumberField("validated", c.validated());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tactics");
            for (Totals.Tactic t : r.tactics()) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("shortName", t.shortName());
                g.writeStringField("name", t.name());
                g.writeNumberField("entries", t.entries());
                levels(g, t.byLevel());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            for (Entry e : r.entries()) {
                entry(g, e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (RuleAssessment a : r.rules()) {
                rule(g, a);
            }
            g.writeEndArray();
            gaps(g, r.gaps());
            if (r.modelDiff().isPresent()) {
                diff(g, r.modelDiff().get());
            }
            if (r.dataQuality().isPresent()) {
                quality(g, r.dataQuality().get());
            }
            strings(g, "notes", r.notes());
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void telemetry(JsonGenerator g, CoverageReport r) throws IOException {
        g.writeObjectFieldStart("telemetry");
        g.writeStringField("origin", r.telemetry().origin().label());
        g.writeStringField("description", r.telemetry().description());
        components(g, "components", r.telemetry().components());
        g.writeArrayFieldStart("sources");
        for (TelemetrySource s : r.telemetry().sources()) {
            g.writeStartObject();
            g.writeStringField("collector", s.collector());
            if (!s.parts().isEmpty()) {
                strings(g, s.partsKey(), s.parts());
            }
            g.writeObjectFieldStart("eventTypes");
            for (Map.Entry<String, Set<DataComponent>> e : s.supplied().entrySet()) {
                components(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, String name, Totals.Summary s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("entries", s.entries());
        g.writeNumberField("parents", s.parents());
        g.writeNumberField("subtechniques", s.subtechniques());
        levels(g, s.byLevel());
        for (Level l : List.of(Level.VISIBLE, Level.DETECTED, Level.VALIDATED)) {
            g.writeObjectFieldStart(l.label());
            g.writeNumberField("entries", s.atLeast(l));
            g.writeNumberField("percent", round1(s.percent(l)));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void levels(JsonGenerator g, Map<Level, Integer> byLevel) throws IOException {
        g.writeObjectFieldStart("byLevel");
        for (Level l : Level.values()) {
            g.writeNumberField(l.label(), byLevel.get(l));
        }
        g.writeEndObject();
    }

    private static void entry(JsonGenerator g, Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("name", e.name());
        g.writeStringField("fullName", e.fullName());
        g.writeStringField("parent", e.parentId().orElse(null));
        strings(g, "tactics", e.tactics());
        g.writeNumberField("level", e.level().score());
        g.writeStringField("levelName", e.level().label());
        components(g, "attackComponents", e.attackComponents());
        components(g, "suppliedComponents", e.suppliedComponents());
        g.writeArrayFieldStart("rules");
        for (Entry.EntryRule r : e.rules()) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeBooleanField("runs", r.runs());
            g.writeBooleanField("validated", r.validated());
            components(g, "via", r.via());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("reasons");
        for (Reason reason : e.reasons()) {
            g.writeStartObject();
            g.writeStringField("code", reason.code());
            g.writeStringField("text", reason.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (e.subtechniques().isPresent()) {
            var s = e.subtechniques().get();
            g.writeObjectFieldStart("subtechniques");
            g.writeStringField("label", s.label());
            g.writeNumberField("count", s.count());
            levels(g, s.byLevel());
            g.writeNumberField("lowest", s.lowest().score());
            g.writeNumberField("highest", s.highest().score());
            g.writeEndObject();
        }
        if (!e.strategies().isEmpty()) {
            g.writeArrayFieldStart("strategies");
            for (StrategyView s : e.strategies()) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("name", s.name());
                g.writeArrayFieldStart("analytics");
                for (StrategyView.AnalyticView a : s.analytics()) {
                    g.writeStartObject();
                    g.writeStringField("id", a.id());
                    g.writeStringField("supply", a.supply().label());
                    strings(g, "platforms", a.platforms());
                    g.writeArrayFieldStart("logSources");
                    for (StrategyView.LogSourceView ls : a.logSources()) {
                        g.writeStartObject();
                        g.writeStringField("dataComponent", ls.dataComponent());
                        g.writeBooleanField("ds0029", ls.ds0029());
                        g.writeStringField("name", ls.name());
                        g.writeStringField("channel", ls.channel());
                        strings(g, "collectedBy", ls.collectedBy());
                        g.writeBooleanField("componentSupplied", ls.componentSupplied());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, RuleAssessment a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("title", a.title());
        g.writeStringField("severity", a.severity());
        g.writeStringField("status", a.status());
        g.writeBooleanField("enabled", a.enabled());
        g.writeStringField("kind", a.kind());
        g.writeStringField("source", a.source());
        strings(g, "techniques", a.techniques());
        strings(g, "eventTypes", a.eventTypes());
        components(g, "components", a.components());
        g.writeBooleanField("canRun", a.canRun());
        components(g, "runsOn", a.runsOn());
        strings(g, "suppliedBy", a.suppliedBy());
        g.writeArrayFieldStart("missing");
        for (RuleAssessment.MissingEvents m : a.missing()) {
            g.writeStartObject();
            g.writeStringField("eventType", m.eventType());
            strings(g, "wouldSupply", m.wouldSupply());
            g.writeEndObject();
        }
        g.writeEndArray();
        TestVerdict v = a.tests();
        g.writeObjectFieldStart("tests");
        g.writeStringField("verdict", v.status().label());
        g.writeNumberField("declared", v.declared());
        for (String result : List.of("passed", "failed", "skipped", "not-run")) {
            g.writeNumberField(result.equals("not-run") ? "notRun" : result, v.count(result));
        }
        g.writeArrayFieldStart("results");
        for (TestVerdict.TestLine t : v.tests()) {
            g.writeStartObject();
            g.writeStringField("name", t.name());
            g.writeStringField("result", t.result());
            g.writeStringField("message", t.message());
            g.writeBooleanField("declared", t.declared());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void gaps(JsonGenerator g, Gaps gaps) throws IOException {
        g.writeObjectFieldStart("gaps");
        strings(g, "visibleUndetected", gaps.visibleUndetected());
        g.writeArrayFieldStart("rulesThatCannotRun");
        for (Gaps.RuleGap r : gaps.rulesThatCannotRun()) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            strings(g, "techniques", r.techniques());
            g.writeStringField("reason", r.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rulesOutsideModel");
        for (Gaps.OutsideMapping o : gaps.rulesOutsideModel()) {
            g.writeStartObject();
            g.writeStringField("rule", o.rule());
            g.writeStringField("technique", o.technique());
            g.writeStringField("reason", o.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sourceGains");
        for (Gaps.SourceGain s : gaps.sourceGains()) {
            g.writeStartObject();
            g.writeStringField("collector", s.collector());
            if (!s.part().isEmpty()) {
                g.writeStringField(s.partsKey().equals("logs") ? "log" : "event", s.part());
            }
            strings(g, "visible", s.visible());
            strings(g, "detected", s.detected());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void diff(JsonGenerator g, ModelDiff d) throws IOException {
        g.writeObjectFieldStart("modelDiff");
        g.writeStringField("legacy", d.legacyAttack());
        g.writeStringField("current", d.attack());
        summary(g, "legacySummary", d.legacySummary());
        changes(g, "gained", d.gained());
        changes(g, "lost", d.lost());
        changes(g, "changed", d.changed());
        g.writeEndObject();
    }

    private static void changes(JsonGenerator g, String name, List<ModelDiff.Change> changes) throws IOException {
        g.writeArrayFieldStart(name);
        for (ModelDiff.Change c : changes) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("name", c.name());
            level(g, "legacyLevel", c.legacyLevel());
            level(g, "level", c.level());
            components(g, "legacyComponents", c.legacyComponents());
            components(g, "components", c.components());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void level(JsonGenerator g, String name, Optional<Level> level) throws IOException {
        if (level.isPresent()) {
            g.writeNumberField(name, level.get().score());
        } else {
            g.writeNullField(name);
        }
    }

    private static void quality(JsonGenerator g, DataQuality q) throws IOException {
        g.writeObjectFieldStart("dataQuality");
        g.writeStringField("runRecord", q.file());
        g.writeStringField("command", q.run().command());
        g.writeStringField("recordedAt", q.run().recordedAt());
        g.writeNumberField("inputs", q.run().inputs().size());
        g.writeNumberField("unreadableInputs", q.unreadable());
        g.writeNumberField("records", q.records());
        g.writeNumberField("events", q.events());
        g.writeNumberField("rejected", q.rejected());
        g.writeNumberField("rejectedShare", Math.round(q.rejectedShare() * 10_000) / 10_000.0);
        g.writeNumberField("gaps", q.gaps());
        g.writeStringField("firstEvent", q.firstEvent().orElse(null));
        g.writeStringField("lastEvent", q.lastEvent().orElse(null));
        g.writeArrayFieldStart("fieldConcerns");
        for (DataQuality.FieldConcern c : q.rulesFields()) {
            g.writeStartObject();
            g.writeStringField("rule", c.rule());
            g.writeStringField("eventType", c.eventType());
            g.writeStringField("collector", c.collector());
            g.writeStringField("field", c.field());
            g.writeNumberField("rate", Math.round(c.rate() * 10_000) / 10_000.0);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("perInput");
        for (RunRecord.Input i : q.run().inputs()) {
            g.writeStartObject();
            g.writeStringField("input", i.input());
            g.writeStringField("collector", i.collector());
            g.writeNumberField("records", i.records());
            g.writeNumberField("events", i.eventCount());
            g.writeNumberField("rejected", i.rejectedCount());
            g.writeNumberField("gaps", i.gapCount());
            g.writeStringField("firstEvent", i.firstEvent().orElse(null));
            g.writeStringField("lastEvent", i.lastEvent().orElse(null));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void components(JsonGenerator g, String name, Collection<DataComponent> components) throws IOException {
        g.writeArrayFieldStart(name);
        for (DataComponent c : DataComponent.values()) {
            if (components.contains(c)) {
                g.writeString(c.shortName());
            }
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
