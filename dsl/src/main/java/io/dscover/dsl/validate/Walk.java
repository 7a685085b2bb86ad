package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.MatchClause;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Resolved;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.model.event.EventSchema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * Visits every event condition of every rule with the scope it is evaluated in: the match clause,
 * each sequence step (with the step's event), and the bodies of the macros they use (once per use,
 * so a macro's fields are checked against each event it is applied to).
 */
final class Walk {

    private Walk() {
    }

    /** Calls {@code visitor} for every condition node (nested ones too). */
    static void conditions(Program program, BiConsumer<Expr, RuleScope> visitor) {
        for (RuleScope scope : program.rules()) {
            for (MatchClause m : scope.rule().matches()) {
                RuleScope s = EventSchema.get().eventType(m.event().text()).map(scope::withEvent).orElse(scope);
                m.where().ifPresent(w -> expr(w, s, visitor, new ArrayDeque<>()));
            }
            for (Clause.Stateful st : scope.rule().statefuls()) {
                if (st instanceof Clause.Sequence seq) {
                    for (Clause.Step step : seq.steps()) {
                        RuleScope s = EventSchema.get().eventType(step.event().text()).map(scope::withEvent).orElse(null);
                        if (s != null) {
                            step.where().ifPresent(w -> expr(w, s, visitor, new ArrayDeque<>()));
                        }
                    }
                }
            }
        }
    }

    /** Calls {@code visitor} for every term of every condition (function arguments too). */
    static void terms(Program program, BiConsumer<Term, RuleScope> visitor) {
        conditions(program, (e, s) -> {
            if (e instanceof Expr.Compare c) {
                term(c.left(), s, visitor);
                term(c.right(), s, visitor);
            } else if (e instanceof Expr.In i) {
                term(i.left(), s, visitor);
            } else if (e instanceof Expr.StringMatch m) {
                term(m.left(), s, visitor);
                term(m.right(), s, visitor);
            } else if (e instanceof Expr.Bare b) {
                term(b.term(), s, visitor);
            }
        });
    }

    static void term(Term t, RuleScope s, BiConsumer<Term, RuleScope> visitor) {
        visitor.accept(t, s);
        if (t instanceof Term.Call c) {
            for (Term a : c.args()) {
                term(a, s, visitor);
            }
        }
    }

    private static void expr(Expr e, RuleScope s, BiConsumer<Expr, RuleScope> visitor, Deque<MacroDecl> expanding) {
        visitor.accept(e, s);
        if (e instanceof Expr.And a) {
            a.operands().forEach(o -> expr(o, s, visitor, expanding));
        } else if (e instanceof Expr.Or o) {
            o.operands().forEach(x -> expr(x, s, visitor, expanding));
        } else if (e instanceof Expr.Not n) {
            expr(n.operand(), s, visitor, expanding);
        } else if (e instanceof Expr.Bare b && b.term() instanceof Term.Ref r
                && s.resolve(r.name()) instanceof Resolved.Macro m && !expanding.contains(m.decl())) {
            expanding.push(m.decl());
            expr(m.decl().body(), s, visitor, expanding);
            expanding.pop();
        }
    }
}
