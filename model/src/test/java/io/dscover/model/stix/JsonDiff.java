package io.dscover.model.stix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/** The first place two JSON trees differ, as a path, for test messages that fit on a screen. */
final class JsonDiff {

    private JsonDiff() {
    }

    /** {@code null} when equal as JSON (numbers by value, objects regardless of property order). */
    static String firstDifference(JsonNode a, JsonNode b) {
        return diff("$", a, b);
    }

    private static String diff(String path, JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " vs " + b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? null : path + ": " + a + " vs " + b;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return path + ": " + a.getNodeType() + " vs " + b.getNodeType();
        }
        if (a.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = diff(path + "." + n, a.get(n), b.get(n));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return path + ": " + a.size() + " vs " + b.size() + " elements";
            }
            for (int i = 0; i < a.size(); i++) {
                String d = diff(path + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
