package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;

/** A sequence has between two and sixteen steps. */
final class SequenceWellFormed implements Validator {

    static final int MAX_STEPS = 16;

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            for (Clause.Stateful st : scope.rule().statefuls()) {
                if (st instanceof Clause.Sequence seq) {
                    if (seq.steps().size() < 2) {
                        out.error(code(), seq.span(), "a sequence needs at least two steps: [EVENT where ...] then [EVENT where ...]");
                    } else if (seq.steps().size() > MAX_STEPS) {
                        out.error(code(), seq.steps().get(MAX_STEPS).span(), "a sequence has at most " + MAX_STEPS + " steps");
                    }
                }
            }
        }
    }
}
