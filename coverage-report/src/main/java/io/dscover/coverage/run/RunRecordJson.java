package io.dscover.coverage.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes and reads {@link RunRecord}s as JSON (docs/coverage.md, "Run record"). */
public final class RunRecordJson {

    /** Reads bounded; writes without closing the caller's writer. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 20).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private RunRecordJson() {
    }

    public static void write(RunRecord record, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", RunRecord.FORMAT);
            g.writeNumberField("formatVersion", RunRecord.FORMAT_VERSION);
            g.writeStringField("command", record.command());
            g.writeStringField("generator", record.generator());
            g.writeStringField("recordedAt", record.recordedAt());
            g.writeArrayFieldStart("inputs");
            for (RunRecord.Input in : record.inputs()) {
                g.writeStartObject();
                g.writeStringField("input", in.input());
                g.writeStringField("collector", in.collector());
                g.writeNumberField("records", in.records());
                counts(g, "events", in.events());
                counts(g, "rejected", in.rejected());
                counts(g, "skipped", in.skipped());
                g.writeNumberField("gapCount", in.gapCount());
                g.writeArrayFieldStart("gaps");
                for (RunRecord.Gap gap : in.gaps()) {
                    g.writeStartObject();
                    g.writeStringField("start", gap.start());
                    g.writeStringField("end", gap.end());
                    g.writeStringField("reason", gap.reason());
                    g.writeStringField("where", gap.where());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("firstEvent", in.firstEvent().orElse(null));
                g.writeStringField("lastEvent", in.lastEvent().orElse(null));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("eventTypes");
            for (RunRecord.EventTypeFill e : record.eventTypes()) {
                g.writeStartObject();
                g.writeStringField("eventType", e.eventType());
                g.writeStringField("collector", e.collector());
                g.writeNumberField("events", e.events());
                g.writeNumberField("examined", e.examined());
                g.writeArrayFieldStart("fields");
                for (RunRecord.FieldFill f : e.fields()) {
                    g.writeStartObject();
                    g.writeStringField("field", f.field());
                    g.writeNumberField("set", f.set());
                    g.writeNumberField("rate", Math.round(f.rate() * 10_000) / 10_000.0);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Reads a run record file. */
    public static RunRecord read(Path file) throws RunRecordException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new RunRecordException(file + ": no such file");
        } catch (IOException e) {
            throw new RunRecordException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static RunRecord read(Reader source, String name) throws RunRecordException {
        JsonNode root;
        try {
            root = MAPPER.readTree(source);
        } catch (JsonProcessingException e) {
            throw new RunRecordException(name + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new RunRecordException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !RunRecord.FORMAT.equals(root.path("format").asText())) {
            throw new RunRecordException(name + ": not a dscover run record (\"format\": \"" + RunRecord.FORMAT
                    + "\" missing; write one with dscover collect --run-json FILE)");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != RunRecord.FORMAT_VERSION) {
            throw new RunRecordException(name + ": run record format version " + root.path("formatVersion")
                    + " is not the version this dscover reads (" + RunRecord.FORMAT_VERSION + ")");
        }
        Fields f = new Fields(name);
        List<RunRecord.Input> inputs = new ArrayList<>();
        JsonNode ins = f.array(root, "inputs");
        for (int i = 0; i < ins.size(); i++) {
            JsonNode in = ins.get(i);
            String at = "inputs[" + i + "]";
            List<RunRecord.Gap> gaps = new ArrayList<>();
            for (JsonNode g : in.path("gaps")) {
                if (gaps.size() < RunRecord.Input.MAX_GAPS) {
                    gaps.add(new RunRecord.Gap(g.path("start").asText(""), g.path("end").asText(""),
                            g.path("reason").asText(""), g.path("where").asText("")));
                }
            }
            inputs.add(new RunRecord.Input(f.text(in, "input", at), in.path("collector").asText(""),
                    f.count(in, "records", at), f.counts(in, "events", at), f.counts(in, "rejected", at),
                    f.counts(in, "skipped", at), in.path("gapCount").asLong(gaps.size()), gaps,
                    optionalText(in, "firstEvent"), optionalText(in, "lastEvent")));
        }
        List<RunRecord.EventTypeFill> types = new ArrayList<>();
        JsonNode ets = root.path("eventTypes");
        for (int i = 0; i < ets.size(); i++) {
            JsonNode e = ets.get(i);
            String at = "eventTypes[" + i + "]";
            List<RunRecord.FieldFill> fields = new ArrayList<>();
            for (JsonNode fl : e.path("fields")) {
                double rate = fl.path("rate").asDouble(0);
                fields.add(new RunRecord.FieldFill(fl.path("field").asText(""), fl.path("set").asLong(0),
                        Math.max(0, Math.min(1, rate))));
            }
            types.add(new RunRecord.EventTypeFill(f.text(e, "eventType", at), e.path("collector").asText(""),
                    f.count(e, "events", at), f.count(e, "examined", at), fields));
        }
        return new RunRecord(root.path("command").asText(""), root.path("generator").asText(""),
                root.path("recordedAt").asText(""), inputs, types);
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    /** Field access that names the file and the JSON path of what is missing. */
    private record Fields(String file) {
        JsonNode array(JsonNode n, String field) throws RunRecordException {
            JsonNode v = n.get(field);
            if (v == null || !v.isArray()) {
                throw new RunRecordException(file + ": \"" + field + "\" must be an array");
            }
            return v;
        }

        String text(JsonNode n, String field, String at) throws RunRecordException {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual()) {
                throw new RunRecordException(file + ": " + at + "." + field + " must be a string");
            }
            return v.asText();
        }

        long count(JsonNode n, String field, String at) throws RunRecordException {
            JsonNode v = n.get(field);
            if (v == null || !v.canConvertToLong() || v.asLong() < 0 || !v.isIntegralNumber()) {
                throw new RunRecordException(file + ": " + at + "." + field + " must be a count (0 or more)");
            }
            return v.asLong();
        }

        Map<String, Long> counts(JsonNode n, String field, String at) throws RunRecordException {
            Map<String, Long> out = new LinkedHashMap<>();
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isObject()) {
                throw new RunRecordException(file + ": " + at + "." + field + " must be an object of counts");
            }
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                out.put(e.getKey(), count(v, e.getKey(), at + "." + field));
            }
            return out;
        }
    }
}
