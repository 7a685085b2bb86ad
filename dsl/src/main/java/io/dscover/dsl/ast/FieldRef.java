package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** A field by its dotted schema name, e.g. {@code destination.port}. */
public record FieldRef(String name, SourceSpan span) implements Term {
}
