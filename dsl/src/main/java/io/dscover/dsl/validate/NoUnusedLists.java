package io.dscover.dsl.validate;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.ListDecl;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Resolved;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Warns about lists no compiled rule uses (a typo in a name, or a leftover). */
final class NoUnusedLists implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Set<ListDecl> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.In in && in.set() instanceof Term.Ref r && s.resolve(r.name()) instanceof Resolved.NamedList l) {
                used.add(l.decl());
            }
        });
        for (DetFile f : program.compiledFiles()) {
            for (ListDecl l : f.lists()) {
                if (!used.contains(l) && !importedBy(program, f)) {
                    out.warning(code(), l.name().span(), "list '" + l.name().text() + "' is never used");
                }
            }
        }
    }

    // a file others import is a library: its lists are there to be used elsewhere
    static boolean importedBy(Program program, DetFile f) {
        for (DetFile other : program.allFiles()) {
            if (other != f && program.visibleFrom(other.source()).contains(f)) {
                return true;
            }
        }
        return false;
    }
}
