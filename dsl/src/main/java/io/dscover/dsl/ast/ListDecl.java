package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** {@code list NAME = [...]}: a named set of IPs/CIDRs, ports (and port ranges) or strings. */
public record ListDecl(Name name, Literal.ListLit items, SourceSpan span) implements Node {
}
