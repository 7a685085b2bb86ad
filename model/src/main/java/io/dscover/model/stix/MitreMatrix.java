package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An ATT&amp;CK matrix ({@code x-mitre-matrix}): its {@code tactic_refs} give the tactics in kill-chain order. */
public record MitreMatrix(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        List<String> tacticRefs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "x-mitre-matrix";

    public MitreMatrix {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        tacticRefs = Extras.list(tacticRefs);
        extra = Extras.copy(extra);
    }
}
