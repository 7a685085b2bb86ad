package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A {@code kill_chain_phases} entry; ATT&amp;CK tactics are phases of the {@code mitre-attack} chain. */
public record KillChainPhase(String killChainName, String phaseName,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public KillChainPhase {
        extra = Extras.copy(extra);
    }
}
