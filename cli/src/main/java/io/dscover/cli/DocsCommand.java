package io.dscover.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dscover docs cli|events}: regenerates the generated pages of {@code docs/} (hidden; for maintainers). */
@Command(name = "docs", hidden = true, mixinStandardHelpOptions = true,
        description = "Print a generated documentation page: cli (docs/cli.md) or events (docs/events.md).")
final class DocsCommand implements Callable<Integer> {

    enum Page { cli, events }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PAGE", description = "cli or events.")
    Page page;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (page) {
            case cli -> CliReference.markdown();
            case events -> SchemaReference.markdown();
        });
        out.flush();
        return ExitCodes.OK;
    }
}
