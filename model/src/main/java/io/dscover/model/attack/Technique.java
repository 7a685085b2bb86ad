package io.dscover.model.attack;

import java.util.List;

/**
 * An ATT&amp;CK technique or sub-technique.
 *
 * @param id      {@code T1071} or {@code T1071.004}
 * @param name    its own name ("DNS"; see {@link AttackCatalog#fullName} for "Application Layer Protocol: DNS")
 * @param tactics tactic shortnames in the catalog's kill-chain order, e.g. {@code command-and-control}
 */
public record Technique(String id, String name, List<String> tactics) {

    public Technique {
        if (!isTechniqueId(id)) {
            throw new IllegalArgumentException("not an ATT&CK technique ID: " + id);
        }
        tactics = List.copyOf(tactics);
    }

    public boolean isSubtechnique() {
        return id.indexOf('.') > 0;
    }

    /** The parent technique's ID ({@code T1071} for {@code T1071.004}); the ID itself for a parent. */
    public String parentId() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /** Whether the text has the form of a technique ID: {@code T} + 4 digits, optionally {@code .} + 3 digits. */
    public static boolean isTechniqueId(String text) {
        if (text == null || (text.length() != 5 && text.length() != 9) || text.charAt(0) != 'T') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = i == 5 ? c == '.' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
