package io.dscover.dsl.source;

/**
 * A stretch of rule text: 1-based line and column of its first character, and its length on that
 * line (for the caret underline). Offsets are character offsets into {@link RuleSource#text()}.
 */
public record SourceSpan(RuleSource source, int line, int column, int startOffset, int endOffset) {

    /** A span covering {@code [start, end)} of the source. */
    public static SourceSpan of(RuleSource source, int start, int end) {
        return new SourceSpan(source, source.lineOf(start), source.columnOf(start), start, Math.max(end, start));
    }

    /** From this span's start to the end of {@code other}. */
    public SourceSpan to(SourceSpan other) {
        return new SourceSpan(source, line, column, startOffset, Math.max(endOffset, other.endOffset));
    }

    /** The number of characters to underline on the first line (at least one). */
    public int underlineLength() {
        String l = source.line(line);
        int lineEnd = l.length() + 1;
        int len = Math.min(endOffset - startOffset, lineEnd - column);
        return Math.max(1, len);
    }

    /** The spanned text. */
    public String text() {
        return source.text().substring(startOffset, Math.min(endOffset, source.text().length()));
    }

    /** {@code file:line:column}. */
    public String location() {
        return source.name() + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location();
    }
}
