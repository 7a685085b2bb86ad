package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Property;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import java.util.List;

/** Header values have the right shape: severity, status and enabled from their fixed sets; text where text goes; lists where lists go. */
final class PropertyValues implements Validator {

    static final List<String> SEVERITIES = List.of("info", "low", "medium", "high", "critical");
    static final List<String> STATUSES = List.of("experimental", "test", "stable", "deprecated");

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            RuleDecl r = scope.rule();
            for (Property p : r.properties()) {
                switch (p.key().text()) {
                    case "title", "description", "author" -> single(p, Property.Kind.STRING, "a string", out);
                    case "severity" -> word(p, SEVERITIES, out);
                    case "status" -> word(p, STATUSES, out);
                    case "enabled" -> single(p, Property.Kind.BOOL, "true or false", out);
                    case "techniques" -> {
                        listOf(p, out);
                        for (Property.Scalar s : p.values()) {
                            if (s.kind() != Property.Kind.TECHNIQUE) {
                                out.error(code(), s.span(), "'" + s.text()
                                        + "' is not an ATT&CK technique ID (T + 4 digits, optionally . + 3 digits: T1071.004)");
                            }
                        }
                    }
                    case "references", "falsepositives", "tags" -> listOf(p, out);
                    default -> {
                    }
                }
            }
        }
    }

    private void single(Property p, Property.Kind kind, String what, Diagnostics out) {
        if (p.list() || p.values().size() != 1 || p.values().get(0).kind() != kind) {
            out.error(code(), p.span(), "'" + p.key().text() + "' takes " + what);
        }
    }

    private void word(Property p, List<String> allowed, Diagnostics out) {
        if (p.list() || p.values().size() != 1) {
            out.error(code(), p.span(), "'" + p.key().text() + "' takes one of " + String.join(", ", allowed));
            return;
        }
        Property.Scalar v = p.values().get(0);
        if (!allowed.contains(v.text())) {
            out.error(code(), v.span(), "'" + v.text() + "' is not a " + p.key().text() + " ("
                    + String.join(", ", allowed) + ")" + DidYouMean.suffix(v.text(), allowed));
        }
    }

    private void listOf(Property p, Diagnostics out) {
        if (!p.list()) {
            out.error(code(), p.span(), "'" + p.key().text() + "' takes a list: " + p.key().text() + ": [" + p.values()
                    .stream().map(Property.Scalar::text).findFirst().orElse("...") + "]");
        }
    }
}
