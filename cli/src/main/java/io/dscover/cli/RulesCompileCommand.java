package io.dscover.cli;

import io.dscover.dsl.ast.AstJson;
import io.dscover.dsl.compile.CompileResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dscover rules compile [PATHS] --emit drl|ast [-o DIR]}: what the rules compile to. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile rules and print the Drools DRL they become (or their syntax tree as JSON).",
            "Diagnostics go to stderr; exit 1 when there are errors."})
final class RulesCompileCommand implements Callable<Integer> {

    enum Emit { drl, ast }

    @Spec
    CommandSpec spec;

    @Mixin
    RuleSetMixin rules;

    @Mixin
    AttackCatalogOption attack;

    @Option(names = "--emit", paramLabel = "WHAT", description = "drl (default) or ast.")
    Emit emit = Emit.drl;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write rules.drl (or rules.ast.json) into DIR instead of stdout.")
    Path output;


    @Override
    public Integer call() throws IOException {
        CompileResult result = rules.options.compile(attack.catalog());
        PrintWriter err = spec.commandLine().getErr();
        if (!result.diagnostics().isEmpty() || result.hasErrors()) {
            DiagnosticsPrinter.print(err, result, GlobalOptions.of(spec).color());
        }
        String text;
        String fileName;
        if (emit == Emit.ast) {
            text = AstJson.render(result.files());
            fileName = "rules.ast.json";
        } else {
            if (result.ruleSet().isEmpty()) {
                return ExitCodes.FINDINGS;
            }
            text = result.ruleSet().get().drl();
            fileName = "rules.drl";
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            Files.createDirectories(output);
            Path file = output.resolve(fileName);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            err.println("wrote " + file);
            err.flush();
        }
        return result.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
