package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;

/** A value in a condition: a field, a name (tunable, list, macro), a function call or a literal. */
public sealed interface Term extends Node permits FieldRef, Term.Ref, Term.Call, Literal {

    /**
     * A single word where a value goes: a tunable, a list, a macro, or the field {@code ts}; the
     * resolver decides which.
     */
    record Ref(String name, SourceSpan span) implements Term, SetRef {
    }

    /** {@code len(dns.question.name)}. */
    record Call(Name function, List<Term> args, SourceSpan span) implements Term {
        public Call {
            args = List.copyOf(args);
        }
    }
}
