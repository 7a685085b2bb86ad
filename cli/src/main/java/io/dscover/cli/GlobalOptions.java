package io.dscover.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command has ({@code dscover --quiet attack list} and {@code dscover attack list --quiet}
 * alike): quieter stderr and no ANSI colours. Their values live on the root command.
 */
final class GlobalOptions {

    boolean quiet;
    boolean noColor;

    // Setters that only ever switch on: picocli resets an inherited option to its default when it parses
    // the subcommand, which would otherwise undo "dscover --quiet attack list".
    // An explicit order: the JVM lists annotated methods in no fixed order, and commands that keep their
    // own option order (sortOptions = false) would otherwise print these two differently from run to run.
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 1000,
            description = "Print no summaries, ledgers or progress on stderr (errors still are).")
    void quiet(boolean on) {
        quiet |= on;
    }

    @Option(names = "--no-color", scope = ScopeType.INHERIT, order = 1001,
            description = "No ANSI colours, even on a terminal (the NO_COLOR environment variable does the same).")
    void noColor(boolean on) {
        noColor |= on;
    }

    /** The global options of the command line {@code spec} belongs to. */
    static GlobalOptions of(CommandSpec spec) {
        return ((Dscover) spec.root().userObject()).global;
    }

    /** Whether to colour output: a terminal, and neither --no-color nor NO_COLOR. */
    boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }
}
