package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An {@code external_references} entry; ATT&amp;CK IDs are the ones with {@code source_name = mitre-attack}. */
public record ExternalReference(String sourceName, String externalId, String url, String description,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The source name ATT&amp;CK uses for its own IDs (T1071, TA0011, DS0029, DC0078, DET0001, AN0001). */
    public static final String MITRE_ATTACK = "mitre-attack";

    public ExternalReference {
        extra = Extras.copy(extra);
    }

    public ExternalReference(String sourceName, String externalId, String url) {
        this(sourceName, externalId, url, null, null);
    }
}
