package io.dscover.dsl.diagnostic;

import io.dscover.dsl.source.SourceSpan;
import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about rule text.
 *
 * @param severity error or warning
 * @param code     the check that found it, named after what it enforces (e.g. {@code KnownFields},
 *                 {@code Syntax}); stable, for filtering and SARIF rule ids
 * @param message  one sentence a person can act on
 * @param span     where; never null (whole-file problems point at the file's first character)
 */
public record Diagnostic(Severity severity, String code, String message, SourceSpan span) {

    /** File, then line, then column, then errors before warnings, then message: the order diagnostics print in. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.span().source().name())
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column())
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }

    public static Diagnostic error(String code, SourceSpan span, String message) {
        return new Diagnostic(Severity.ERROR, code, message, span);
    }

    public static Diagnostic warning(String code, SourceSpan span, String message) {
        return new Diagnostic(Severity.WARNING, code, message, span);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same finding as an error (for {@code --strict}). */
    public Diagnostic asError() {
        return severity == Severity.ERROR ? this : new Diagnostic(Severity.ERROR, code, message, span);
    }

    /** The first line of the compiler-style text form: {@code file:line:col: error: message}. */
    public String headline() {
        return span.location() + ": " + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return headline();
    }
}
