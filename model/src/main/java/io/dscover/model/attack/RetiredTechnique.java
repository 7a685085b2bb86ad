package io.dscover.model.attack;

import java.util.List;

/**
 * A technique ID a release no longer uses: revoked (merged into other techniques, which
 * {@code replacedBy} names) or deprecated (withdrawn without replacement).
 */
public record RetiredTechnique(String id, String name, Status status, List<String> replacedBy) {

    public enum Status { REVOKED, DEPRECATED }

    public RetiredTechnique {
        replacedBy = List.copyOf(replacedBy);
    }
}
