package io.dscover.cli;

import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.RuleSources;
import io.dscover.rules.ruleset.BuiltInLibrary;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The rule files a command reads, the built-in library or the user's paths, with the user-facing errors for both. */
final class RuleFiles {

    private RuleFiles() {
    }

    /** The built-in library, read through its index (listing the jar costs a third of a second of start-up). */
    static List<RuleSource> builtIn() {
        List<RuleSource> library = BuiltInLibrary.sources();
        if (library.isEmpty()) {
            throw new UserError(ExitCodes.INPUT, "the built-in rule library is missing from the classpath");
        }
        return library;
    }

    /** The .det files in {@code paths}; {@code option} (e.g. "--rules: ", or "") prefixes the errors. */
    static List<RuleSource> read(List<Path> paths, String option) {
        try {
            List<RuleSource> sources = RuleSources.read(paths);
            if (sources.isEmpty()) {
                throw new UserError(ExitCodes.USAGE, option + "no .det files in " + paths);
            }
            return sources;
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCodes.USAGE, option + "no such file or folder: " + e.getMessage());
        } catch (IOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot read rules: " + e.getMessage(), e);
        }
    }
}
