package io.dscover.rules.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * An alert as one JSON object, the line format of {@code dscover detect}. Field order is fixed
 * (ts, rule, title, severity, techniques, component, kind, group, measure, value, window, 5-tuple,
 * community id, evidence, details) and absent values are left out, so equal alerts give equal bytes.
 * Times are RFC 3339 with the input's precision; the 5-tuple uses the event schema's dotted names.
 */
public final class AlertJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AlertJson() {
    }

    /** One alert as a single line of JSON (no newline). */
    public static String toJson(Alert alert) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(alert, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static JsonGenerator newGenerator(java.io.Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    public static void write(Alert a, JsonGenerator g) throws IOException {
        int precision = a.tsPrecision();
        g.writeStartObject();
        g.writeStringField("ts", Timestamps.format(a.tsNanos(), precision));
        g.writeStringField("rule", a.rule().id());
        g.writeStringField("title", a.rule().title());
        g.writeStringField("severity", a.rule().severity().label());
        g.writeArrayFieldStart("techniques");
        for (String t : a.rule().techniques()) {
            g.writeString(t);
        }
        g.writeEndArray();
        if (a.component() != null) {
            g.writeStringField("component", a.component());
        }
        g.writeStringField("kind", a.kind().label());
        if (!a.group().isEmpty()) {
            g.writeFieldName("group");
            writeValue(g, a.group());
        }
        if (a.measure() != null) {
            g.writeStringField("measure", a.measure());
        }
        if (a.value() != null) {
            g.writeFieldName("value");
            writeValue(g, a.value());
        }
        if (a.windowStartNanos() != null || a.windowEndNanos() != null) {
            g.writeObjectFieldStart("window");
            if (a.windowStartNanos() != null) {
                g.writeStringField("start", Timestamps.format(a.windowStartNanos(), precision));
            }
            if (a.windowEndNanos() != null) {
                g.writeStringField("end", Timestamps.format(a.windowEndNanos(), precision));
            }
            g.writeEndObject();
        }
        FlowTuple t = a.tuple();
        if (t != null) {
            stringField(g, "source.ip", t.sourceIp());
            numberField(g, "source.port", t.sourcePort());
            stringField(g, "destination.ip", t.destinationIp());
            numberField(g, "destination.port", t.destinationPort());
            stringField(g, "network.transport", t.transport());
            stringField(g, "network.community_id", t.communityId());
        }
        g.writeArrayFieldStart("evidence");
        for (Evidence e : a.evidence()) {
            g.writeStartObject();
            stringField(g, "file", e.file());
            numberField(g, "record", e.record());
            numberField(g, "offset", e.offset());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!a.details().isEmpty()) {
            g.writeFieldName("details");
            writeValue(g, a.details());
        }
        g.writeEndObject();
    }

    private static void stringField(JsonGenerator g, String name, String v) throws IOException {
        if (v != null) {
            g.writeStringField(name, v);
        }
    }

    private static void numberField(JsonGenerator g, String name, Long v) throws IOException {
        if (v != null) {
            g.writeNumberField(name, v);
        }
    }

    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            writeDouble(g, d);
        } else if (v instanceof Float f) {
            writeDouble(g, f.doubleValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    /** Whole doubles print without a fraction (an average of 3.0 prints as 3); NaN/infinity, never valid JSON numbers, as strings. */
    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeString(Double.toString(d));
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d);
        } else {
            g.writeNumber(d);
        }
    }
}
