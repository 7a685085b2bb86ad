package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;

/** A field value in a test event: a literal, a list, a range (repeated events), or {@code +5m} for {@code ts}. */
public sealed interface TestValue extends Node permits Literal, TestValue.RelativeTime {

    /** {@code ts: +5m}: this long after the previous event. */
    record RelativeTime(Literal offset, SourceSpan span) implements TestValue {
    }
}
