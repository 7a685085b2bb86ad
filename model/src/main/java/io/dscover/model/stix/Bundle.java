package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A STIX bundle held in memory: for small bundles and round trips. Release-sized bundles are read
 * object by object with {@link StixBundleReader} instead.
 *
 * @param specVersion the bundle's {@code spec_version} (STIX 2.0 bundles have one, 2.1 bundles none)
 */
public record Bundle(String type, String id, String specVersion, List<StixObject> objects,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public static final String TYPE = "bundle";

    public Bundle {
        objects = objects == null ? null : List.copyOf(objects);
        extra = Extras.copy(extra);
    }
}
