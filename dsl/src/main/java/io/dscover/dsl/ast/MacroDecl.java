package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** {@code macro NAME = EXPR}: a named condition, inlined wherever the name is used. */
public record MacroDecl(Name name, Expr body, SourceSpan span) implements Node {
}
