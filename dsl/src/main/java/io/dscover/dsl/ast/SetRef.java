package io.dscover.dsl.ast;

/** The right side of {@code in}: a list literal, or the name of a list or list tunable. */
public sealed interface SetRef extends Node permits Literal.ListLit, Term.Ref {
}
