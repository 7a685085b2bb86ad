package io.dscover.cli;

import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.drl.DrlGenerator;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.RuleSources;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.rules.ruleset.BuiltInLibrary;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every rules command reads: rule paths (default: the built-in library), tunable overrides, strictness. */
final class RuleSetOptions {

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = ".det files or folders (searched for *.det). Default: the built-in rule library.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--tunable", paramLabel = "RULE.NAME=VALUE",
            description = "Override a rule's tunable, e.g. --tunable port_scan.ports=200 (repeatable).")
    Map<String, String> tunables = new LinkedHashMap<>();

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    /** The sources: the given paths, or the built-in library. */
    List<RuleSource> sources() {
        return paths.isEmpty() ? RuleFiles.builtIn() : RuleFiles.read(paths, "");
    }

    /** Compiles against {@code catalog}: technique IDs it does not know, or has retired, are diagnostics. */
    CompileResult compile(AttackCatalog catalog) {
        return DetectionCompiler.compile(sources(), catalog, options());
    }

    /** Diagnostics only: no DRL is generated. */
    CompileResult check(AttackCatalog catalog) {
        return DetectionCompiler.check(sources(), catalog, options());
    }

    private CompileOptions options() {
        return new CompileOptions(tunables, strict, DrlGenerator.DEFAULT_PACKAGE);
    }
}
