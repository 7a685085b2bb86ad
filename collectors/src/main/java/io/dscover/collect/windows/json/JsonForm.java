package io.dscover.collect.windows.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.dscover.collect.windows.record.WindowsRecord;

/** One JSON export form of Windows events: recognised by its keys, turned into a {@link WindowsRecord}. */
interface JsonForm {

    /** Short name for diagnostics: winlogbeat, nxlog, evtx_dump, sentinel. */
    String name();

    /** Whether this object is an event in this form (decided by keys, never by a file name). */
    boolean matches(JsonNode object);

    /**
     * The event in the object.
     *
     * @throws IllegalArgumentException with a reason when a field this form needs is unusable
     */
    WindowsRecord read(JsonNode object);

    /** The text Event XML would show for a JSON value: strings as they are, numbers and booleans as written. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isObject() && v.has("#text")) {
            return text(v.get("#text"));
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : v) {
                String t = text(item);
                if (t != null) {
                    if (b.length() > 0) {
                        b.append(' ');
                    }
                    b.append(t);
                }
            }
            return b.toString();
        }
        return v.toString();
    }

    /** Puts a System field when the JSON has it. */
    static void system(WindowsRecord r, String key, JsonNode v) {
        String t = text(v);
        if (t != null) {
            r.putSystem(key, t);
        }
    }
}
