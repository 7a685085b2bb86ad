package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.MatchClause;
import io.dscover.dsl.ast.Name;
import io.dscover.dsl.ast.TestBlock;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import java.util.List;

/** Event type names (in match clauses, sequence steps and test events) exist in the schema. */
final class KnownEvents implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        List<String> known = EventSchema.get().eventTypes().stream().map(EventTypeDef::name).toList();
        for (RuleScope scope : program.rules()) {
            for (MatchClause m : scope.rule().matches()) {
                check(m.event(), known, out);
            }
            for (Clause.Stateful s : scope.rule().statefuls()) {
                if (s instanceof Clause.Sequence seq) {
                    seq.steps().forEach(step -> check(step.event(), known, out));
                }
            }
            for (TestBlock t : scope.rule().tests()) {
                if (t.body() instanceof TestBlock.Events ev) {
                    ev.events().forEach(e -> check(e.type(), known, out));
                }
            }
        }
    }

    private void check(Name event, List<String> known, Diagnostics out) {
        if (EventSchema.get().eventType(event.text()).isEmpty()) {
            String hint = DidYouMean.suffix(event.text(), known);
            out.error(code(), event.span(), "unknown event type '" + event.text() + "'"
                    + (hint.isEmpty() ? " (known: " + String.join(", ", known) + ")" : hint));
        }
    }
}
