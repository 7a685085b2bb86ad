package io.dscover.dsl.validate;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.FileScope;
import io.dscover.dsl.resolve.Program;
import java.util.ArrayList;
import java.util.List;

/** A macro never uses itself, directly or through other macros (it could not be inlined). */
final class NoMacroCycles implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (DetFile f : program.allFiles()) {
            FileScope scope = program.scope(f.source());
            for (MacroDecl m : f.macros()) {
                List<String> path = new ArrayList<>();
                path.add(m.name().text());
                if (reaches(m.body(), m, scope, path, 0)) {
                    out.error(code(), m.name().span(), "macro '" + m.name().text() + "' uses itself: "
                            + String.join(" -> ", path));
                }
            }
        }
    }

    private boolean reaches(Expr e, MacroDecl target, FileScope scope, List<String> path, int depth) {
        if (depth > 64) {
            return false;
        }
        if (e instanceof Expr.And a) {
            return a.operands().stream().anyMatch(o -> reaches(o, target, scope, path, depth));
        }
        if (e instanceof Expr.Or o) {
            return o.operands().stream().anyMatch(x -> reaches(x, target, scope, path, depth));
        }
        if (e instanceof Expr.Not n) {
            return reaches(n.operand(), target, scope, path, depth);
        }
        if (e instanceof Expr.Bare b && b.term() instanceof Term.Ref r) {
            MacroDecl used = scope.macros().get(r.name());
            if (used == null || path.size() > 1 && path.subList(1, path.size()).contains(r.name())) {
                return false;
            }
            path.add(r.name());
            if (used == target || reaches(used.body(), target, scope, path, depth + 1)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
