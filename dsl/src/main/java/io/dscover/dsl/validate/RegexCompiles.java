package io.dscover.dsl.validate;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.StringOp;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Typer;

/**
 * Every {@code matches} pattern compiles under RE2 syntax, the linear-time engine the runtime uses on
 * attacker-controlled text (no backreferences, no lookaround).
 */
final class RegexCompiles implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.StringMatch m && m.op() == StringOp.MATCHES) {
                Typer.constant(m.right(), s).ifPresent(lit -> {
                    if (lit instanceof Literal.Str str) {
                        try {
                            Pattern.compile(str.value());
                        } catch (PatternSyntaxException ex) {
                            out.error(code(), m.right().span(), "regex " + str.display() + " does not compile (RE2 syntax: "
                                    + "no backreferences or lookaround): " + ex.getDescription());
                        }
                    }
                });
            }
        });
    }
}
