package io.dscover.cli;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.diagnostic.TextRenderer;
import java.io.PrintWriter;

/** Prints a compile's diagnostics compiler-style and a one-line summary, on stderr. */
final class DiagnosticsPrinter {

    private DiagnosticsPrinter() {
    }

    static void print(PrintWriter err, CompileResult result, boolean color) {
        err.print(new TextRenderer(color).render(result.diagnostics()));
        err.println(summary(result));
        err.flush();
    }

    static String summary(CompileResult result) {
        long rules = result.files().stream().mapToLong(f -> f.rules().size()).sum();
        int files = result.files().size();
        return rules + (rules == 1 ? " rule" : " rules") + " in " + files + (files == 1 ? " file" : " files") + ": "
                + count(result.errorCount(), "error") + ", " + count(result.warningCount(), "warning");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
