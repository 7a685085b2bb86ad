package io.dscover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dscover attack list|show}: the DS0029 model of ATT&amp;CK, embedded or from a MITRE release. */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = "The ATT&CK techniques data source DS0029 (Network Traffic) detects: which of its three components "
                + "(connection, content, flow) detect each technique, with tactics and, for ATT&CK v18+ releases, "
                + "the detection strategies and analytics.",
        subcommands = {AttackListCommand.class, AttackShowCommand.class})
final class AttackCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UserError(ExitCodes.USAGE, "attack needs a subcommand: list or show");
    }
}
