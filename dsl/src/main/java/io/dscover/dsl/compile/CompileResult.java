package io.dscover.dsl.compile;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.diagnostic.Diagnostic;
import io.dscover.dsl.spec.CompiledRuleSet;
import java.util.List;
import java.util.Optional;

/**
 * What a compile produced.
 *
 * @param diagnostics every finding, sorted (file, line, column); under strict mode warnings are errors
 * @param ruleSet     present exactly when there are no errors (never after {@link DetectionCompiler#check})
 * @param files       the syntax trees of the compiled sources (for {@code --emit ast} and tools)
 */
public record CompileResult(List<Diagnostic> diagnostics, Optional<CompiledRuleSet> ruleSet, List<DetFile> files) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
