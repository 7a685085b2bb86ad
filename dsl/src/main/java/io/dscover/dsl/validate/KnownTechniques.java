package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Property;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.RetiredTechnique;
import io.dscover.model.attack.Technique;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every technique ID exists in the ATT&amp;CK catalog in use. A catalog that holds only DS0029's techniques
 * (the embedded model) cannot tell a non-existent ID from a real technique outside DS0029, so there an
 * unknown ID is a warning that says so; with a full ATT&amp;CK release it is an error. An ID the release
 * has revoked or deprecated is an error that names the replacement, so a rule written against an older
 * release says what to map it to now.
 */
final class KnownTechniques implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        List<String> ids = null;
        boolean ds0029Only = program.catalog().techniques().size() == program.catalog().ds0029Techniques().size();
        for (RuleScope scope : program.rules()) {
            for (Property.Scalar s : techniques(scope)) {
                if (program.catalog().technique(s.text()).isEmpty()) {
                    Optional<RetiredTechnique> retired = program.catalog().retiredTechnique(s.text());
                    if (retired.isPresent()) {
                        out.error(code(), s.span(), retiredMessage(retired.get(), program.catalog()));
                        continue;
                    }
                    if (ids == null) {
                        ids = program.catalog().techniques().stream().map(Technique::id).toList();
                    }
                    if (ds0029Only) {
                        out.warning(code(), s.span(), s.text() + " is not a DS0029 technique in the "
                                + program.catalog().source() + " (ATT&CK " + program.catalog().attackVersion()
                                + "), which lists only DS0029's techniques; load a full ATT&CK release to check that it exists");
                    } else {
                        out.error(code(), s.span(), "unknown ATT&CK technique " + s.text() + " (not in "
                                + program.catalog().source() + ", ATT&CK " + program.catalog().attackVersion() + ")"
                                + DidYouMean.suffix(s.text(), ids));
                    }
                }
            }
        }
    }

    private static String retiredMessage(RetiredTechnique t, AttackCatalog catalog) {
        String release = " in " + catalog.source() + " (ATT&CK " + catalog.attackVersion() + ")";
        String what = t.id() + " (" + t.name() + ")";
        if (t.status() == RetiredTechnique.Status.REVOKED) {
            String by = t.replacedBy().stream()
                    .map(id -> id + catalog.technique(id).map(x -> " (" + x.name() + ")").orElse(""))
                    .collect(Collectors.joining(", "));
            return what + " is revoked" + release + (by.isEmpty() ? "; map the rule to a current technique"
                    : "; use " + by + " instead");
        }
        return what + " is deprecated" + release + " with no replacement; map the rule to a current technique";
    }

    static List<Property.Scalar> techniques(RuleScope scope) {
        return scope.rule().property("techniques")
                .map(p -> p.values().stream().filter(v -> v.kind() == Property.Kind.TECHNIQUE).toList())
                .orElse(List.of());
    }
}
