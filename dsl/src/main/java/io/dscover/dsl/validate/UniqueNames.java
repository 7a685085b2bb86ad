package io.dscover.dsl.validate;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.ListDecl;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.Name;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.ast.TestBlock;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import java.util.HashMap;
import java.util.Map;

/**
 * Lists and macros are unique among what a file sees (its own and imported ones); tunables and test
 * names are unique within a rule.
 */
final class UniqueNames implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (DetFile file : program.allFiles()) {
            Map<String, Name> names = new HashMap<>();
            for (DetFile visible : program.visibleFrom(file.source())) {
                boolean own = visible == file;
                for (ListDecl l : visible.lists()) {
                    check(names, l.name(), own, "list", out);
                }
                for (MacroDecl m : visible.macros()) {
                    check(names, m.name(), own, "macro", out);
                }
            }
            for (RuleDecl r : file.rules()) {
                Map<String, Name> tunables = new HashMap<>();
                for (TunableDecl t : r.tunables()) {
                    check(tunables, t.name(), true, "tunable", out);
                }
                Map<String, TestBlock> tests = new HashMap<>();
                for (TestBlock t : r.tests()) {
                    TestBlock first = tests.putIfAbsent(t.name().value(), t);
                    if (first != null) {
                        out.error(code(), t.name().span(), "rule '" + r.id().text() + "' already has a test named "
                                + t.name().display() + " (line " + first.span().line() + ")");
                    }
                }
            }
        }
    }

    private void check(Map<String, Name> seen, Name name, boolean report, String kind, Diagnostics out) {
        Name first = seen.putIfAbsent(name.text(), name);
        if (first != null && report) {
            out.error(code(), name.span(), "'" + name.text() + "' is already defined at " + first.span().location()
                    + "; a " + kind + " needs a name of its own");
        }
    }
}
