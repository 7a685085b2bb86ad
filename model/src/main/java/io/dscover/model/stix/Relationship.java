package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A STIX relationship. ATT&amp;CK's {@code detects} links data components (up to v17) or detection
 * strategies (v18+) to techniques; {@code revoked-by} points a revoked object to its replacement.
 */
public record Relationship(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified,
        String relationshipType, String sourceRef, String targetRef, String description, Boolean revoked,
        Boolean xMitreDeprecated,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements StixObject {

    public static final String TYPE = "relationship";
    public static final String DETECTS = "detects";
    public static final String REVOKED_BY = "revoked-by";
    public static final String SUBTECHNIQUE_OF = "subtechnique-of";

    public Relationship {
        extra = Extras.copy(extra);
    }

    public boolean retired() {
        return Boolean.TRUE.equals(revoked) || Boolean.TRUE.equals(xMitreDeprecated);
    }
}
