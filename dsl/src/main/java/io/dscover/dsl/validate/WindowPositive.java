package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.Typer;
import java.util.Optional;

/** {@code within} and {@code suppress ... for} take a positive duration (a literal with a unit, or a duration tunable). */
final class WindowPositive implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            for (Clause.Stateful st : scope.rule().statefuls()) {
                check(st.within(), "'within'", scope, out);
            }
            for (Clause.Suppress s : scope.rule().suppressions()) {
                check(s.duration(), "'suppress ... for'", scope, out);
            }
        }
    }

    private void check(Term t, String what, RuleScope scope, Diagnostics out) {
        Optional<Literal> v = Typer.constant(t, scope);
        if (v.isEmpty()) {
            return; // KnownNames reports names that are not tunables
        }
        if (!(v.get() instanceof Literal.Duration d)) {
            out.error(code(), t.span(), what + " takes a duration such as 500ms, 60s, 5m, 6h or 1d, not " + v.get().display());
        } else if (d.nanos() <= 0) {
            out.error(code(), t.span(), what + " must be longer than zero");
        }
    }
}
