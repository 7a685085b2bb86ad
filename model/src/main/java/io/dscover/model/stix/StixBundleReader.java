package io.dscover.model.stix;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a STIX bundle object by object with Jackson's streaming parser, so a 33 MB ATT&amp;CK release
 * never sits in memory as one tree: each element of {@code objects} is parsed on its own, handed to
 * the caller and dropped. Gzip is recognised by its magic number, not the file name.
 *
 * <p>A malformed object (a known type whose properties do not fit, e.g. an unparseable timestamp) is
 * skipped and counted in {@link Summary#problems()}; the rest of the bundle still loads. Input that
 * is not a bundle at all (not JSON, truncated, no {@code objects}) is a {@link StixFormatException}.
 */
public final class StixBundleReader {

    private static final int MAX_PROBLEM_DETAILS = 20;

    private StixBundleReader() {
    }

    /**
     * What the bundle envelope said and how the objects went.
     *
     * @param objects          every element of {@code objects}, delivered or not
     * @param skippedObjects   objects of types the filter did not want
     * @param newestModified   the latest {@code modified} of any object (skipped ones too), or {@code null}
     */
    public record Summary(String id, String specVersion, Map<String, JsonNode> extra, long objects,
            long skippedObjects, long malformedObjects, List<String> problems, StixTimestamp newestModified) {
        public Summary {
            extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
            problems = List.copyOf(problems);
        }
    }

    /** Reads a bundle file (plain JSON or gzip) and hands each object to {@code sink}, in order. */
    public static Summary read(Path file, Consumer<? super StixObject> sink) throws IOException {
        return read(file, StixReadFilter.EVERYTHING, sink);
    }

    /** Reads a bundle file, delivering only what {@code filter} wants. */
    public static Summary read(Path file, StixReadFilter filter, Consumer<? super StixObject> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, filter, sink);
        }
    }

    /** Reads a bundle from a stream (plain JSON or gzip); the caller closes the stream. */
    public static Summary read(InputStream raw, Consumer<? super StixObject> sink) throws IOException {
        return read(raw, StixReadFilter.EVERYTHING, sink);
    }

    /** Reads a bundle from a stream, delivering only what {@code filter} wants; the caller closes the stream. */
    public static Summary read(InputStream raw, StixReadFilter filter, Consumer<? super StixObject> sink)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream in = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        try (JsonParser p = StixJson.factory().createParser(in)) {
            return new Pass(p, filter, sink).readBundle();
        } catch (StixFormatException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new StixFormatException("bundle exceeds parser limits: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new StixFormatException(describe(e), e);
        } catch (ZipException e) {
            throw new StixFormatException("corrupt gzip data: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new StixFormatException((gzip ? "truncated gzip file" : "truncated file") + ": "
                    + String.valueOf(e.getMessage()), e);
        }
    }

    /** One read of one bundle. */
    private static final class Pass {
        private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true);
        private final JsonParser p;
        private final StixReadFilter filter;
        private final Consumer<? super StixObject> sink;
        private final List<String> problems = new ArrayList<>();
        private long skipped;
        private StixTimestamp newestModified;
        private String newestText = "";

        Pass(JsonParser p, StixReadFilter filter, Consumer<? super StixObject> sink) {
            this.p = p;
            this.filter = filter;
            this.sink = sink;
        }

        Summary readBundle() throws IOException {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new StixFormatException("empty file, expected a STIX bundle");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new StixFormatException("not a STIX bundle: expected a JSON object at " + where(p.currentTokenLocation())
                        + ", found " + first.asString());
            }
            String type = null;
            String id = null;
            String specVersion = null;
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            long objects = -1;
            long malformed = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> type = p.getValueAsString();
                    case "id" -> id = p.getValueAsString();
                    case "spec_version" -> specVersion = p.getValueAsString();
                    case "objects" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new StixFormatException("not a STIX bundle: \"objects\" is not an array at "
                                    + where(p.currentTokenLocation()));
                        }
                        objects = 0;
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null) {
                                throw new StixFormatException("truncated bundle: the objects array never ends");
                            }
                            objects++;
                            JsonLocation at = p.currentTokenLocation();
                            String problem = readObject(t);
                            if (problem != null) {
                                malformed++;
                                if (problems.size() < MAX_PROBLEM_DETAILS) {
                                    problems.add("object " + objects + " (" + where(at) + "): " + problem);
                                }
                            }
                        }
                    }
                    default -> extra.put(name, p.readValueAsTree());
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new StixFormatException("truncated bundle at " + where(p.currentLocation()));
            }
            if (p.nextToken() != null) {
                throw new StixFormatException("unexpected content after the bundle at " + where(p.currentTokenLocation()));
            }
            if (!Bundle.TYPE.equals(type)) {
                throw new StixFormatException("not a STIX bundle: \"type\" is " + (type == null ? "missing" : "'" + type + "'")
                        + ", expected 'bundle'");
            }
            if (objects < 0) {
                throw new StixFormatException("not a STIX bundle: it has no \"objects\" array");
            }
            return new Summary(id, specVersion, extra, objects, skipped, malformed, problems, newestModified);
        }

        /**
         * Reads one element of {@code objects}, property by property: once its type is known and unwanted,
         * the rest is stepped over (only {@code modified} is still looked at, for the release date).
         * Returns why the object was malformed, or {@code null}.
         */
        private String readObject(JsonToken start) throws IOException {
            if (start != JsonToken.START_OBJECT) {
                p.skipChildren();
                return "not a JSON object";
            }
            ObjectNode obj = NODES.objectNode();
            String typeName = null;
            boolean wanted = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("modified") && v == JsonToken.VALUE_STRING) {
                    noteModified(p.getText());
                }
                if (!wanted) {
                    p.skipChildren();
                    continue;
                }
                if (field.equals("type") && v == JsonToken.VALUE_STRING) {
                    typeName = p.getText();
                    if (!filter.wantsType(typeName)) {
                        wanted = false;
                        continue;
                    }
                } else if (typeName != null && !filter.wantsProperty(typeName, field)) {
                    p.skipChildren();
                    continue;
                } else if (typeName != null && v == JsonToken.VALUE_STRING
                        && !filter.wantsValue(typeName, field, p.getText())) {
                    wanted = false;
                    continue;
                }
                obj.set(field, value(v));
            }
            if (!wanted) {
                skipped++;
                return null;
            }
            if (typeName == null && filter != StixReadFilter.EVERYTHING) {
                // the type came last or not at all: ask the filter now
                JsonNode tn = obj.get("type");
                if (tn != null && tn.isTextual() && !filter.wantsType(tn.asText())) {
                    skipped++;
                    return null;
                }
            }
            JsonNode type = obj.get("type");
            if (type == null || !type.isTextual()) {
                return "no \"type\"";
            }
            if (!filter.wantsObject(type.asText(), obj)) {
                skipped++;
                return null;
            }
            StixObject o;
            try {
                o = StixJson.objectReader().treeToValue(obj, StixObject.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                JsonNode id = obj.get("id");
                return type.asText() + (id != null ? " " + id.asText() : "") + ": " + firstLine(
                        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
            }
            sink.accept(o);
            return null;
        }

        private JsonNode value(JsonToken v) throws IOException {
            return switch (v) {
                case VALUE_STRING -> NODES.textNode(p.getText());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> p.readValueAsTree();
            };
        }

        private void noteModified(String text) {
            if (text.length() >= 19 && newestText.length() >= 19
                    && CharSequence.compare(text.subSequence(0, 19), newestText.subSequence(0, 19)) < 0) {
                return; // earlier by whole seconds: no need to parse it
            }
            try {
                StixTimestamp t = StixTimestamp.parse(text);
                if (newestModified == null || t.compareTo(newestModified) > 0) {
                    newestModified = t;
                    newestText = text;
                }
            } catch (IllegalArgumentException e) {
                // a malformed timestamp is reported when the object itself is converted
            }
        }
    }

    private static String describe(JsonProcessingException e) {
        String what = e instanceof com.fasterxml.jackson.core.io.JsonEOFException ? "truncated JSON" : "not valid JSON";
        JsonLocation l = e.getLocation();
        return what + (l != null ? " at " + where(l) : "") + ": " + firstLine(e.getOriginalMessage());
    }

    private static String where(JsonLocation l) {
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
