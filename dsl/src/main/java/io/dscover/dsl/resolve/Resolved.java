package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.ListDecl;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.model.event.FieldDef;

/** What a single-word name means in a rule. */
public sealed interface Resolved {

    /** A tunable, with the value in effect (the override, or the declared default). */
    record Tunable(TunableDecl decl, Literal value) implements Resolved {
    }

    record Macro(MacroDecl decl) implements Resolved {
    }

    record NamedList(ListDecl decl) implements Resolved {
    }

    /** A field with a one-word name ({@code ts}). */
    record Field(FieldDef field) implements Resolved {
    }

    record Unknown() implements Resolved {
    }
}
