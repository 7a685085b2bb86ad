package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ATT&amp;CK collection ({@code x-mitre-collection}), present in the STIX 2.1 releases of
 * {@code attack-stix-data}: its {@code x_mitre_version} is the release, e.g. 18.1. Its
 * {@code x_mitre_contents} list stays in {@link #extra()}.
 */
public record MitreCollection(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "x-mitre-collection";

    public MitreCollection {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        extra = Extras.copy(extra);
    }
}
