package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A STIX identity, e.g. The MITRE Corporation, which ATT&amp;CK objects name as {@code created_by_ref}. */
public record Identity(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified,
        String name, String identityClass,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements StixObject {

    public static final String TYPE = "identity";

    public Identity {
        extra = Extras.copy(extra);
    }
}
