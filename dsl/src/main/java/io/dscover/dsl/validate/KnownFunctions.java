package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.FunctionDef;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Type;
import io.dscover.dsl.resolve.Typer;
import java.util.Optional;
import java.util.stream.Collectors;

/** Function calls name a known function, with one argument of a type it takes. */
final class KnownFunctions implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Walk.terms(program, (t, s) -> {
            if (!(t instanceof Term.Call c)) {
                return;
            }
            String name = c.function().text();
            Optional<FunctionDef> fn = FunctionDef.byName(name);
            if (fn.isEmpty()) {
                String hint = DidYouMean.suffix(name, FunctionDef.names());
                out.error(code(), c.function().span(), "unknown function '" + name + "'"
                        + (hint.isEmpty() ? " (functions: " + String.join(", ", FunctionDef.names().stream().sorted().toList()) + ")" : hint));
                return;
            }
            if (c.args().size() != 1) {
                out.error(code(), c.span(), name + "() takes one argument, not " + c.args().size());
                return;
            }
            Optional<Type> arg = Typer.typeOf(c.args().get(0), s);
            if (arg.isPresent() && !fn.get().accepts().contains(arg.get())) {
                out.error(code(), c.args().get(0).span(), name + "() takes "
                        + fn.get().accepts().stream().map(Type::display).sorted().collect(Collectors.joining(" or "))
                        + ", not " + arg.get().display());
            }
        });
    }
}
