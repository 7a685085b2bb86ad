package io.dscover.dsl.diagnostic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;

/**
 * Diagnostics as a SARIF 2.1.0 log (one run, tool {@code dscover}), the format code-scanning UIs
 * (GitHub, GitLab, IDEs) read. Each check ({@link Diagnostic#code()}) is a SARIF rule.
 */
public final class SarifRenderer {

    private SarifRenderer() {
    }

    public static String render(List<Diagnostic> diagnostics, String toolVersion) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "dscover");
            g.writeStringField("version", toolVersion);
            g.writeStringField("informationUri", "https://github.com/dscover/dscover/blob/main/docs/rules.md");
            g.writeArrayFieldStart("rules");
            TreeSet<String> codes = new TreeSet<>();
            diagnostics.forEach(d -> codes.add(d.code()));
            for (String code : codes) {
                g.writeStartObject();
                g.writeStringField("id", code);
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", code);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Diagnostic d : diagnostics) {
                g.writeStartObject();
                g.writeStringField("ruleId", d.code());
                g.writeStringField("level", d.isError() ? "error" : "warning");
                g.writeObjectFieldStart("message");
                g.writeStringField("text", d.message());
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", d.span().source().name().replace('\\', '/'));
                g.writeEndObject();
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", d.span().line());
                g.writeNumberField("startColumn", d.span().column());
                g.writeNumberField("endColumn", d.span().column() + d.span().underlineLength());
                g.writeObjectFieldStart("snippet");
                g.writeStringField("text", d.span().source().line(d.span().line()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }
}
