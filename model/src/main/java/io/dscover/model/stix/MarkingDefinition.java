package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A STIX marking definition; ATT&amp;CK's is a {@code statement} carrying MITRE's copyright. It has no
 * {@code modified} (marking definitions are immutable), and its {@code definition} stays JSON.
 */
public record MarkingDefinition(String type, String id, String specVersion, StixTimestamp created,
        String definitionType, JsonNode definition,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements StixObject {

    public static final String TYPE = "marking-definition";

    public MarkingDefinition {
        extra = Extras.copy(extra);
    }

    @Override
    public StixTimestamp modified() {
        return null;
    }

    /** The {@code definition.statement} of a statement marking, or {@code null}. */
    public String statement() {
        JsonNode s = definition == null ? null : definition.get("statement");
        return s == null || !s.isTextual() ? null : s.asText();
    }
}
