package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** {@code import "other.det"}: the lists and macros of another file become visible here. */
public record Import(Literal.Str path, SourceSpan span) implements Node {
}
