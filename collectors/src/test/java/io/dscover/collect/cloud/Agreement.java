package io.dscover.collect.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Field-by-field comparison of dscover's events with a reference tool's expected output (Elastic's
 * {@code *-expected.json}): counts every compared field and collects the mismatches, and prints
 * the counts so the test output shows how much was checked.
 */
public final class Agreement {

    private final String name;
    private int documents;
    private int fields;
    private final List<String> mismatches = new ArrayList<>();

    public Agreement(String name) {
        this.name = name;
    }

    /** The {@code expected} documents of an Elastic pipeline test. */
    public static List<JsonNode> expectedDocuments(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<JsonNode> docs = new ArrayList<>();
            root.get("expected").forEach(docs::add);
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text at a dotted path, or null when absent. */
    public static String text(JsonNode doc, String dottedPath) {
        JsonNode n = doc;
        for (String part : dottedPath.split("\\.")) {
            if (n == null) {
                return null;
            }
            n = n.get(part);
        }
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.size() == 1 ? n.get(0).asText() : n.toString();
        }
        return n.asText();
    }

    public void document() {
        documents++;
    }

    /** Compares one field; both sides as text, null meaning absent. Skips the check when the reference has no value. */
    public void check(String where, String field, Object expected, Object actual) {
        if (expected == null) {
            return;
        }
        fields++;
        String e = String.valueOf(expected);
        String a = actual == null ? null : String.valueOf(actual);
        if (!Objects.equals(e, a)) {
            mismatches.add(where + " " + field + ": expected " + e + ", got " + a);
        }
    }

    /** Compares a field the reference must have and dscover must leave unset (or both absent). */
    public void checkAbsent(String where, String field, Object actual) {
        fields++;
        if (actual != null) {
            mismatches.add(where + " " + field + ": expected absent, got " + actual);
        }
    }

    public int fields() {
        return fields;
    }

    public int documents() {
        return documents;
    }

    public List<String> mismatches() {
        return mismatches;
    }

    public String summary() {
        return String.format("agreement %s: %d documents, %d fields compared, %d mismatches", name, documents,
                fields, mismatches.size());
    }
}
