package io.dscover.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dscover} command: ATT&amp;CK DS0029 detection coverage from the command line. */
@Command(name = "dscover",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures and raises how well you detect the MITRE ATT&CK techniques visible in network traffic",
            "(data source DS0029: Network Connection Creation, Network Traffic Content, Network Traffic Flow)."},
        footer = {"", "Exit codes: 0 success, 1 findings or a threshold failed (where asked), 2 usage error,",
            "3 input errors beyond tolerance. Machine output goes to stdout, diagnostics and progress to stderr."},
        subcommands = {
            DemoCommand.class,
            AttackCommand.class,
            SchemaCommand.class,
            CollectCommand.class,
            DetectCommand.class,
            AuditCommand.class,
            DocsCommand.class,
            RulesCommand.class,
            CoverageCommand.class,
            CommandLine.HelpCommand.class,
            picocli.AutoComplete.GenerateCompletion.class,
        })
public final class Dscover implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Dscover());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(ex -> ex instanceof UserError u ? u.exitCode() : ExitCodes.INTERNAL);
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new UserError(ExitCodes.USAGE, "a command is needed, e.g. dscover demo");
    }
}
