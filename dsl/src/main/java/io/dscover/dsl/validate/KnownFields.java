package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.FieldRef;
import io.dscover.dsl.ast.TestBlock;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import java.util.List;
import java.util.Optional;

/**
 * Every dotted field name (in conditions, {@code by} keys, aggregated fields and test events) is a
 * field of the event type it applies to; if another event type has it, the message says which.
 */
final class KnownFields implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Walk.terms(program, (t, s) -> {
            if (t instanceof FieldRef f) {
                check(f, s, out);
            }
        });
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.Exists x) {
                check(x.field(), s, out);
            }
        });
        for (RuleScope scope : program.rules()) {
            for (Clause.Stateful st : scope.rule().statefuls()) {
                if (st instanceof Clause.Sequence seq) {
                    for (Clause.Step step : seq.steps()) {
                        Optional<EventTypeDef> ev = EventSchema.get().eventType(step.event().text());
                        ev.ifPresent(def -> seq.by().forEach(k -> check(k, scope.withEvent(def), out)));
                    }
                } else if (scope.event().isPresent()) {
                    st.by().forEach(k -> check(k, scope, out));
                    if (st instanceof Clause.Aggregate a) {
                        a.field().ifPresent(f -> check(f, scope, out));
                    }
                }
            }
            for (EventTypeDef ev : TechniqueDetectableByComponent.eventTypes(scope)) {
                scope.rule().suppressions().forEach(sup -> sup.by().forEach(k -> check(k, scope.withEvent(ev), out)));
            }
            for (TestBlock t : scope.rule().tests()) {
                if (t.body() instanceof TestBlock.Events ev) {
                    for (TestBlock.Event e : ev.events()) {
                        EventSchema.get().eventType(e.type().text()).ifPresent(def ->
                                e.fields().forEach(f -> check(f.field(), scope.withEvent(def), out)));
                    }
                }
            }
        }
    }

    void check(FieldRef f, RuleScope scope, Diagnostics out) {
        if (scope.event().isEmpty() || scope.field(f.name()).isPresent()) {
            return;
        }
        if (f.name().indexOf('.') < 0) {
            return; // a one-word name: KnownNames says what it is not
        }
        EventTypeDef event = scope.event().get();
        List<String> names = event.fields().stream().map(FieldDef::name).toList();
        String msg = "unknown field '" + f.name() + "' for event '" + event.name() + "'";
        Optional<String> near = DidYouMean.closest(f.name(), names);
        if (near.isPresent()) {
            msg += "; did you mean '" + near.get() + "'?";
        } else {
            List<EventTypeDef> others = EventSchema.get().typesWithField(f.name());
            if (!others.isEmpty()) {
                msg += "; it is a field of " + String.join(", ", others.stream().map(o -> "'" + o.name() + "'").toList());
            } else {
                msg += " (dscover schema " + event.name() + " lists its fields)";
            }
        }
        out.error(code(), f.span(), msg);
    }
}
