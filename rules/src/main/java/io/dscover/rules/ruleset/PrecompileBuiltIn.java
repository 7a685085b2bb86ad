package io.dscover.rules.ruleset;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.rules.engine.Engine;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step ({@code process-classes}, see the module's pom): compiles the built-in library to a kjar
 * inside the classes folder (with an index of the library's files), so {@code dscover detect} with the built-in rules starts without a
 * Drools build (seconds) or a warm cache. A library with errors fails the build here.
 */
public final class PrecompileBuiltIn {

    private PrecompileBuiltIn() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecompileBuiltIn CLASSES_DIR");
        }
        CompileResult result = BuiltInLibrary.compile();
        if (result.ruleSet().isEmpty()) {
            result.diagnostics().forEach(d -> System.err.println(d));
            throw new IllegalStateException("the built-in rule library does not compile (above)");
        }
        CompiledRuleSet set = result.ruleSet().get();
        BuiltInLibrary.writeIndex(Path.of(args[0]));
        long start = System.nanoTime();
        Path written = Engine.precompile(List.of(set.drl()), Path.of(args[0]));
        System.out.printf("dscover: precompiled %d built-in rules into %s in %d ms%n", set.enabledRules().size(),
                written, (System.nanoTime() - start) / 1_000_000);
    }
}
