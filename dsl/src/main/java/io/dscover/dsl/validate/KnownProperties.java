package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Property;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rule headers use known keys, each once; {@code title} and {@code severity} are required, {@code techniques} expected. */
final class KnownProperties implements Validator {

    static final List<String> KEYS = List.of("title", "techniques", "severity", "description", "references", "tags",
            "status", "falsepositives", "enabled", "author");

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            RuleDecl r = scope.rule();
            Set<String> seen = new HashSet<>();
            for (Property p : r.properties()) {
                String key = p.key().text();
                if (!KEYS.contains(key)) {
                    out.error(code(), p.key().span(), "unknown rule property '" + key + "'" + DidYouMean.suffix(key, KEYS)
                            + (DidYouMean.closest(key, KEYS).isEmpty() ? " (known: " + String.join(", ", KEYS) + ")" : ""));
                } else if (!seen.add(key)) {
                    out.error(code(), p.key().span(), "rule '" + r.id().text() + "' sets '" + key + "' twice");
                }
            }
            for (String required : List.of("title", "severity")) {
                if (r.property(required).isEmpty()) {
                    out.error(code(), r.id().span(), "rule '" + r.id().text() + "' has no '" + required + ":'");
                }
            }
            if (r.property("techniques").isEmpty()) {
                out.warning(code(), r.id().span(), "rule '" + r.id().text()
                        + "' maps to no ATT&CK technique ('techniques: [...]'); coverage will not count it");
            }
        }
    }
}
