package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.Type;
import io.dscover.dsl.resolve.Typer;
import java.util.List;
import java.util.Optional;

/**
 * {@code aggregate} uses {@code count()}, {@code count(distinct f)} or {@code sum|min|max|avg(f)} over a
 * numeric field, and its {@code having} compares the aggregate (by alias or call) with constants only,
 * so the engine can evaluate it on the running value without Drools.
 */
final class AggregateWellFormed implements Validator {

    static final List<String> FUNCTIONS = List.of("count", "sum", "min", "max", "avg");

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            for (Clause.Stateful st : scope.rule().statefuls()) {
                if (st instanceof Clause.Aggregate a) {
                    check(a, scope, out);
                }
            }
        }
    }

    private void check(Clause.Aggregate a, RuleScope scope, Diagnostics out) {
        String fn = a.function().text();
        if (!FUNCTIONS.contains(fn)) {
            out.error(code(), a.function().span(), "unknown aggregate '" + fn + "' (count, sum, min, max, avg)"
                    + DidYouMean.suffix(fn, FUNCTIONS));
            return;
        }
        Optional<Type> fieldType = a.field().flatMap(f -> scope.field(f.name())).map(d -> Type.of(d.type()));
        if (fn.equals("count")) {
            if (a.field().isPresent() && !a.distinct()) {
                out.error(code(), a.field().get().span(), "count() counts events; to count values write count(distinct "
                        + a.field().get().name() + ")");
            } else if (a.distinct() && a.field().isEmpty()) {
                out.error(code(), a.function().span(), "count(distinct ...) needs a field");
            }
        } else {
            if (a.distinct()) {
                out.error(code(), a.function().span(), "'distinct' goes with count() only");
            }
            if (a.field().isEmpty()) {
                out.error(code(), a.function().span(), fn + "() needs a numeric field, e.g. " + fn + "(source.bytes)");
            } else if (fieldType.isPresent() && !fieldType.get().isNumeric() && fieldType.get() != Type.DURATION) {
                out.error(code(), a.field().get().span(), fn + "() needs a numeric field; '" + a.field().get().name()
                        + "' is " + TypesAgree.article(fieldType.get().display()));
            }
        }
        String alias = a.alias().map(n -> n.text()).orElse(fn);
        boolean durationValued = !fn.equals("count") && fieldType.orElse(Type.INT) == Type.DURATION;
        having(a.having(), a, alias, durationValued, scope, out);
    }

    private void having(Expr e, Clause.Aggregate a, String alias, boolean duration, RuleScope scope, Diagnostics out) {
        if (e instanceof Expr.And and) {
            and.operands().forEach(o -> having(o, a, alias, duration, scope, out));
        } else if (e instanceof Expr.Or or) {
            or.operands().forEach(o -> having(o, a, alias, duration, scope, out));
        } else if (e instanceof Expr.Not not) {
            having(not.operand(), a, alias, duration, scope, out);
        } else if (e instanceof Expr.Compare c) {
            boolean leftIsAggregate = isAggregate(c.left(), a, alias);
            Term other = leftIsAggregate ? c.right() : c.left();
            if (!leftIsAggregate && !isAggregate(c.right(), a, alias)) {
                out.error(code(), c.span(), "'having' compares the aggregate ('" + alias + "') with a number, e.g. "
                        + alias + " >= 100");
                return;
            }
            Optional<Literal> v = Typer.constant(other, scope);
            if (v.isEmpty()) {
                if (other instanceof Term.Ref r) {
                    out.error(code(), r.span(), "unknown tunable '" + r.name() + "'"
                            + DidYouMean.suffix(r.name(), scope.tunables().keySet()));
                } else {
                    out.error(code(), other.span(), "'having' compares with a constant (a number or a tunable)");
                }
                return;
            }
            Type t = Typer.literalType(v.get());
            boolean ok = duration ? t == Type.DURATION : t.isNumeric();
            if (!ok) {
                out.error(code(), other.span(), "'" + alias + "' is " + (duration ? "a duration" : "a number")
                        + "; compare it with " + (duration ? "a duration such as 5m" : "a number") + ", not " + v.get().display());
            }
        } else {
            out.error(code(), e.span(), "'having' takes comparisons of '" + alias + "' joined with and/or/not");
        }
    }

    static boolean isAggregate(Term t, Clause.Aggregate a, String alias) {
        if (t instanceof Term.Ref r) {
            return r.name().equals(alias);
        }
        return t instanceof Term.Call c && c.function().text().equals(a.function().text());
    }
}
