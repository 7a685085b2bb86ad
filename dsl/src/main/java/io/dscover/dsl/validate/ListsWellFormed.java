package io.dscover.dsl.validate;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.ListDecl;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.Typer;

/** A list holds one kind of value (IPs/CIDRs, ints/ranges, strings, decimals or durations); ranges go upwards. */
final class ListsWellFormed implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (DetFile f : program.allFiles()) {
            for (ListDecl l : f.lists()) {
                check(l.items(), "list '" + l.name().text() + "'", out);
            }
        }
        for (RuleScope scope : program.rules()) {
            for (TunableDecl t : scope.rule().tunables()) {
                if (t.value() instanceof Literal.ListLit l) {
                    check(l, "tunable '" + t.name().text() + "'", out);
                }
            }
        }
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.In in && in.set() instanceof Literal.ListLit l) {
                check(l, "the list", out);
            }
        });
    }

    private void check(Literal.ListLit list, String what, Diagnostics out) {
        if (Typer.setType(list).isEmpty()) {
            Literal first = list.items().get(0);
            for (Literal item : list.items()) {
                if (Typer.setType(new Literal.ListLit(java.util.List.of(first, item), list.span())).isEmpty()) {
                    out.error(code(), item.span(), what + " mixes kinds of values: " + first.display() + " and " + item.display());
                    break;
                }
            }
        }
        for (Literal item : list.items()) {
            if (item instanceof Literal.Range r && r.from() > r.to()) {
                out.error(code(), r.span(), "range " + r.display() + " is empty; write the lower bound first");
            }
            if (item instanceof Literal.ListLit nested) {
                out.error(code(), nested.span(), "lists do not nest");
            }
        }
    }
}
