package io.dscover.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
    // the subcommand, which would otherwise undo "dscover --quiet attack list". One mixin per option:
    // the JVM lists a class's methods in no fixed order, but fields in the order written, and commands
    // that do not sort their options show them in that order (docs/cli.md must not change between runs).
    @Mixin
    QuietOption quietOption = new QuietOption();
    @Mixin
    NoColorOption noColorOption = new NoColorOption();

    final class QuietOption {
        @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
                description = "Print no summaries, ledgers or progress on stderr (errors still are).")
        void quiet(boolean on) {
            quiet |= on;
        }
    }

    final class NoColorOption {
        @Option(names = "--no-color", scope = ScopeType.INHERIT,
                description = "No ANSI colours, even on a terminal (the NO_COLOR environment variable does the same).")
        void noColor(boolean on) {
            noColor |= on;
        }
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
