package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An object of a type dscover does not read (malware, intrusion-set, course-of-action, campaign, a
 * newer ATT&amp;CK type, ...): kept as its JSON, written back unchanged.
 */
public final class UnknownStixObject implements StixObject {

    private final ObjectNode json;

    /** Jackson hands over a node it parsed for this object alone, so no copy is needed. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private UnknownStixObject(ObjectNode json) {
        this.json = json;
    }

    /** An object of the given JSON (copied). */
    public static UnknownStixObject of(ObjectNode json) {
        return new UnknownStixObject(json.deepCopy());
    }

    /** A copy of the object's JSON. */
    @JsonValue
    public ObjectNode json() {
        return json.deepCopy();
    }

    @Override
    public String type() {
        return text("type");
    }

    @Override
    public String id() {
        return text("id");
    }

    @Override
    public String specVersion() {
        return text("spec_version");
    }

    @Override
    public StixTimestamp modified() {
        String m = text("modified");
        if (m == null) {
            return null;
        }
        try {
            return StixTimestamp.parse(m);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every property but {@code type}, {@code id} and {@code spec_version}. */
    @Override
    public Map<String, JsonNode> extra() {
        ObjectNode rest = json.deepCopy();
        rest.remove("type");
        rest.remove("id");
        rest.remove("spec_version");
        java.util.LinkedHashMap<String, JsonNode> m = new java.util.LinkedHashMap<>();
        rest.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(m);
    }

    private String text(String name) {
        JsonNode n = json.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownStixObject u && u.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "UnknownStixObject[" + type() + " " + id() + "]";
    }
}
