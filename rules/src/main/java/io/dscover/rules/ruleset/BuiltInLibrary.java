package io.dscover.rules.ruleset;

import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.RuleSources;
import io.dscover.model.attack.AttackCatalog;
import java.util.List;

/**
 * The built-in rule library ({@code rules/*.det} on this module's classpath), compiled the way every
 * command compiles it: against the embedded DS0029 model with default options, so the DRL is the one
 * {@link PrecompileBuiltIn} compiled at build time.
 */
public final class BuiltInLibrary {

    private BuiltInLibrary() {
    }

    /** The library's sources, sorted by name; empty when the rules are not on the classpath. */
    public static List<RuleSource> sources() {
        return RuleSources.builtIn(BuiltInLibrary.class.getClassLoader());
    }

    public static CompileResult compile() {
        return compile(CompileOptions.defaults());
    }

    public static CompileResult compile(CompileOptions options) {
        return DetectionCompiler.compile(sources(), AttackCatalog.embeddedDs0029(), options);
    }
}
