package io.dscover.cli;

import picocli.CommandLine.ArgGroup;

/** Lets picocli inject the shared rule options into each rules subcommand. */
final class RuleSetMixin {
    @ArgGroup(exclusive = false, heading = "Rules:%n")
    RuleSetOptions options = new RuleSetOptions();
}
