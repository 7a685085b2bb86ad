package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** An identifier as written (rule id, list, macro, tunable, event type, function). */
public record Name(String text, SourceSpan span) implements Node {
    @Override
    public String toString() {
        return text;
    }
}
