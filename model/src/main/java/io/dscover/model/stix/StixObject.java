package io.dscover.model.stix;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A STIX object of a bundle. The types dscover reads are records; any other type is an
 * {@link UnknownStixObject} that keeps its JSON as it was. Properties a record does not name are
 * kept in {@link #extra()}, so writing an object back gives the same JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = UnknownStixObject.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = AttackPattern.class, name = AttackPattern.TYPE),
    @JsonSubTypes.Type(value = MitreTactic.class, name = MitreTactic.TYPE),
    @JsonSubTypes.Type(value = MitreMatrix.class, name = MitreMatrix.TYPE),
    @JsonSubTypes.Type(value = MitreCollection.class, name = MitreCollection.TYPE),
    @JsonSubTypes.Type(value = MitreDataSource.class, name = MitreDataSource.TYPE),
    @JsonSubTypes.Type(value = MitreDataComponent.class, name = MitreDataComponent.TYPE),
    @JsonSubTypes.Type(value = MitreDetectionStrategy.class, name = MitreDetectionStrategy.TYPE),
    @JsonSubTypes.Type(value = MitreAnalytic.class, name = MitreAnalytic.TYPE),
    @JsonSubTypes.Type(value = Relationship.class, name = Relationship.TYPE),
    @JsonSubTypes.Type(value = Identity.class, name = Identity.TYPE),
    @JsonSubTypes.Type(value = MarkingDefinition.class, name = MarkingDefinition.TYPE),
})
public sealed interface StixObject permits AttackObject, Relationship, Identity, MarkingDefinition, UnknownStixObject {

    /** The STIX version objects without {@code spec_version} have: MITRE's {@code mitre/cti} publishes STIX 2.0. */
    String STIX_2_0 = "2.0";

    String type();

    String id();

    /** The {@code spec_version} property as written, or {@code null} when absent. */
    String specVersion();

    /** When the object was last changed, or {@code null} when absent (marking definitions have none). */
    StixTimestamp modified();

    /** Properties this type's record does not name, in their JSON form. */
    Map<String, JsonNode> extra();

    /** The STIX version the object follows: its {@code spec_version}, or 2.0 when it has none. */
    default String stixVersion() {
        String v = specVersion();
        return v == null ? STIX_2_0 : v;
    }
}
