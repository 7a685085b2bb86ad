package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.Optional;

/** {@code match EVENT [where EXPR]}: which events the rule looks at. */
public record MatchClause(Name event, Optional<Expr> where, SourceSpan span) implements Node {
}
