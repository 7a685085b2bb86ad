package io.dscover.dsl.validate;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import java.util.HashMap;
import java.util.Map;

/** A rule id names one rule across everything compiled together (alerts, tunables and coverage refer to it). */
final class UniqueRuleIds implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Map<String, RuleDecl> seen = new HashMap<>();
        for (DetFile f : program.compiledFiles()) {
            for (RuleDecl r : f.rules()) {
                RuleDecl first = seen.putIfAbsent(r.id().text(), r);
                if (first != null) {
                    out.error(code(), r.id().span(), "rule id '" + r.id().text() + "' is already used by the rule at "
                            + first.id().span().location());
                }
            }
        }
    }
}
