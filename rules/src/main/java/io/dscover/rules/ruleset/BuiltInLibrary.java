package io.dscover.rules.ruleset;

import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.RuleSources;
import io.dscover.model.attack.AttackCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in rule library ({@code rules/*.det} on this module's classpath), compiled the way every
 * command compiles it: against the embedded DS0029 model with default options, so the DRL is the one
 * {@link PrecompileBuiltIn} compiled at build time.
 */
public final class BuiltInLibrary {

    private BuiltInLibrary() {
    }

    /** Lists the library's resources inside a jar, written at build time by {@link PrecompileBuiltIn}. */
    static final String INDEX = "META-INF/dscover/built-in-rules.index";

    /** The library's sources, sorted by name; empty when the rules are not on the classpath. */
    public static List<RuleSource> sources() {
        ClassLoader loader = BuiltInLibrary.class.getClassLoader();
        URL folder = loader.getResource(RuleSources.BUILT_IN_FOLDER);
        if (folder != null && folder.getProtocol().equals("jar")) {
            // listing a folder of a jar opens the whole jar as a file system: a third of a second of a
            // start-up the command line wants under three; the index says the same in a few bytes
            List<RuleSource> indexed = indexed(loader);
            if (!indexed.isEmpty()) {
                return indexed;
            }
        }
        return RuleSources.builtIn(loader);
    }

    private static List<RuleSource> indexed(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            List<RuleSource> out = new ArrayList<>();
            for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!name.isBlank()) {
                    Optional<RuleSource> source = RuleSource.readResource(loader, name.strip());
                    if (source.isEmpty()) {
                        return List.of(); // a stale index: list the folder instead
                    }
                    out.add(source.get());
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Writes the index of the library's resources into a classes folder (build time). */
    static void writeIndex(Path classesDir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (RuleSource s : RuleSources.builtIn(BuiltInLibrary.class.getClassLoader())) {
            sb.append(s.name()).append('\n');
        }
        Path index = classesDir.resolve(INDEX);
        Files.createDirectories(index.getParent());
        Files.writeString(index, sb);
    }

    public static CompileResult compile() {
        return compile(CompileOptions.defaults());
    }

    public static CompileResult compile(CompileOptions options) {
        return DetectionCompiler.compile(sources(), AttackCatalog.embeddedDs0029(), options);
    }
}
