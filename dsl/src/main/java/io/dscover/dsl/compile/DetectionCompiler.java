package io.dscover.dsl.compile;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.diagnostic.Diagnostic;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.drl.DrlGenerator;
import io.dscover.dsl.resolve.Overrides;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.validate.Validators;
import io.dscover.model.attack.AttackCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles detection rules: {@code .det} sources in; every diagnostic and, when there is no error, a
 * {@link CompiledRuleSet} (DRL plus a {@link RuleSpec} per rule) out. Never throws on bad rule text.
 *
 * <pre>{@code
 * CompileResult r = DetectionCompiler.compile(RuleSources.builtIn(loader), AttackCatalog.embeddedDs0029(),
 *         CompileOptions.defaults().withTunableOverrides(Map.of("port_scan.ports", "200")));
 * r.diagnostics().forEach(System.err::println);
 * r.ruleSet().ifPresent(set -> engine.load(set.drl(), set.rules()));
 * }</pre>
 *
 * Stateless and thread-safe; any {@link AttackCatalog} (the embedded DS0029 model or a loaded MITRE
 * release) decides which technique IDs exist and which components detect them.
 */
public final class DetectionCompiler {

    private DetectionCompiler() {
    }

    public static CompileResult compile(List<RuleSource> sources, AttackCatalog catalog, CompileOptions options) {
        return run(sources, catalog, options, true);
    }

    /**
     * Parses and validates only ({@code dscover rules check}): the same diagnostics as {@link #compile},
     * but no DRL and no rule set (the result's {@code ruleSet()} is always empty).
     */
    public static CompileResult check(List<RuleSource> sources, AttackCatalog catalog, CompileOptions options) {
        return run(sources, catalog, options, false);
    }

    private static CompileResult run(List<RuleSource> sources, AttackCatalog catalog, CompileOptions options,
            boolean generate) {
        Diagnostics diagnostics = new Diagnostics();
        SourceLoader loaded = new SourceLoader(sources, diagnostics);
        Overrides overrides = TunableOverrides.parse(options.tunableOverrides(), loaded.compiled, diagnostics);
        Program program = new Program(loaded.compiled, loaded.files, loaded.imports, catalog, overrides);
        Validators.run(program, diagnostics);
        List<Diagnostic> sorted = diagnostics.sorted();
        if (options.strict()) {
            sorted = sorted.stream().map(Diagnostic::asError).toList();
        }
        List<DetFile> files = loaded.compiled;
        if (!generate || sorted.stream().anyMatch(Diagnostic::isError)) {
            return new CompileResult(sorted, Optional.empty(), files);
        }
        List<RuleScope> rules = program.rules();
        List<RuleScope> enabled = new ArrayList<>();
        for (RuleScope r : rules) {
            if (!r.rule().property("enabled").map(p -> p.values().get(0).text().equals("false")).orElse(false)) {
                enabled.add(r);
            }
        }
        DrlGenerator.Output drl = new DrlGenerator(options.drlPackage()).generate(enabled);
        List<RuleSpec> specs = new ArrayList<>();
        for (RuleScope r : rules) {
            DrlGenerator.Emitted e = drl.rules().get(r.rule().id().text());
            specs.add(SpecBuilder.build(r, e == null ? List.of() : e.drlRuleNames()));
        }
        return new CompileResult(sorted, Optional.of(new CompiledRuleSet(drl.drl(), options.drlPackage(), specs)), files);
    }
}
