package io.dscover.model.stix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of the property maps and lists records hold, so a record never shares mutable state. */
final class Extras {

    private Extras() {
    }

    static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An unmodifiable copy, keeping {@code null} (absent) apart from empty (present, no elements). */
    static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
