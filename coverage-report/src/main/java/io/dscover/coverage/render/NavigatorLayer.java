package io.dscover.coverage.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.Reason;
import io.dscover.coverage.report.Totals;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report as an ATT&amp;CK Navigator layer, format 4.5 (shared/attack/navigator-layer-format.md): one
 * technique entry per technique and tactic, scored with the level (0..3) on a four-colour gradient, the
 * reasons as the comment, rules and components as metadata, a legend per level. {@code versions.attack}
 * is the catalog's major version, as the Navigator writes it. Fields are written in the Navigator's own
 * export order.
 */
public final class NavigatorLayer {

    /** The layer format this writes. */
    public static final String LAYER_VERSION = "4.5";
    /** The Navigator version the layer is written for (5.2 reads and writes layer 4.5). */
    public static final String NAVIGATOR_VERSION = "5.2.0";

    private static final JsonFactory FACTORY = new JsonFactory();

    private NavigatorLayer() {
    }

    public static String render(CoverageReport r) {
        StringWriter out = new StringWriter(1 << 16);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(r, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void write(CoverageReport r, JsonGenerator g) throws IOException {
        Totals.Summary s = r.summary();
        g.writeStartObject();
        g.writeStringField("name", "dscover coverage: DS0029 Network Traffic");
        g.writeObjectFieldStart("versions");
        g.writeStringField("attack", r.attack().major());
        g.writeStringField("navigator", NAVIGATOR_VERSION);
        g.writeStringField("layer", LAYER_VERSION);
        g.writeEndObject();
        g.writeStringField("domain", "enterprise-attack");
        g.writeStringField("description", String.format(Locale.ROOT,
                "Scores are coverage levels (0 none, 1 visible, 2 detected, 3 validated) of the %d DS0029 entries of %s: "
                        + "%d visible (%.1f%%), %d detected (%.1f%%), %d validated (%.1f%%). Telemetry: %s. Rules: %s.",
                s.entries(), r.attack().label(), s.atLeast(Level.VISIBLE), s.percent(Level.VISIBLE),
                s.atLeast(Level.DETECTED), s.percent(Level.DETECTED), s.atLeast(Level.VALIDATED), s.percent(Level.VALIDATED),
                r.telemetry().description(), r.rulesDescription()));
        g.writeNumberField("sorting", 0);
        g.writeObjectFieldStart("layout");
        g.writeStringField("layout", "side");
        g.writeBooleanField("showID", true);
        g.writeBooleanField("showName", true);
        g.writeBooleanField("showAggregateScores", false);
        g.writeBooleanField("countUnscored", false);
        g.writeStringField("aggregateFunction", "average");
        g.writeStringField("expandedSubtechniques", "annotated");
        g.writeEndObject();
        g.writeBooleanField("hideDisabled", false);
        g.writeArrayFieldStart("techniques");
        for (Entry e : r.entries()) {
            for (String tactic : e.tactics()) {
                technique(g, e, tactic);
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("gradient");
        g.writeArrayFieldStart("colors");
        for (Level l : Level.values()) {
            g.writeString(LevelColors.of(l));
        }
        g.writeEndArray();
        g.writeNumberField("minValue", 0);
        g.writeNumberField("maxValue", 3);
        g.writeEndObject();
        g.writeArrayFieldStart("legendItems");
        for (Level l : Level.values()) {
            g.writeStartObject();
            g.writeStringField("label", LevelColors.meaning(l));
            g.writeStringField("color", LevelColors.of(l));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("metadata");
        meta(g, "generator", r.generator());
        meta(g, "ATT&CK", r.attack().label());
        meta(g, "telemetry", r.telemetry().description() + ": "
                + r.telemetry().sources().stream().map(x -> x.label()).collect(Collectors.joining(", ")));
        meta(g, "rules", r.rulesDescription());
        meta(g, "detected", String.format(Locale.ROOT, "%d of %d entries (%.1f%%)", s.atLeast(Level.DETECTED), s.entries(),
                s.percent(Level.DETECTED)));
        g.writeEndArray();
        g.writeArrayFieldStart("links");
        g.writeEndArray();
        g.writeBooleanField("showTacticRowBackground", false);
        g.writeStringField("tacticRowBackground", "#dddddd");
        g.writeBooleanField("selectTechniquesAcrossTactics", true);
        g.writeBooleanField("selectSubtechniquesWithParent", false);
        g.writeBooleanField("selectVisibleTechniques", false);
        g.writeEndObject();
    }

    private static void technique(JsonGenerator g, Entry e, String tactic) throws IOException {
        g.writeStartObject();
        g.writeStringField("techniqueID", e.id());
        g.writeStringField("tactic", tactic);
        g.writeNumberField("score", e.level().score());
        g.writeStringField("color", "");
        StringBuilder comment = new StringBuilder("Level " + e.level().score() + " (" + e.level().label() + ")");
        for (Reason reason : e.reasons()) {
            comment.append("\n- ").append(reason.text());
        }
        e.subtechniques().ifPresent(a -> comment.append("\n").append(a.label()));
        g.writeStringField("comment", comment.toString());
        g.writeBooleanField("enabled", true);
        g.writeArrayFieldStart("metadata");
        meta(g, "level", e.level().score() + " " + e.level().label());
        meta(g, "ATT&CK components", names(e.attackComponents()));
        meta(g, "supplied components", e.suppliedComponents().isEmpty() ? "none" : names(e.suppliedComponents()));
        String rules = e.rules().stream().map(x -> x.rule() + (x.validated() ? " (validated)" : x.runs() ? " (runs)" : " (cannot run)"))
                .collect(Collectors.joining(", "));
        meta(g, "rules", rules.isEmpty() ? "none" : rules);
        if (e.subtechniques().isPresent()) {
            g.writeStartObject();
            g.writeBooleanField("divider", true);
            g.writeEndObject();
            meta(g, "sub-techniques (aggregate)", e.subtechniques().get().label());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("links");
        g.writeStartObject();
        g.writeStringField("label", "ATT&CK " + e.id());
        g.writeStringField("url", "https://attack.mitre.org/techniques/" + e.id().replace('.', '/') + "/");
        g.writeEndObject();
        g.writeEndArray();
        g.writeBooleanField("showSubtechniques", e.subtechniques().isPresent());
        g.writeEndObject();
    }

    private static void meta(JsonGenerator g, String name, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("value", value);
        g.writeEndObject();
    }

    private static String names(Collection<DataComponent> components) {
        return components.stream().sorted().map(DataComponent::attackName).collect(Collectors.joining(", "));
    }
}
