package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.SetRef;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Resolved;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.ast.Literal;

/**
 * One-word names resolve to something usable where they stand: a macro or boolean as a condition,
 * a list (or list tunable) after {@code in}, a tunable or {@code ts} as a value.
 */
final class KnownNames implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.In in && in.set() instanceof Term.Ref r) {
                Resolved res = s.resolve(r.name());
                if (res instanceof Resolved.Unknown) {
                    unknown(r, s, out);
                } else if (!(res instanceof Resolved.NamedList)
                        && !(res instanceof Resolved.Tunable t && t.value() instanceof Literal.ListLit)) {
                    out.error(code(), r.span(), "'" + r.name() + "' is a " + kind(res) + ", not a list; 'in' takes a "
                            + "list name or [a, b, ...]");
                }
            }
            Term bare = e instanceof Expr.Bare b ? b.term() : null;
            if (bare instanceof Term.Ref r && s.resolve(r.name()) instanceof Resolved.NamedList) {
                out.error(code(), r.span(), "list '" + r.name() + "' is not a condition; write 'FIELD in " + r.name() + "'");
            }
        });
        Walk.terms(program, (t, s) -> {
            if (!(t instanceof Term.Ref r)) {
                return;
            }
            Resolved res = s.resolve(r.name());
            if (res instanceof Resolved.Unknown) {
                unknown(r, s, out);
            }
        });
        // value positions outside conditions must be tunables or literals
        for (RuleScope scope : program.rules()) {
            scope.rule().statefuls().forEach(st -> constant(st.within(), scope, out));
            scope.rule().suppressions().forEach(sup -> constant(sup.duration(), scope, out));
            scope.rule().statefuls().forEach(st -> {
                if (st instanceof io.dscover.dsl.ast.Clause.Beacon b) {
                    b.min().ifPresent(m -> constant(m, scope, out));
                }
            });
        }
    }

    private void constant(Term t, RuleScope scope, Diagnostics out) {
        if (t instanceof Term.Ref r && !(scope.resolve(r.name()) instanceof Resolved.Tunable)) {
            Resolved res = scope.resolve(r.name());
            if (res instanceof Resolved.Unknown) {
                out.error(code(), r.span(), "unknown tunable '" + r.name() + "'"
                        + DidYouMean.suffix(r.name(), scope.tunables().keySet()));
            } else {
                out.error(code(), r.span(), "'" + r.name() + "' is a " + kind(res) + "; a literal or a tunable goes here");
            }
        }
    }

    private void unknown(Term.Ref r, RuleScope s, Diagnostics out) {
        out.error(code(), r.span(), "unknown name '" + r.name() + "' (not a tunable, macro, list or field"
                + s.event().map(e -> " of '" + e.name() + "'").orElse("") + ")" + DidYouMean.suffix(r.name(), s.knownNames()));
    }

    static String kind(Resolved r) {
        if (r instanceof Resolved.Tunable) {
            return "tunable";
        }
        if (r instanceof Resolved.Macro) {
            return "macro";
        }
        if (r instanceof Resolved.NamedList) {
            return "list";
        }
        if (r instanceof Resolved.Field) {
            return "field";
        }
        return "unknown name";
    }

    static boolean isSet(SetRef s) {
        return s instanceof Literal.ListLit;
    }
}
