package io.dscover.coverage.json;

import io.dscover.coverage.report.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An earlier coverage report's entries, read back from its JSON for {@code --baseline}.
 *
 * @param file     where it was read from
 * @param attack   the ATT&amp;CK version it was computed against
 * @param entries  technique ID to its name and level, in the file's order
 */
public record Baseline(String file, String attack, Map<String, BaselineEntry> entries) {

    public Baseline {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** One entry of the baseline. */
    public record BaselineEntry(String id, String name, Level level) {
    }
}
