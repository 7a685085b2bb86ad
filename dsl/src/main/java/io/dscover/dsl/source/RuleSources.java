package io.dscover.dsl.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finds {@code .det} sources: files, folders (walked, sorted by path) and classpath folders. */
public final class RuleSources {

    /** The classpath folder of the built-in library (rules module: {@code src/main/resources/rules}). */
    public static final String BUILT_IN_FOLDER = "rules";

    private RuleSources() {
    }

    /**
     * Reads every path: a file as given (any extension), a folder as all {@code *.det} files beneath it,
     * in path order so results are reproducible.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<RuleSource> read(List<Path> paths) throws IOException {
        List<RuleSource> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".det"))
                            .sorted().toList();
                }
                for (Path f : files) {
                    out.add(RuleSource.read(f));
                }
            } else if (Files.exists(p)) {
                out.add(RuleSource.read(p));
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        return out;
    }

    /** The built-in rule library: every {@code rules/*.det} resource the class loader sees, sorted by name. */
    public static List<RuleSource> builtIn(ClassLoader loader) {
        return classpathFolder(loader, BUILT_IN_FOLDER);
    }

    /**
     * Every {@code *.det} resource directly or indirectly under a classpath folder, from directories and
     * jars alike, sorted by resource name.
     */
    public static List<RuleSource> classpathFolder(ClassLoader loader, String folder) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                collect(url, folder, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classpath folder " + folder, e);
        }
        List<RuleSource> out = new ArrayList<>();
        for (String name : names) {
            RuleSource.readResource(loader, name).ifPresent(out::add);
        }
        return out;
    }

    private static void collect(URL url, String folder, TreeSet<String> names) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            return;
        }
        if (uri.getScheme().equals("file")) {
            walk(Path.of(uri), folder, names);
        } else if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            boolean close = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                close = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                walk(fs.getPath(folder), folder, names);
            } finally {
                if (close) {
                    fs.close();
                }
            }
        }
    }

    private static void walk(Path root, String folder, TreeSet<String> names) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".det"))
                    .forEach(f -> {
                        StringBuilder rel = new StringBuilder(folder);
                        for (Path seg : root.relativize(f)) {
                            rel.append('/').append(seg);
                        }
                        names.add(rel.toString());
                    });
        }
    }
}
