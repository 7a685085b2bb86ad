package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Resolved;
import io.dscover.dsl.resolve.RuleScope;
import java.util.HashSet;
import java.util.Set;

/** Warns about tunables the rule never uses: overriding them would change nothing. */
final class NoUnusedTunables implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Set<TunableDecl> used = new HashSet<>();
        Walk.terms(program, (t, s) -> mark(t, s, used));
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.In in && in.set() instanceof Term.Ref r) {
                mark(r, s, used);
            }
        });
        for (RuleScope scope : program.rules()) {
            for (Clause.Stateful st : scope.rule().statefuls()) {
                mark(st.within(), scope, used);
                if (st instanceof Clause.Beacon b) {
                    b.min().ifPresent(m -> mark(m, scope, used));
                    b.having().ifPresent(h -> having(h, scope, used));
                } else if (st instanceof Clause.Aggregate a) {
                    having(a.having(), scope, used);
                }
            }
            scope.rule().suppressions().forEach(s -> mark(s.duration(), scope, used));
            for (TunableDecl t : scope.rule().tunables()) {
                if (!used.contains(t)) {
                    out.warning(code(), t.name().span(), "tunable '" + t.name().text() + "' is never used in rule '"
                            + scope.rule().id().text() + "'");
                }
            }
        }
    }

    private static void having(Expr e, RuleScope scope, Set<TunableDecl> used) {
        if (e instanceof Expr.And a) {
            a.operands().forEach(o -> having(o, scope, used));
        } else if (e instanceof Expr.Or o) {
            o.operands().forEach(x -> having(x, scope, used));
        } else if (e instanceof Expr.Not n) {
            having(n.operand(), scope, used);
        } else if (e instanceof Expr.Compare c) {
            mark(c.left(), scope, used);
            mark(c.right(), scope, used);
        }
    }

    private static void mark(Term t, RuleScope scope, Set<TunableDecl> used) {
        if (t instanceof Term.Ref r && scope.resolve(r.name()) instanceof Resolved.Tunable tun) {
            used.add(tun.decl());
        }
    }
}
