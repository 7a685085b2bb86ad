package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.Typer;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code beacon} has {@code by} keys (the pair whose callbacks are scored), {@code min} is an integer of
 * at least 3 (two intervals are the least that can be regular), and {@code having} is
 * {@code score >= X} with X in [0, 1].
 */
final class BeaconWellFormed implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            for (Clause.Stateful st : scope.rule().statefuls()) {
                if (st instanceof Clause.Beacon b) {
                    check(b, scope, out);
                }
            }
        }
    }

    private void check(Clause.Beacon b, RuleScope scope, Diagnostics out) {
        if (b.by().isEmpty()) {
            out.error(code(), b.span(), "beacon needs 'by' keys: the pair whose callbacks are scored, e.g. by source.ip, destination.ip");
        }
        b.min().ifPresent(m -> Typer.constant(m, scope).ifPresent(v -> {
            if (!(v instanceof Literal.Int i) || i.value() < 3) {
                out.error(code(), m.span(), "'min' takes a whole number of connections of at least 3, not " + v.display());
            }
        }));
        b.having().ifPresent(h -> {
            if (!(h instanceof Expr.Compare c) || !(c.left() instanceof Term.Ref r) || !r.name().equals("score")
                    || (c.op() != CompareOp.GE && c.op() != CompareOp.GT)) {
                out.error(code(), h.span(), "a beacon's 'having' is 'score >= X' (X between 0 and 1)");
                return;
            }
            Optional<Literal> v = Typer.constant(c.right(), scope);
            if (v.isEmpty()) {
                out.error(code(), c.right().span(), c.right() instanceof Term.Ref u
                        ? "unknown tunable '" + u.name() + "'" + io.dscover.dsl.diagnostic.DidYouMean.suffix(u.name(), scope.tunables().keySet())
                        : "the beacon score is compared with a number or a tunable");
                return;
            }
            BigDecimal x = v.get() instanceof Literal.Decimal d ? d.value()
                    : v.get() instanceof Literal.Int i ? BigDecimal.valueOf(i.value()) : null;
            if (x == null || x.compareTo(BigDecimal.ZERO) < 0 || x.compareTo(BigDecimal.ONE) > 0) {
                out.error(code(), c.right().span(), "the beacon score is between 0 and 1; " + v.get().display() + " is not");
            }
        });
    }
}
