package io.dscover.collect.windows.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.collect.windows.xml.Utf8Input;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads Windows events from JSON in any of the forms of {@link JsonForm}, decided object by object
 * (a file may mix them). Objects are found by {@link JsonObjectSplitter}; besides events themselves
 * it accepts wrappers around them: arrays, Elastic search hits ({@code _source}), the Elastic test
 * files' {@code {"events": [...]}}, and Log Analytics query results ({@code tables[].columns/rows}).
 */
public final class WindowsJsonReader implements RecordReader {

    /** A top-level object (an event or a wrapper of events) larger than this is skipped. */
    public static final int MAX_OBJECT_BYTES = 16 << 20;
    private static final int MAX_WRAPPER_DEPTH = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(4 << 20)
                    .maxNumberLength(64)
                    .build())
            .build());

    private final InputStream in;
    private final JsonObjectSplitter splitter;
    private final InputLedger ledger;
    private final List<JsonForm> forms;
    private final ArrayDeque<WindowsRecord> ready = new ArrayDeque<>();

    /** @param localZone zone of NXLog's zone-less local times ({@code windows.timezone}), or null to infer */
    public WindowsJsonReader(InputStream in, InputLedger ledger, ZoneId localZone) throws IOException {
        this.in = Utf8Input.of(in).utf8();
        this.splitter = new JsonObjectSplitter(this.in, MAX_OBJECT_BYTES);
        this.ledger = ledger;
        this.forms = List.of(new EvtxDumpJson(), new WinlogbeatJson(), new SentinelJson(MAPPER), new NxlogJson(localZone));
    }

    @Override
    public WindowsRecord next() throws IOException {
        while (ready.isEmpty()) {
            JsonObjectSplitter.Found found = splitter.next();
            String where = "line " + splitter.objectLine();
            switch (found) {
                case END -> {
                    return null;
                }
                case GARBAGE -> {
                    ledger.recordRead();
                    ledger.reject(where, "not JSON", "text outside any JSON object");
                }
                case TRUNCATED -> {
                    ledger.recordRead();
                    ledger.reject(where, "truncated JSON", "the object ends before it is closed");
                }
                case OVERSIZED -> {
                    ledger.recordRead();
                    ledger.reject(where, "object too large", "over " + MAX_OBJECT_BYTES + " bytes; skipped");
                }
                case OBJECT -> readObject(where);
            }
        }
        return ready.poll();
    }

    private void readObject(String where) {
        JsonNode node;
        try {
            node = MAPPER.readTree(splitter.objectBytes(), 0, splitter.objectLength());
        } catch (JsonProcessingException e) {
            ledger.recordRead();
            String line = where;
            if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
                line = "line " + (splitter.objectLine() + e.getLocation().getLineNr() - 1);
            }
            ledger.reject(line, "malformed JSON", e.getOriginalMessage());
            return;
        } catch (IOException e) {
            ledger.recordRead();
            ledger.reject(where, "malformed JSON", String.valueOf(e.getMessage()));
            return;
        }
        int before = ready.size();
        boolean any = collect(node, where, splitter.objectOffset(), 0);
        if (!any && ready.size() == before) {
            ledger.recordRead();
            ledger.reject(where, "not a Windows event", "no known form has keys like " + firstKeys(node));
        }
    }

    /** Adds the events in {@code node} (an event or a wrapper); false when it holds nothing recognisable. */
    private boolean collect(JsonNode node, String where, long offset, int depth) {
        if (node.isArray()) {
            boolean any = false;
            int i = 0;
            for (JsonNode item : node) {
                any |= collect(item, where + " item " + (++i), -1, depth);
            }
            return any;
        }
        if (!node.isObject()) {
            return false;
        }
        JsonNode source = node.get("_source");
        if (source != null && source.isObject()) {
            return collect(source, where, offset, depth);
        }
        for (JsonForm form : forms) {
            if (form.matches(node)) {
                ledger.recordRead();
                try {
                    ready.add(form.read(node).at(where, offset));
                } catch (IllegalArgumentException e) {
                    ledger.reject(where, "unusable " + form.name() + " event", e.getMessage());
                }
                return true;
            }
        }
        if (depth >= MAX_WRAPPER_DEPTH) {
            return false;
        }
        if (node.path("columns").isArray() && node.path("rows").isArray()) {
            return collectRows(node, where, depth);
        }
        boolean any = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isArray() || v.isObject()) {
                any |= collect(v, where + " " + f.getKey(), -1, depth + 1);
            }
        }
        return any;
    }

    /** Log Analytics query results: column names once, then rows of values. */
    private boolean collectRows(JsonNode table, String where, int depth) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : table.get("columns")) {
            names.add(c.isObject() ? c.path("name").asText(c.path("ColumnName").asText("")) : c.asText());
        }
        boolean any = false;
        int i = 0;
        for (JsonNode row : table.get("rows")) {
            i++;
            if (!row.isArray()) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode o = MAPPER.createObjectNode();
            for (int k = 0; k < names.size() && k < row.size(); k++) {
                o.set(names.get(k), row.get(k));
            }
            any |= collect(o, where + " row " + i, -1, depth + 1);
        }
        return any;
    }

    private static String firstKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext() && keys.size() < 5;) {
            keys.add(it.next());
        }
        return keys.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
