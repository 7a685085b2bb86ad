package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** {@code tunable NAME = literal}: a value the rule uses and a user may override without editing the rule. */
public record TunableDecl(Name name, Literal value, SourceSpan span) implements Node {
}
