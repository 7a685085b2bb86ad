package io.dscover.dsl.diagnostic;

import io.dscover.dsl.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics from every stage. Identical findings (same place, same message; e.g. a macro
 * body checked once per rule that uses it) are kept once.
 */
public final class Diagnostics {

    private final Set<Diagnostic> all = new LinkedHashSet<>();

    public void add(Diagnostic d) {
        all.add(d);
    }

    public void error(String code, SourceSpan span, String message) {
        add(Diagnostic.error(code, span, message));
    }

    public void warning(String code, SourceSpan span, String message) {
        add(Diagnostic.warning(code, span, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    /** Errors reported since a mark (see {@link #size()}). */
    public boolean hasErrorsSince(int mark) {
        return all.stream().skip(mark).anyMatch(Diagnostic::isError);
    }

    public int size() {
        return all.size();
    }

    /** All findings in print order. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(all);
        out.sort(Diagnostic.ORDER);
        return out;
    }
}
