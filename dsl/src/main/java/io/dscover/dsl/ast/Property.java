package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;

/**
 * A header entry such as {@code title: "..."} or {@code techniques: [T1046, T1595.001]}.
 *
 * @param list whether the value was written as a list ({@code [...]})
 */
public record Property(Name key, List<Scalar> values, boolean list, SourceSpan span) implements Node {

    public Property {
        values = List.copyOf(values);
    }

    /** One value of a header entry, as written. */
    public record Scalar(Kind kind, String text, SourceSpan span) implements Node {
    }

    /** The lexical kind of a header value. */
    public enum Kind { STRING, WORD, TECHNIQUE, NUMBER, BOOL }
}
