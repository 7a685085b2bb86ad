package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ATT&amp;CK v18+ detection strategy ({@code x-mitre-detection-strategy}, DET####): its analytics
 * ({@code x_mitre_analytic_refs}); a {@code detects} relationship links it to the technique.
 */
public record MitreDetectionStrategy(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        List<String> xMitreAnalyticRefs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "x-mitre-detection-strategy";

    public MitreDetectionStrategy {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        xMitreAnalyticRefs = Extras.list(xMitreAnalyticRefs);
        extra = Extras.copy(extra);
    }
}
