package io.dscover.coverage.analysis;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.FieldRef;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.MatchClause;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.ast.Term;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event fields each rule reads, per event type: in its conditions (through the macros they use),
 * its group-by and suppress keys and its aggregated field. Data quality uses it to say which rule is
 * starved by a field the telemetry rarely fills. A macro name is looked up in the rule's own file first,
 * then in the other files compiled with it (where imports point; the compiler has already checked them).
 */
final class RuleFields {

    private final Map<String, MacroDecl> allMacros = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<String>>> byRule = new LinkedHashMap<>();

    private RuleFields() {
    }

    /** Rule id to event type to the fields it reads. */
    static Map<String, Map<String, Set<String>>> of(List<DetFile> files) {
        RuleFields f = new RuleFields();
        for (DetFile file : files) {
            file.macros().forEach(m -> f.allMacros.putIfAbsent(m.name().text(), m));
        }
        for (DetFile file : files) {
            Map<String, MacroDecl> own = new LinkedHashMap<>();
            file.macros().forEach(m -> own.putIfAbsent(m.name().text(), m));
            for (RuleDecl rule : file.rules()) {
                f.byRule.put(rule.id().text(), f.rule(rule, own));
            }
        }
        return f.byRule;
    }

    private Map<String, Set<String>> rule(RuleDecl rule, Map<String, MacroDecl> own) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Optional<EventTypeDef> main = rule.matches().isEmpty() ? Optional.empty()
                : EventSchema.get().eventType(rule.matches().get(0).event().text());
        for (MatchClause m : rule.matches()) {
            EventSchema.get().eventType(m.event().text())
                    .ifPresent(t -> m.where().ifPresent(w -> expr(w, t, own, out, new ArrayDeque<>())));
        }
        for (Clause.Stateful st : rule.statefuls()) {
            if (st instanceof Clause.Sequence seq) {
                for (Clause.Step step : seq.steps()) {
                    Optional<EventTypeDef> t = EventSchema.get().eventType(step.event().text());
                    if (t.isPresent()) {
                        step.where().ifPresent(w -> expr(w, t.get(), own, out, new ArrayDeque<>()));
                        seq.by().forEach(f -> field(f, t.get(), out));
                    }
                }
            } else {
                main.ifPresent(t -> st.by().forEach(f -> field(f, t, out)));
                if (st instanceof Clause.Aggregate a) {
                    main.ifPresent(t -> a.field().ifPresent(f -> field(f, t, out)));
                }
            }
        }
        main.ifPresent(t -> rule.suppressions().forEach(s -> s.by().forEach(f -> field(f, t, out))));
        return out;
    }

    private void expr(Expr e, EventTypeDef type, Map<String, MacroDecl> own, Map<String, Set<String>> out,
            Deque<String> macroStack) {
        if (e instanceof Expr.And a) {
            a.operands().forEach(o -> expr(o, type, own, out, macroStack));
        } else if (e instanceof Expr.Or o) {
            o.operands().forEach(x -> expr(x, type, own, out, macroStack));
        } else if (e instanceof Expr.Not n) {
            expr(n.operand(), type, own, out, macroStack);
        } else if (e instanceof Expr.Compare c) {
            term(c.left(), type, own, out, macroStack);
            term(c.right(), type, own, out, macroStack);
        } else if (e instanceof Expr.In i) {
            term(i.left(), type, own, out, macroStack);
        } else if (e instanceof Expr.StringMatch s) {
            term(s.left(), type, own, out, macroStack);
            term(s.right(), type, own, out, macroStack);
        } else if (e instanceof Expr.Exists x) {
            field(x.field(), type, out);
        } else if (e instanceof Expr.Bare b) {
            term(b.term(), type, own, out, macroStack);
        }
    }

    private void term(Term t, EventTypeDef type, Map<String, MacroDecl> own, Map<String, Set<String>> out,
            Deque<String> macroStack) {
        if (t instanceof FieldRef f) {
            field(f, type, out);
        } else if (t instanceof Term.Call c) {
            c.args().forEach(a -> term(a, type, own, out, macroStack));
        } else if (t instanceof Term.Ref r) {
            MacroDecl m = own.getOrDefault(r.name(), allMacros.get(r.name()));
            if (m != null && !macroStack.contains(r.name()) && macroStack.size() < 32) {
                macroStack.push(r.name());
                expr(m.body(), type, own, out, macroStack);
                macroStack.pop();
            } else if (m == null && type.field(r.name()).isPresent()) {
                add(type, r.name(), out); // a one-word field such as ts
            }
        }
    }

    private static void field(FieldRef f, EventTypeDef type, Map<String, Set<String>> out) {
        if (type.field(f.name()).isPresent()) {
            add(type, f.name(), out);
        }
    }

    private static void add(EventTypeDef type, String field, Map<String, Set<String>> out) {
        out.computeIfAbsent(type.name(), k -> new LinkedHashSet<>()).add(field);
    }
}
