package io.dscover.cli;

import io.dscover.collect.CollectorOptions;
import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.rules.ruletest.JUnitXmlWriter;
import io.dscover.rules.ruletest.RuleTestOutcome;
import io.dscover.rules.ruletest.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dscover rules test [PATHS] [--junit FILE]}: every rule's test blocks through the real engine. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every rule's test blocks (inline events and from \"FILE\" fixtures) through the rules engine "
                + "and report each test: passed, failed (expected N alerts, got M, and which events matched the rule "
                + "but missed its threshold or window) or skipped.",
            "Exit 1 when a test fails, 2 when the rules have errors."})
final class RulesTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RuleSetMixin rules;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write the results as JUnit XML (one testsuite per rule): for CI, and for dscover coverage "
                    + "--test-results.")
    Path junit;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompileResult compiled = rules.options.compile();
        if (compiled.ruleSet().isEmpty()) {
            DiagnosticsPrinter.print(err, compiled, GlobalOptions.of(spec).color());
            throw new UserError(ExitCodes.USAGE, "the rules have errors (above); no test was run");
        }
        List<RuleTestOutcome> outcomes = new RuleTestRunner(compiled.ruleSet().get(),
                new CollectorFixtures(BuiltInCollectors.registry(), CollectorOptions.of(Map.of()))).runAll();
        for (RuleTestOutcome o : outcomes) {
            out.printf("%-4s  %s: %s  (%s)%n", switch (o.status()) {
                case PASSED -> "PASS";
                case FAILED -> "FAIL";
                case SKIPPED -> "SKIP";
            }, o.ruleId(), o.test(), o.location());
            if (!o.message().isEmpty()) {
                for (String line : o.message().split("\n")) {
                    out.println("      " + line);
                }
            }
        }
        long failed = outcomes.stream().filter(RuleTestOutcome::failed).count();
        long skipped = outcomes.stream().filter(o -> o.status() == RuleTestOutcome.Status.SKIPPED).count();
        long rulesWithout = compiled.ruleSet().get().rules().stream().filter(r -> r.tests().isEmpty()).count();
        out.printf("%d test%s: %d passed, %d failed, %d skipped%s%n", outcomes.size(), outcomes.size() == 1 ? "" : "s",
                outcomes.size() - failed - skipped, failed, skipped,
                rulesWithout == 0 ? "" : "; " + rulesWithout + (rulesWithout == 1 ? " rule has" : " rules have") + " no test");
        out.flush();
        if (junit != null) {
            try (Writer w = Files.newBufferedWriter(junit, StandardCharsets.UTF_8)) {
                JUnitXmlWriter.write(outcomes, w);
            } catch (IOException e) {
                throw new UserError(ExitCodes.INPUT, "cannot write " + junit + ": " + e.getMessage(), e);
            }
        }
        return failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
