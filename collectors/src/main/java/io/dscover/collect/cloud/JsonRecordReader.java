package io.dscover.collect.cloud;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.text.LineReader;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Streams the records of a cloud provider's JSON export one at a time, whatever the wrapping:
 * a top-level array ({@code gcloud logging read --format=json}), an object holding the records in
 * a known array ({@code {"records":[...]}} Azure blobs, {@code {"events":[...]}} {@code aws logs},
 * {@code {"logEvents":[...]}} CloudWatch subscriptions, {@code {"entries":[...]}} the Logging API),
 * concatenated objects (Firehose), or one object per line.
 *
 * <p>Memory is bounded by one record, never by the document: a 300 MB Azure {@code PT1H.json} is
 * read with Jackson's streaming parser, records are handed to the caller positioned on the parser,
 * and a record is buffered only when it must be (a root object that turns out to be a record, or a
 * caller asking for a tree), up to {@link #MAX_RECORD_BYTES}.
 *
 * <p>Inputs whose first line is a complete JSON value are read line by line, so one malformed line
 * costs only that line. Other documents are read as one stream; when the stream breaks (a blob
 * still being appended to ends mid-record, a trailing comma, garbage) the records before the break
 * are kept and the rest is reported with its offset.
 */
public final class JsonRecordReader implements Closeable {

    /** Array keys that hold records when they appear in a top-level object. */
    public static final Set<String> CONTAINER_KEYS = Set.of("records", "Records", "events", "logEvents", "entries");

    /** The largest record buffered whole; larger ones are skipped and reported. */
    public static final int MAX_RECORD_BYTES = 16 << 20;

    private static final int MAX_LINE_BYTES = MAX_RECORD_BYTES;
    private static final int PROBE_BYTES = 1 << 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(4 << 20)
                    .maxNumberLength(64)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** Where a record starts, for diagnostics and {@code log.record}/{@code log.offset}. */
    public record Position(long record, long line, long offset) {
        public String describe() {
            return line > 0 ? "line " + line + " (offset " + offset + ")" : "offset " + offset;
        }
    }

    /** What the caller does with a record: consume it from the parser (current token START_OBJECT) through its END_OBJECT. */
    @FunctionalInterface
    public interface RecordHandler {
        void record(JsonParser record, Position at) throws IOException;
    }

    /** A record that needs more memory than {@link #MAX_RECORD_BYTES}. */
    public static final class RecordTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLargeException() {
            super("record larger than " + (MAX_RECORD_BYTES >> 20) + " MB");
        }
    }

    private enum State { ROOT, IN_ROOT_ARRAY, IN_CONTAINER_ARRAY, IN_ROOT_OBJECT }

    private final InputLedger ledger;
    private final InputStream in;
    private final LineReader lines;
    private JsonParser parser;
    private long baseOffset;
    private long baseLine;
    private State state = State.ROOT;
    private Map<String, String> envelope = Map.of();
    private long records;
    private boolean finished;

    public JsonRecordReader(Input input, InputLedger ledger) throws IOException {
        this.ledger = ledger;
        BufferedInputStream buffered = new BufferedInputStream(input.open(), PROBE_BYTES);
        this.in = buffered;
        if (firstLineIsCompleteValue(buffered)) {
            this.lines = new LineReader(buffered, MAX_LINE_BYTES);
        } else {
            this.lines = null;
            this.parser = FACTORY.createParser(buffered);
        }
    }

    /** The factory every cloud collector parses JSON with (bounded strings, nesting and numbers; trailing commas allowed). */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Whether the input is read line by line (one JSON value per line) rather than as one document. */
    public boolean lineMode() {
        return lines != null;
    }

    /**
     * Scalar fields of the object that holds the current records ({@code owner}, {@code logGroup},
     * {@code logStream} of a CloudWatch subscription message), as far as they precede the array.
     */
    public Map<String, String> envelope() {
        return envelope;
    }

    /** Records handed out so far. */
    public long records() {
        return records;
    }

    /**
     * Finds the next record and hands it to {@code handler}.
     *
     * @return {@code false} at the end of the input (or where the document broke off, which is reported)
     */
    public boolean next(RecordHandler handler) throws IOException {
        while (!finished) {
            if (parser == null && !nextLine()) {
                finished = true;
                return false;
            }
            try {
                if (advance(handler)) {
                    return true;
                }
            } catch (StreamConstraintsException e) {
                broken("JSON limits exceeded", e.getOriginalMessage());
            } catch (JsonEOFException e) {
                broken("document ends early", "unterminated JSON after " + records
                        + " records (a blob still being written?)");
            } catch (JsonProcessingException e) {
                broken("malformed JSON", firstLine(e.getOriginalMessage()));
            }
        }
        return false;
    }

    /** Reads one record (the parser is at its START_OBJECT) into a tree, within {@link #MAX_RECORD_BYTES}. */
    public JsonNode readTree(JsonParser record) throws IOException {
        if (record.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException("not at a record");
        }
        if (record != parser) {
            return MAPPER.readTree(record); // a buffered record, already within the limit
        }
        TokenBuffer tb = new TokenBuffer(MAPPER, false);
        copyBounded(record, tb);
        try (JsonParser copy = tb.asParser(MAPPER)) {
            copy.nextToken();
            return MAPPER.readTree(copy);
        }
    }

    /** Byte offset in the input of the parser's current token (the record start for buffered records). */
    public long offsetOf(JsonParser p, Position record) {
        if (p == parser) {
            long o = p.currentTokenLocation().getByteOffset();
            return o >= 0 ? baseOffset + o : record.offset();
        }
        return record.offset();
    }

    private boolean advance(RecordHandler handler) throws IOException {
        while (true) {
            switch (state) {
                case ROOT -> {
                    JsonToken t = parser.nextToken();
                    if (t == null) {
                        endOfDocument();
                        return false;
                    }
                    if (t == JsonToken.START_ARRAY) {
                        state = State.IN_ROOT_ARRAY;
                    } else if (t == JsonToken.START_OBJECT) {
                        Position at = position();
                        int depth = parser.getParsingContext().getNestingDepth();
                        TokenBuffer record;
                        try {
                            record = bufferRootObject();
                        } catch (RecordTooLargeException e) {
                            records++;
                            ledger.recordRead();
                            ledger.reject(at.describe(), "record too large", e.getMessage());
                            skipRest(depth);
                            state = State.ROOT;
                            continue;
                        }
                        if (record != null) {
                            deliverBuffered(record, at, handler);
                            return true;
                        }
                    } else {
                        ledger.recordRead();
                        ledger.reject(position().describe(), "not a record", "a JSON " + describe(t) + " where an object was expected");
                        parser.skipChildren();
                    }
                }
                case IN_ROOT_ARRAY, IN_CONTAINER_ARRAY -> {
                    JsonToken t = parser.nextToken();
                    if (t == null) {
                        throw new JsonEOFException(parser, null, "end of input inside an array");
                    }
                    if (t == JsonToken.END_ARRAY) {
                        state = state == State.IN_ROOT_ARRAY ? State.ROOT : State.IN_ROOT_OBJECT;
                    } else if (t == JsonToken.START_OBJECT) {
                        deliverLive(position(), handler);
                        return true;
                    } else {
                        ledger.recordRead();
                        ledger.reject(position().describe(), "not a record", "array element is a JSON " + describe(t));
                        parser.skipChildren();
                    }
                }
                case IN_ROOT_OBJECT -> {
                    JsonToken t = parser.nextToken();
                    if (t == null) {
                        throw new JsonEOFException(parser, null, "end of input inside an object");
                    }
                    if (t == JsonToken.END_OBJECT) {
                        state = State.ROOT;
                        envelope = Map.of();
                    } else {
                        String name = parser.currentName();
                        JsonToken v = parser.nextToken();
                        if (v == JsonToken.START_ARRAY && CONTAINER_KEYS.contains(name)) {
                            state = State.IN_CONTAINER_ARRAY;
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /**
     * Buffers a top-level object until it shows what it is: when a container key with an array
     * appears, the fields so far become the envelope and the array is streamed (returns
     * {@code null}); when the object ends first, it is a record (returned).
     */
    private TokenBuffer bufferRootObject() throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        TokenBuffer tb = new TokenBuffer(MAPPER, false);
        tb.writeStartObject();
        while (true) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new JsonEOFException(parser, null, "end of input inside an object");
            }
            if (t == JsonToken.END_OBJECT) {
                tb.writeEndObject();
                return tb;
            }
            String name = parser.currentName();
            JsonToken v = parser.nextToken();
            if (v == JsonToken.START_ARRAY && CONTAINER_KEYS.contains(name)) {
                tb.writeEndObject();
                envelope = scalars(tb);
                state = State.IN_CONTAINER_ARRAY;
                return null;
            }
            tb.writeFieldName(name);
            if (v != null && v.isStructStart()) {
                copyValueBounded(tb, start);
            } else {
                tb.copyCurrentEvent(parser);
            }
        }
    }

    private void copyValueBounded(TokenBuffer tb, long start) throws IOException {
        int depth = 0;
        long tokens = 0;
        do {
            JsonToken t = parser.currentToken();
            tb.copyCurrentEvent(parser);
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
            if (depth > 0) {
                if ((++tokens & 1023) == 0 && tooFar(start)) {
                    throw new RecordTooLargeException();
                }
                parser.nextToken();
            }
        } while (depth > 0);
    }

    private void copyBounded(JsonParser p, TokenBuffer tb) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        int depth = 0;
        long tokens = 0;
        do {
            JsonToken t = p.currentToken();
            if (t == null) {
                throw new JsonEOFException(p, null, "end of input inside a record");
            }
            tb.copyCurrentEvent(p);
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
            if (depth > 0) {
                if ((++tokens & 1023) == 0 && p.currentLocation().getByteOffset() - start > MAX_RECORD_BYTES) {
                    throw new RecordTooLargeException();
                }
                p.nextToken();
            }
        } while (depth > 0);
    }

    private boolean tooFar(long start) {
        return parser.currentLocation().getByteOffset() - start > MAX_RECORD_BYTES;
    }

    private void deliverBuffered(TokenBuffer record, Position at, RecordHandler handler) throws IOException {
        records++;
        try (JsonParser p = record.asParser(MAPPER)) {
            p.nextToken();
            handler.record(p, at);
        }
    }

    private void deliverLive(Position at, RecordHandler handler) throws IOException {
        records++;
        int depth = parser.getParsingContext().getNestingDepth();
        try {
            handler.record(parser, at);
        } catch (RecordTooLargeException e) {
            ledger.recordRead();
            ledger.reject(at.describe(), "record too large", e.getMessage());
        }
        skipRest(depth); // whatever the handler left unread of this record, so the next one starts clean
    }

    /** Reads on until the parser has left the object whose inside has nesting depth {@code depth}. */
    private void skipRest(int depth) throws IOException {
        while (parser.getParsingContext().getNestingDepth() >= depth) {
            if (parser.nextToken() == null) {
                throw new JsonEOFException(parser, null, "end of input inside a record");
            }
        }
    }

    private Position position() {
        JsonLocation l = parser.currentTokenLocation();
        long offset = baseOffset + Math.max(0, l.getByteOffset());
        long line = lines != null ? baseLine : l.getLineNr();
        return new Position(records + 1, line, offset);
    }

    private boolean nextLine() throws IOException {
        if (lines == null) {
            return false;
        }
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return false;
            }
            if (line.tooLong()) {
                ledger.recordRead();
                ledger.reject("line " + line.number(), "line too long", "over " + (MAX_LINE_BYTES >> 20) + " MB");
                continue;
            }
            if (isBlank(line)) {
                continue;
            }
            byte[] copy = java.util.Arrays.copyOfRange(line.buffer(), line.from(), line.to());
            parser = FACTORY.createParser(copy);
            baseOffset = line.offset();
            baseLine = line.number();
            state = State.ROOT;
            envelope = Map.of();
            return true;
        }
    }

    private void endOfDocument() throws IOException {
        parser.close();
        parser = null;
        if (lines == null) {
            finished = true;
        }
    }

    /** The stream broke: in line mode only this line is lost; in document mode the rest of the input is. */
    private void broken(String reason, String detail) throws IOException {
        ledger.recordRead();
        String where;
        if (parser != null) {
            JsonLocation l = parser.currentLocation();
            where = lines != null ? "line " + baseLine : "offset " + (baseOffset + Math.max(0, l.getByteOffset()))
                    + " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
        } else {
            where = "end";
        }
        if (lines != null) {
            ledger.reject(where, reason, detail);
            if (parser != null) {
                parser.close();
            }
            parser = null;
        } else {
            ledger.reject(where, reason, detail + "; the rest of the input was not read");
            finished = true;
        }
    }

    private static Map<String, String> scalars(TokenBuffer tb) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = tb.asParser(MAPPER)) {
            JsonNode n = MAPPER.readTree(p);
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean firstLineIsCompleteValue(BufferedInputStream in) throws IOException {
        in.mark(PROBE_BYTES);
        byte[] head = in.readNBytes(PROBE_BYTES);
        in.reset();
        int nl = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            return false; // one long line (a compact blob) or a short one-line input: stream it
        }
        int i = 0;
        while (i < nl && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == (byte) 0xEF
                || head[i] == (byte) 0xBB || head[i] == (byte) 0xBF)) {
            i++;
        }
        if (i >= nl || head[i] != '{') {
            return false;
        }
        try (JsonParser p = FACTORY.createParser(head, 0, nl)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(LineReader.Line line) {
        byte[] b = line.buffer();
        for (int i = line.from(); i < line.to(); i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "array";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        if (lines != null) {
            lines.close();
        }
        in.close();
    }
}
