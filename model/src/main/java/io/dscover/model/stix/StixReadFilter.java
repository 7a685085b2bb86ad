package io.dscover.model.stix;

import java.util.Set;

/**
 * Which objects and properties a {@link StixBundleReader} pass needs. Skipped values are stepped
 * over by the parser without being decoded, which is what makes a full ATT&amp;CK release load fast
 * when only the technique model is wanted. The default reads everything (round-trip safe).
 */
public interface StixReadFilter {

    /** Reads every object and property. */
    StixReadFilter EVERYTHING = new StixReadFilter() {
    };

    /** Whether objects of this type are delivered at all. */
    default boolean wantsType(String type) {
        return true;
    }

    /**
     * Whether this property of an object of this type is kept. Only asked for properties that come
     * after {@code type} in the object (properties before it are always kept).
     */
    default boolean wantsProperty(String type, String property) {
        return true;
    }

    /**
     * Whether an object whose text property has this value is still wanted, e.g. a relationship whose
     * {@code relationship_type} is one the caller needs: saying no skips the rest of the object unread.
     * Only asked for text properties that come after {@code type}; {@link #wantsObject} sees the rest.
     */
    default boolean wantsValue(String type, String property, String text) {
        return true;
    }

    /**
     * The last word on an object read with its wanted properties, before it is converted to a record:
     * e.g. only {@code detects} relationships. Converting is the costly step, so saying no here is cheap.
     */
    default boolean wantsObject(String type, com.fasterxml.jackson.databind.node.ObjectNode object) {
        return true;
    }

    /** Objects of the given types, with every property but the named ones. */
    static StixReadFilter types(Set<String> types, Set<String> droppedProperties) {
        Set<String> t = Set.copyOf(types);
        Set<String> d = Set.copyOf(droppedProperties);
        return new StixReadFilter() {
            @Override
            public boolean wantsType(String type) {
                return t.contains(type);
            }

            @Override
            public boolean wantsProperty(String type, String property) {
                return !d.contains(property);
            }
        };
    }
}
