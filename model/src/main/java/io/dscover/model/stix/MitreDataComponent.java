package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An ATT&amp;CK data component ({@code x-mitre-data-component}). Up to v17 it belongs to a data source
 * ({@code x_mitre_data_source_ref}) and {@code detects} techniques; from v18 it has a DC#### ID and
 * the log sources analytics pick from ({@code x_mitre_log_sources}).
 */
public record MitreDataComponent(String type, String id, String specVersion, StixTimestamp created, StixTimestamp modified, String name, String description,
        List<ExternalReference> externalReferences, Boolean revoked, Boolean xMitreDeprecated, String xMitreVersion,
        List<String> xMitreDomains,
        String xMitreDataSourceRef, List<LogSource> xMitreLogSources,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements AttackObject {

    public static final String TYPE = "x-mitre-data-component";

    public MitreDataComponent {
        externalReferences = Extras.list(externalReferences);
        xMitreDomains = Extras.list(xMitreDomains);
        xMitreLogSources = Extras.list(xMitreLogSources);
        extra = Extras.copy(extra);
    }

    /** One log source of a component: a product or sensor ({@code name}) and what in it to read ({@code channel}). */
    public record LogSource(String name, String channel,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
        public LogSource {
            extra = Extras.copy(extra);
        }
    }
}
