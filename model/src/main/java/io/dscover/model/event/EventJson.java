package io.dscover.model.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as JSON objects, the form of {@code dscover collect} output and of {@code *.events.jsonl}
 * input: {@code "type"} names the event, fields are flat dotted keys in schema order, {@code ts} is
 * RFC 3339 with the input's precision, durations are nanoseconds, extra fields follow. Nested objects
 * ({@code {"source":{"ip":...}}}) are accepted on input and flattened.
 */
public final class EventJson {

    /** Bounds what one hostile line can make the parser allocate. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(64)
                    .build())
            .build();

    private static final int MAX_FIELDS = 4096;

    private EventJson() {
    }

    public static JsonFactory factory() {
        return FACTORY;
    }

    /** One event as a single line of JSON (no newline). */
    public static String toJson(NetworkEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(event, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes one event as a JSON object. */
    public static void write(NetworkEvent event, JsonGenerator g) throws IOException {
        EventTypeDef def = EventSchema.get().eventTypeOf(event);
        StringBuilder time = new StringBuilder(32);
        g.writeStartObject();
        g.writeStringField("type", def.name());
        Timestamps.appendTo(time, event.getTs(), event.getTsPrecision());
        g.writeStringField("ts", time.toString());
        for (FieldDef f : def.fields()) {
            if (f.name().equals("ts")) {
                continue;
            }
            Object v = f.get(event);
            if (v == null) {
                continue;
            }
            g.writeFieldName(f.name());
            writeValue(g, f.type(), v, event.getTsPrecision(), time);
        }
        for (Map.Entry<String, Object> e : event.extra().entrySet()) {
            g.writeFieldName(e.getKey());
            writeRaw(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, FieldType type, Object v, int precision, StringBuilder scratch)
            throws IOException {
        switch (type) {
            case TIME -> {
                // at least ts's precision, more when the value has it (e.g. a certificate time in a ts=... second)
                long nanosOfSecond = Math.floorMod((Long) v, 1_000_000_000L);
                int digits = 9;
                while (digits > 0 && nanosOfSecond % 10 == 0) {
                    nanosOfSecond /= 10;
                    digits--;
                }
                scratch.setLength(0);
                Timestamps.appendTo(scratch, (Long) v, Math.max(precision, digits));
                g.writeString(scratch.toString());
            }
            case INT, DURATION -> g.writeNumber((Long) v);
            case DECIMAL -> g.writeNumber((Double) v);
            case BOOL -> g.writeBoolean((Boolean) v);
            case STRING, IP -> g.writeString((String) v);
            case STRING_LIST, INT_LIST -> {
                g.writeStartArray();
                for (Object o : (List<?>) v) {
                    writeRaw(g, o);
                }
                g.writeEndArray();
            }
        }
    }

    private static void writeRaw(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeRaw(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeRaw(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Parses one JSON object into an event.
     *
     * @throws EventJsonException naming the key and the reason when the object is not a valid event
     */
    public static NetworkEvent parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EventJsonException("expected a JSON object");
            }
            NetworkEvent e = read(p);
            if (p.nextToken() != null) {
                throw new EventJsonException("unexpected content after the JSON object");
            }
            return e;
        } catch (StreamConstraintsException e) {
            throw new EventJsonException("JSON exceeds limits: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EventJsonException("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Reads the object the parser is positioned at (its START_OBJECT) into an event. */
    public static NetworkEvent read(JsonParser p) throws IOException {
        Map<String, Object> flat = new LinkedHashMap<>();
        readObject(p, "", flat);
        return fromFlatMap(flat);
    }

    /** Builds an event from flat dotted keys and loosely typed values (the JSON form, or test events). */
    public static NetworkEvent fromFlatMap(Map<String, Object> flat) {
        Object type = flat.get("type");
        if (!(type instanceof String typeName)) {
            throw new EventJsonException("missing \"type\" (the event type, e.g. \"flow\")");
        }
        EventTypeDef def = EventSchema.get().eventType(typeName).orElseThrow(() -> new EventJsonException(
                "unknown event type '" + typeName + "'; known: " + knownTypes()));
        NetworkEvent event = def.newEvent();
        Object ts = flat.containsKey("ts") ? flat.get("ts") : flat.get("@timestamp");
        if (ts == null) {
            throw new EventJsonException("missing \"ts\" (RFC 3339 event time)");
        }
        try {
            if (ts instanceof String s) {
                Timestamps.Parsed parsed = Timestamps.parse(s.trim());
                event.setTs(parsed.epochNanos(), parsed.precision());
            } else {
                event.setTs((Long) FieldValues.convert(FieldType.TIME, ts), 6);
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new EventJsonException("ts: " + e.getMessage());
        }
        for (Map.Entry<String, Object> entry : flat.entrySet()) {
            String key = entry.getKey();
            if (key.equals("type") || key.equals("ts") || key.equals("@timestamp")) {
                continue;
            }
            FieldDef f = def.field(key).orElse(null);
            if (f == null) {
                event.putExtra(key, entry.getValue());
                continue;
            }
            try {
                f.set(event, FieldValues.convert(f.type(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new EventJsonException(key + ": " + e.getMessage());
            }
        }
        if (event.getNetworkCommunityId() == null) {
            event.setNetworkCommunityId(CommunityId.of(event.getSourceIp(), event.getSourcePort(),
                    event.getDestinationIp(), event.getDestinationPort(), event.getNetworkTransport()));
        }
        return event;
    }

    private static void readObject(JsonParser p, String prefix, Map<String, Object> flat) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                readObject(p, key, flat);
            } else {
                flat.put(key, readValue(p, v));
            }
            if (flat.size() > MAX_FIELDS) {
                throw new EventJsonException("more than " + MAX_FIELDS + " fields in one event");
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new EventJsonException("malformed JSON object");
        }
    }

    private static Object readValue(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getDecimalValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == null) {
                        throw new EventJsonException("unterminated array");
                    }
                    if (list.size() >= MAX_FIELDS) {
                        throw new EventJsonException("array longer than " + MAX_FIELDS);
                    }
                    list.add(e == JsonToken.START_OBJECT ? readNested(p) : readValue(p, e));
                }
                yield list;
            }
            case START_OBJECT -> readNested(p);
            default -> throw new EventJsonException("unexpected JSON token " + v);
        };
    }

    private static Map<String, Object> readNested(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        readObject(p, "", m);
        return m;
    }

    private static String knownTypes() {
        StringBuilder sb = new StringBuilder();
        for (EventTypeDef t : EventSchema.get().eventTypes()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t.name());
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
