package io.dscover.collect.zeek;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zeek JSON line ({@code LogAscii::use_json}, JSON Streaming Logs, or any exporter that keeps
 * Zeek's field names) parsed into typed slots by column. Nested objects ({@code {"id":{"orig_h":..}}})
 * are flattened to Zeek's dotted names. JSON gives no Zeek types, so accessors take the form a value
 * has (epoch number or ISO-8601 text for times, seconds as a double for intervals) and convert it
 * as Zeek's ASCII writer would have printed it.
 */
final class JsonRecord extends ZeekRecord {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES) // keys are attacker data: never fill the JVM's intern pool
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(64)
                    .build())
            .build();

    private static final int MAX_ARRAY = 4096;
    private static final long MILLIS_THRESHOLD = 100_000_000_000L; // epoch seconds stay below this until year 5138

    private static final byte NONE = 0;
    private static final byte NULL = 1;
    private static final byte STRING = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte BIG = 7;
    private static final byte ARRAY = 8;

    private final Columns columns;
    private final AddressCache addresses;
    private byte[] kinds = new byte[64];
    private long[] longs = new long[64];
    private double[] doubles = new double[64];
    private Object[] objects = new Object[64];
    private int[] stamps = new int[64];
    private int generation;
    private int[] order = new int[64];
    private int orderCount;
    /** Keys of the previous line by position: Zeek writes keys in the same order on every line. */
    private String[] lastKeys = new String[64];
    private int[] lastCols = new int[64];

    JsonRecord(Columns columns, AddressCache addresses) {
        this.columns = columns;
        this.addresses = addresses;
    }

    /** Parses one line; {@code null} on success, otherwise why the line is not a JSON object. */
    String parse(byte[] buf, int from, int to) {
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            generation = 1;
        }
        reset(columns);
        orderCount = 0;
        try (JsonParser p = FACTORY.createParser(buf, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            readObject(p, null, 0);
            if (p.nextToken() != null) {
                return "content after the JSON object";
            }
            return null;
        } catch (StreamConstraintsException e) {
            return "JSON exceeds limits: " + e.getOriginalMessage();
        } catch (JsonParseException e) {
            return "malformed JSON: " + e.getOriginalMessage() + " (column " + e.getLocation().getColumnNr() + ")";
        } catch (IOException e) {
            return "malformed JSON: " + e.getMessage();
        }
    }

    private void readObject(JsonParser p, String prefix, int position) throws IOException {
        JsonToken t;
        int k = position;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int col;
            if (prefix == null) {
                col = column(key, k++);
            } else {
                col = columns.indexOf(prefix + "." + key);
            }
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                readObject(p, prefix == null ? key : prefix + "." + key, Integer.MAX_VALUE);
                continue;
            }
            if (col < 0) {
                p.skipChildren(); // past the column limit: the value is refused
                continue;
            }
            store(p, v, col);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "expected a field name or the end of the object");
        }
    }

    private int column(String key, int position) {
        if (position < lastKeys.length) {
            if (lastKeys[position] == key) { // Jackson hands out the same canonical instance per name
                return lastCols[position];
            }
            int col = columns.indexOf(key);
            lastKeys[position] = key;
            lastCols[position] = col;
            return col;
        }
        return columns.indexOf(key);
    }

    private void store(JsonParser p, JsonToken v, int col) throws IOException {
        ensure(col);
        if (stamps[col] != generation) {
            if (orderCount == order.length) {
                order = Arrays.copyOf(order, orderCount * 2);
            }
            order[orderCount++] = col;
        }
        stamps[col] = generation;
        objects[col] = null;
        switch (v) {
            case VALUE_STRING -> {
                kinds[col] = STRING;
                objects[col] = p.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    kinds[col] = BIG;
                    objects[col] = p.getText();
                } else {
                    kinds[col] = LONG;
                    longs[col] = p.getLongValue();
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                kinds[col] = DOUBLE;
                doubles[col] = p.getDoubleValue();
            }
            case VALUE_TRUE -> kinds[col] = TRUE;
            case VALUE_FALSE -> kinds[col] = FALSE;
            case VALUE_NULL -> kinds[col] = NULL;
            case START_ARRAY -> {
                kinds[col] = ARRAY;
                objects[col] = readArray(p);
            }
            default -> throw new JsonParseException(p, "unexpected token " + v);
        }
    }

    private List<Object> readArray(JsonParser p) throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "unterminated array");
            }
            if (list.size() >= MAX_ARRAY) {
                throw new JsonParseException(p, "array longer than " + MAX_ARRAY);
            }
            list.add(readAny(p, t));
        }
        return list;
    }

    private Object readAny(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getText() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> readArray(p);
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken f;
                while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (m.size() >= MAX_ARRAY) {
                        throw new JsonParseException(p, "object with more than " + MAX_ARRAY + " fields");
                    }
                    m.put(name, readAny(p, p.nextToken()));
                }
                if (f != JsonToken.END_OBJECT) {
                    throw new JsonParseException(p, "malformed nested object");
                }
                yield m;
            }
            default -> throw new JsonParseException(p, "unexpected token " + t);
        };
    }

    private void ensure(int col) {
        if (col >= kinds.length) {
            int n = Math.max(col + 1, kinds.length * 2);
            kinds = Arrays.copyOf(kinds, n);
            longs = Arrays.copyOf(longs, n);
            doubles = Arrays.copyOf(doubles, n);
            objects = Arrays.copyOf(objects, n);
            stamps = Arrays.copyOf(stamps, n);
        }
    }

    private byte kind(int col) {
        return col >= 0 && col < kinds.length && stamps[col] == generation ? kinds[col] : NONE;
    }

    @Override
    boolean present(int col) {
        byte k = kind(col);
        return k != NONE && k != NULL;
    }

    @Override
    String string(int col) {
        return switch (kind(col)) {
            case STRING, BIG -> (String) objects[col];
            case LONG -> Long.toString(longs[col]);
            case DOUBLE -> Double.toString(doubles[col]);
            case TRUE -> "T";
            case FALSE -> "F";
            case ARRAY -> String.valueOf(objects[col]);
            default -> null;
        };
    }

    @Override
    String symbol(int col) {
        return string(col);
    }

    @Override
    long count(int col) {
        return whole(col, "count", false);
    }

    @Override
    long integer(int col) {
        return whole(col, "int", true);
    }

    @Override
    long portValue(int col) {
        return whole(col, "port", false);
    }

    private long whole(int col, String what, boolean signed) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return ABSENT;
            }
            case LONG -> {
                long v = longs[col];
                if (!signed && v < 0) {
                    error(col, "not a " + what, Long.toString(v));
                    return ABSENT;
                }
                return v;
            }
            case DOUBLE -> {
                double d = doubles[col];
                if (d == Math.rint(d) && Math.abs(d) < 9.0e18 && (signed || d >= 0)) {
                    return (long) d;
                }
                error(col, "not a " + what, Double.toString(d));
                return ABSENT;
            }
            case STRING -> {
                Object v = scalarFromText(col, signed ? ZeekType.Kind.INT : ZeekType.Kind.COUNT, (String) objects[col]);
                return v == null ? ABSENT : (Long) v;
            }
            default -> {
                error(col, "not a " + what, raw(col));
                return ABSENT;
            }
        }
    }

    @Override
    int bool(int col) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return -1;
            }
            case TRUE -> {
                return 1;
            }
            case FALSE -> {
                return 0;
            }
            default -> {
                Object v = scalarFromText(col, ZeekType.Kind.BOOL, string(col));
                return v == null ? -1 : ((Boolean) v ? 1 : 0);
            }
        }
    }

    @Override
    long time(int col) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return ABSENT;
            }
            case DOUBLE -> {
                long v = ZeekNumbers.nanosFromSeconds(doubles[col]);
                if (v == ABSENT) {
                    error(col, "not a time", raw(col));
                }
                return v;
            }
            case LONG -> {
                return epochNanos(col, longs[col]);
            }
            case STRING -> {
                long v = parseTimeText((String) objects[col]);
                if (v == ABSENT) {
                    error(col, "not a time", (String) objects[col]);
                }
                return v;
            }
            default -> {
                error(col, "not a time", raw(col));
                return ABSENT;
            }
        }
    }

    /** An integral epoch time: seconds, or milliseconds ({@code JSON::TS_MILLIS}) when that large. */
    private long epochNanos(int col, long v) {
        if (Math.abs(v) >= MILLIS_THRESHOLD) {
            if (Math.abs(v) > Long.MAX_VALUE / 1_000_000L) {
                error(col, "time out of range", Long.toString(v));
                return ABSENT;
            }
            return v * 1_000_000L;
        }
        return v * 1_000_000_000L;
    }

    @Override
    long interval(int col) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return ABSENT;
            }
            case DOUBLE -> {
                long v = ZeekNumbers.nanosFromSeconds(doubles[col]);
                if (v == ABSENT) {
                    error(col, "not an interval", raw(col));
                }
                return v;
            }
            case LONG -> {
                long v = longs[col];
                if (Math.abs(v) > Long.MAX_VALUE / 1_000_000_000L) {
                    error(col, "interval out of range", Long.toString(v));
                    return ABSENT;
                }
                return v * 1_000_000_000L;
            }
            case STRING -> {
                long v = ZeekNumbers.parseSecondsNanos((String) objects[col]);
                if (v == ABSENT) {
                    error(col, "not an interval", (String) objects[col]);
                }
                return v;
            }
            default -> {
                error(col, "not an interval", raw(col));
                return ABSENT;
            }
        }
    }

    @Override
    double real(int col) {
        return switch (kind(col)) {
            case NONE, NULL -> Double.NaN;
            case DOUBLE -> doubles[col];
            case LONG -> longs[col];
            default -> {
                Object v = scalarFromText(col, ZeekType.Kind.DOUBLE, string(col));
                yield v == null ? Double.NaN : (Double) v;
            }
        };
    }

    @Override
    Address address(int col) {
        if (kind(col) != STRING) {
            if (present(col)) {
                error(col, "not an address", raw(col));
            }
            return null;
        }
        Address a = addresses.lookup((String) objects[col]);
        if (a == null) {
            error(col, "not an address", (String) objects[col]);
        }
        return a;
    }

    @Override
    List<String> strings(int col) {
        byte k = kind(col);
        if (k == NONE || k == NULL) {
            return null;
        }
        if (k != ARRAY) {
            return List.of(string(col));
        }
        List<?> values = (List<?>) objects[col];
        List<String> out = new ArrayList<>(values.size());
        for (Object o : values) {
            if (o != null) {
                out.add(o instanceof Boolean b ? (b ? "T" : "F") : o.toString());
            }
        }
        return out;
    }

    @Override
    List<Object> list(int col, ZeekType.Kind element) {
        byte k = kind(col);
        if (k == NONE || k == NULL) {
            return null;
        }
        List<?> values = k == ARRAY ? (List<?>) objects[col] : List.of(scalarObject(col));
        List<Object> out = new ArrayList<>(values.size());
        for (Object o : values) {
            Object v = o == null ? null : convert(col, element, o);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private Object scalarObject(int col) {
        return switch (kind(col)) {
            case LONG -> longs[col];
            case DOUBLE -> doubles[col];
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> objects[col];
        };
    }

    /** A JSON scalar (String, Long, Double, Boolean) as the given Zeek kind. */
    private Object convert(int col, ZeekType.Kind kind, Object o) {
        if (o instanceof String s) {
            return scalarFromText(col, kind, s);
        }
        if (o instanceof Long v) {
            return switch (kind) {
                case COUNT, PORT -> {
                    if (v < 0 || (kind == ZeekType.Kind.PORT && v > 65_535)) {
                        error(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), v.toString());
                        yield null;
                    }
                    yield v;
                }
                case INT -> v;
                case DOUBLE -> (double) v;
                case BOOL -> v == 0 ? Boolean.FALSE : v == 1 ? Boolean.TRUE : badValue(col, "not a bool", v);
                case TIME -> {
                    long t = epochNanos(col, v);
                    yield t == ABSENT ? null : Timestamps.format(t, 6);
                }
                case INTERVAL -> Math.abs(v) > Long.MAX_VALUE / 1_000_000_000L
                        ? badValue(col, "interval out of range", v) : v * 1_000_000_000L;
                case STRING, ENUM -> v.toString();
                default -> badValue(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), v);
            };
        }
        if (o instanceof Double d) {
            return switch (kind) {
                case COUNT, PORT, INT -> d == Math.rint(d) && Math.abs(d) < 9.0e18 && (kind == ZeekType.Kind.INT || d >= 0)
                        ? (Object) (long) (double) d : badValue(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), d);
                case DOUBLE -> ZeekNumbers.roundLikeZeek(d);
                case TIME -> {
                    long t = ZeekNumbers.nanosFromSeconds(d);
                    yield t == ABSENT ? badValue(col, "not a time", d) : Timestamps.format(t, 6);
                }
                case INTERVAL -> {
                    long t = ZeekNumbers.nanosFromSeconds(d);
                    yield t == ABSENT ? badValue(col, "not an interval", d) : (Object) t;
                }
                case STRING, ENUM -> d.toString();
                default -> badValue(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), d);
            };
        }
        if (o instanceof Boolean b) {
            return switch (kind) {
                case BOOL -> b;
                case STRING, ENUM -> b ? "T" : "F";
                default -> badValue(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), b);
            };
        }
        return kind == ZeekType.Kind.STRING ? o.toString() : badValue(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), o);
    }

    private Object badValue(int col, String what, Object v) {
        error(col, what, String.valueOf(v));
        return null;
    }

    @Override
    Object value(int col, ZeekType type) {
        byte k = kind(col);
        if (k == NONE || k == NULL) {
            return null;
        }
        if (type == null) {
            // no Zeek type known: the JSON form is all there is
            return k == ARRAY ? objects[col] : scalarObject(col);
        }
        if (type.isContainer()) {
            return list(col, type.element());
        }
        return convert(col, type.kind(), k == ARRAY ? String.valueOf(objects[col]) : scalarObject(col));
    }

    @Override
    int columnCount() {
        return orderCount;
    }

    @Override
    int columnAt(int i) {
        return order[i];
    }

    @Override
    String raw(int col) {
        String s = string(col);
        return s == null ? "-" : abbreviate(s);
    }

    /** The value of a meta key such as {@code _path}, when the line has it as a string. */
    String text(int col) {
        return kind(col) == STRING ? (String) objects[col] : null;
    }

    @Override
    AddressCache addressCache() {
        return addresses;
    }
}
