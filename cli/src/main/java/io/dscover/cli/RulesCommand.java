package io.dscover.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dscover rules check|compile|list|test}: the detection rules. A new subcommand
 * is one more entry in {@code subcommands}.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check, compile, list and test detection rules (.det files; default: the built-in library).",
        subcommands = {
            RulesCheckCommand.class,
            RulesCompileCommand.class,
            RulesListCommand.class,
            RulesTestCommand.class,
        })
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new UserError(ExitCodes.USAGE, "rules needs a subcommand: check, compile, list or test");
    }
}
