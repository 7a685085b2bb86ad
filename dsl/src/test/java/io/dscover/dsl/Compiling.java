package io.dscover.dsl;

import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.diagnostic.Diagnostic;
import io.dscover.dsl.diagnostic.TextRenderer;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test shortcuts for compiling rule text. */
public final class Compiling {

    private Compiling() {
    }

    public static final Path TEST_RULES = Path.of("dsl/src/test/resources/det");

    public static CompileResult text(String det) {
        return DetectionCompiler.compile(List.of(RuleSource.of("test.det", det)), AttackCatalog.embeddedDs0029(),
                CompileOptions.defaults());
    }

    public static CompileResult text(String det, Map<String, String> overrides) {
        return DetectionCompiler.compile(List.of(RuleSource.of("test.det", det)), AttackCatalog.embeddedDs0029(),
                CompileOptions.defaults().withTunableOverrides(overrides));
    }

    public static CompileResult file(String name) {
        try {
            return DetectionCompiler.compile(List.of(RuleSource.read(TEST_RULES.resolve(name))),
                    AttackCatalog.embeddedDs0029(), CompileOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Diagnostics as compiler text, for assertion messages. */
    public static String show(CompileResult r) {
        return new TextRenderer(false).render(r.diagnostics());
    }

    public static List<String> headlines(CompileResult r) {
        return r.diagnostics().stream().map(Diagnostic::headline).toList();
    }
}
