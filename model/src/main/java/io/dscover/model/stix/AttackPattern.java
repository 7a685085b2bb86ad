package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ATT&amp;CK technique or sub-technique ({@code attack-pattern}). Its tactics are its
 * {@code mitre-attack} kill-chain phases; {@code x_mitre_data_sources} lists "Data Source: Component"
 * strings in releases up to v17.
 */
public record AttackPattern(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        List<KillChainPhase> killChainPhases, Boolean xMitreIsSubtechnique, List<String> xMitrePlatforms,
        List<String> xMitreDataSources,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "attack-pattern";

    public AttackPattern {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        killChainPhases = Extras.list(killChainPhases);
        xMitrePlatforms = Extras.list(xMitrePlatforms);
        xMitreDataSources = Extras.list(xMitreDataSources);
        extra = Extras.copy(extra);
    }
}
