package io.dscover.dsl.validate;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Resolved;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Warns about macros no compiled rule uses (directly or through another macro). */
final class NoUnusedMacros implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Set<MacroDecl> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.Bare b && b.term() instanceof Term.Ref r && s.resolve(r.name()) instanceof Resolved.Macro m) {
                used.add(m.decl());
            }
        });
        for (DetFile f : program.compiledFiles()) {
            for (MacroDecl m : f.macros()) {
                if (!used.contains(m) && !NoUnusedLists.importedBy(program, f)) {
                    out.warning(code(), m.name().span(), "macro '" + m.name().text() + "' is never used");
                }
            }
        }
    }
}
