package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Property;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.model.attack.Technique;
import java.util.List;

/** Every technique ID exists in the ATT&amp;CK catalog in use. */
final class KnownTechniques implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        List<String> ids = null;
        for (RuleScope scope : program.rules()) {
            for (Property.Scalar s : techniques(scope)) {
                if (program.catalog().technique(s.text()).isEmpty()) {
                    if (ids == null) {
                        ids = program.catalog().techniques().stream().map(Technique::id).toList();
                    }
                    out.error(code(), s.span(), "unknown ATT&CK technique " + s.text() + " (not in the "
                            + program.catalog().source() + ", ATT&CK " + program.catalog().attackVersion() + ")"
                            + DidYouMean.suffix(s.text(), ids));
                }
            }
        }
    }

    static List<Property.Scalar> techniques(RuleScope scope) {
        return scope.rule().property("techniques")
                .map(p -> p.values().stream().filter(v -> v.kind() == Property.Kind.TECHNIQUE).toList())
                .orElse(List.of());
    }
}
