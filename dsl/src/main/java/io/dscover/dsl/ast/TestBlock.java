package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code test "name" expect [OP] N { events }} or {@code ... from "fixture"}. */
public record TestBlock(Literal.Str name, Expectation expect, Body body, SourceSpan span) implements Node {

    /** {@code expect 1}, {@code expect >= 2}. */
    public record Expectation(CompareOp op, long count, SourceSpan span) implements Node {
    }

    /** Where the test's events come from. */
    public sealed interface Body extends Node permits Events, Fixture {
    }

    /** Events written inline, in time order. */
    public record Events(List<Event> events, SourceSpan span) implements Body {
        public Events {
            events = List.copyOf(events);
        }
    }

    /** {@code from "path"}: a sample file, relative to the rule file. */
    public record Fixture(Literal.Str path, SourceSpan span) implements Body {
    }

    /** {@code flow [* N [every 1s]] { field: value, ... }}. */
    public record Event(Name type, Optional<Repeat> repeat, List<Field> fields, SourceSpan span) implements Node {
        public Event {
            fields = List.copyOf(fields);
        }
    }

    /** {@code * 120 every 1s}: the event written once, sent N times, each {@code every} later. */
    public record Repeat(long count, Optional<Literal> every, SourceSpan span) implements Node {
    }

    public record Field(FieldRef field, TestValue value, SourceSpan span) implements Node {
    }
}
