package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** Anything in the tree: it knows where it was written. */
public interface Node {
    SourceSpan span();
}
