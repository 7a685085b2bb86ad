package io.dscover.model.stix;

import java.util.List;

/**
 * The ATT&amp;CK domain objects: named, with ATT&amp;CK IDs in their external references, and retired
 * by {@code revoked} (replaced by another object) or {@code x_mitre_deprecated} (withdrawn).
 */
public sealed interface AttackObject extends StixObject
        permits AttackPattern, MitreTactic, MitreMatrix, MitreCollection, MitreDataSource, MitreDataComponent,
        MitreDetectionStrategy, MitreAnalytic {

    String name();

    List<ExternalReference> externalReferences();

    Boolean revoked();

    Boolean xMitreDeprecated();

    /** The ATT&amp;CK ID (T1071.004, TA0011, DS0029, DC0078, DET0001, AN0001), or {@code null} when it has none. */
    default String attackId() {
        List<ExternalReference> refs = externalReferences();
        if (refs != null) {
            for (ExternalReference r : refs) {
                if (r != null && ExternalReference.MITRE_ATTACK.equals(r.sourceName()) && r.externalId() != null) {
                    return r.externalId();
                }
            }
        }
        return null;
    }

    /** Whether ATT&amp;CK has revoked or deprecated the object. */
    default boolean retired() {
        return Boolean.TRUE.equals(revoked()) || Boolean.TRUE.equals(xMitreDeprecated());
    }
}
