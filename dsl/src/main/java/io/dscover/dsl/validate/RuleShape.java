package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;

/**
 * A rule has one body: a {@code match} (optionally followed by one {@code aggregate} or {@code beacon}),
 * or a {@code sequence} (whose steps carry their own matches); at most one {@code suppress}.
 */
final class RuleShape implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            RuleDecl r = scope.rule();
            String id = r.id().text();
            for (int i = 1; i < r.matches().size(); i++) {
                out.error(code(), r.matches().get(i).span(), "rule '" + id
                        + "' already has a match clause (line " + r.matches().get(0).span().line()
                        + "); combine conditions with 'and'/'or', or write a second rule");
            }
            for (int i = 1; i < r.statefuls().size(); i++) {
                Clause.Stateful s = r.statefuls().get(i);
                out.error(code(), s.span(), "rule '" + id + "' already has a '" + r.statefuls().get(0).keyword()
                        + "' clause (line " + r.statefuls().get(0).span().line() + "); a rule keeps one kind of state");
            }
            for (int i = 1; i < r.suppressions().size(); i++) {
                out.error(code(), r.suppressions().get(i).span(), "rule '" + id + "' already has a suppress clause");
            }
            boolean sequence = !r.statefuls().isEmpty() && r.statefuls().get(0) instanceof Clause.Sequence;
            if (sequence && !r.matches().isEmpty()) {
                out.error(code(), r.matches().get(0).span(), "a sequence rule takes no match clause: each step says "
                        + "what it matches ([connection where ...])");
            } else if (!sequence && r.matches().isEmpty()) {
                if (r.statefuls().isEmpty()) {
                    out.error(code(), r.id().span(), "rule '" + id + "' has no 'match EVENT where ...' clause");
                } else {
                    out.error(code(), r.statefuls().get(0).span(), "'" + r.statefuls().get(0).keyword()
                            + "' needs a 'match EVENT where ...' clause before it to say which events it counts");
                }
            }
        }
    }
}
