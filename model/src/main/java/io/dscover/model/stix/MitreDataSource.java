package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An ATT&amp;CK data source ({@code x-mitre-data-source}, e.g. DS0029 Network Traffic; deprecated from v18). */
public record MitreDataSource(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        List<String> xMitrePlatforms,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "x-mitre-data-source";

    public MitreDataSource {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        xMitrePlatforms = Extras.list(xMitrePlatforms);
        extra = Extras.copy(extra);
    }
}
