package io.dscover.rules.alert;

import java.util.List;
import java.util.Objects;

/**
 * What an alert says about the rule that raised it. The DSL's rule header supplies it; the engine
 * only copies it into alerts.
 *
 * @param id         the rule's identifier, as generated DRL passes it to the engine
 * @param title      one line for people
 * @param techniques ATT&amp;CK technique IDs, e.g. {@code T1046}
 */
public record RuleInfo(String id, String title, Severity severity, List<String> techniques) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        severity = severity == null ? Severity.MEDIUM : severity;
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
    }
}
