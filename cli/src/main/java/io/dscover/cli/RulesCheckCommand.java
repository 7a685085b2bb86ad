package io.dscover.cli;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.diagnostic.JsonRenderer;
import io.dscover.dsl.diagnostic.SarifRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dscover rules check [PATHS]}: every diagnostic of the rules, compiler style (or JSON/SARIF). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Parse and validate rules against the event schema and the ATT&CK model; print every problem.",
            "Exit 1 when there are errors (with --strict, also warnings)."})
final class RulesCheckCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Mixin
    RuleSetMixin rules;

    @Mixin
    AttackCatalogOption attack;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default; on stderr), json or sarif (on stdout).")
    Format format = Format.text;


    @Override
    public Integer call() {
        CompileResult result = rules.options.check(attack.catalog());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        switch (format) {
            case text -> DiagnosticsPrinter.print(err, result, GlobalOptions.of(spec).color());
            case json -> {
                out.print(JsonRenderer.render(result.diagnostics()));
                err.println(DiagnosticsPrinter.summary(result));
            }
            case sarif -> {
                out.print(SarifRenderer.render(result.diagnostics(), version()));
                err.println(DiagnosticsPrinter.summary(result));
            }
        }
        out.flush();
        err.flush();
        return result.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static String version() {
        String v = Dscover.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
