package io.dscover.dsl.ast;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The syntax tree as JSON ({@code dscover rules compile --emit ast}): each node an object with
 * {@code "node"} (its kind), {@code "at"} ({@code file:line:col}) and its parts, generically from the
 * record components so the output follows the tree without a second description of it.
 */
public final class AstJson {

    private AstJson() {
    }

    public static String render(List<DetFile> files) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            value(g, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Optional<?> o) {
            value(g, o.orElse(null));
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name().toLowerCase(java.util.Locale.ROOT));
        } else if (v instanceof RuleSource s) {
            g.writeString(s.name());
        } else if (v instanceof SourceSpan s) {
            g.writeString(s.location());
        } else if (v instanceof Name n) {
            g.writeString(n.text());
        } else if (v instanceof Record r) {
            record(g, r);
        } else {
            g.writeString(v.toString());
        }
    }

    private static void record(JsonGenerator g, Record r) throws IOException {
        g.writeStartObject();
        String kind = r.getClass().getSimpleName();
        Class<?> outer = r.getClass().getEnclosingClass();
        g.writeStringField("node", outer != null && outer != AstJson.class ? outer.getSimpleName() + "." + kind : kind);
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            g.writeFieldName(c.getName().equals("span") ? "at" : c.getName());
            value(g, v);
        }
        g.writeEndObject();
    }
}
