package io.dscover.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * Renders {@code docs/cli.md}: the usage help of every visible command and subcommand, recursively,
 * exactly as {@code --help} prints it (no colours, 100 columns).
 */
final class CliReference {

    static final int WIDTH = 100;

    private CliReference() {
    }

    static String markdown() {
        CommandLine root = Dscover.newCommandLine();
        StringBuilder sb = new StringBuilder();
        sb.append("# Command-line reference\n\n");
        sb.append("<!-- Generated from the commands' own --help by `./dscover docs cli > docs/cli.md`; do not edit by hand "
                + "(GeneratedDocsTest fails when this file is out of date). -->\n\n");
        sb.append("Every command prints this help with `--help`. Exit codes: 0 success, 1 findings or a threshold failed "
                + "(where asked), 2 usage error (including an unreadable `--attack-bundle`), 3 input errors beyond "
                + "tolerance. Machine output goes to stdout; summaries, ledgers and errors to stderr.\n");
        append(sb, root, "dscover");
        return sb.toString();
    }

    private static void append(StringBuilder sb, CommandLine cl, String qualifiedName) {
        cl.setUsageHelpWidth(WIDTH);
        cl.setUsageHelpAutoWidth(false);
        sb.append("\n## ").append(qualifiedName).append("\n\n```\n");
        sb.append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandLine sub = e.getValue();
            boolean alias = !e.getKey().equals(sub.getCommandName());
            if (alias || sub.getCommandSpec().usageMessage().hidden() || sub.getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            append(sb, sub, qualifiedName + " " + sub.getCommandName());
        }
    }
}
