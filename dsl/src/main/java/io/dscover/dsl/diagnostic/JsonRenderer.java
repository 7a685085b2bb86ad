package io.dscover.dsl.diagnostic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Diagnostics as a JSON array of {@code {file, line, column, endLine, endColumn, severity, code, message}}
 * objects (columns 1-based, end exclusive), for editors and scripts.
 */
public final class JsonRenderer {

    private JsonRenderer() {
    }

    public static String render(List<Diagnostic> diagnostics) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Diagnostic d : diagnostics) {
                g.writeStartObject();
                g.writeStringField("file", d.span().source().name());
                g.writeNumberField("line", d.span().line());
                g.writeNumberField("column", d.span().column());
                int endOffset = d.span().endOffset();
                g.writeNumberField("endLine", d.span().source().lineOf(Math.max(d.span().startOffset(), endOffset - 1)));
                g.writeNumberField("endColumn", d.span().column() + d.span().underlineLength());
                g.writeStringField("severity", d.severity().label());
                g.writeStringField("code", d.code());
                g.writeStringField("message", d.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }
}
