package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ATT&amp;CK v18+ analytic ({@code x-mitre-analytic}, AN####): platforms, the data components and
 * log sources it reads ({@code x_mitre_log_source_references}) and its tunable elements
 * ({@code x_mitre_mutable_elements}).
 */
public record MitreAnalytic(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        List<String> xMitrePlatforms, List<LogSourceReference> xMitreLogSourceReferences,
        List<MutableElement> xMitreMutableElements,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "x-mitre-analytic";

    public MitreAnalytic {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        xMitrePlatforms = Extras.list(xMitrePlatforms);
        xMitreLogSourceReferences = Extras.list(xMitreLogSourceReferences);
        xMitreMutableElements = Extras.list(xMitreMutableElements);
        extra = Extras.copy(extra);
    }

    /** A data component and one of its log sources ({@code name}, {@code channel}) that the analytic reads. */
    public record LogSourceReference(String xMitreDataComponentRef, String name, String channel,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
        public LogSourceReference {
            extra = Extras.copy(extra);
        }
    }

    /** A tunable element: the field (e.g. TimeWindow) and what tuning it changes. */
    public record MutableElement(String field, String description,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
        public MutableElement {
            extra = Extras.copy(extra);
        }
    }
}
