package io.dscover.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user names into inputs: files as given, folders walked in a stable (sorted) order. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Files as given; folders recursively, sorted by path, skipping hidden entries. {@code -} is standard input.
     *
     * @throws java.nio.file.NoSuchFileException when a named path does not exist
     */
    public static List<Input> expand(List<Path> paths) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (p.toString().equals("-")) {
                out.add(Input.ofStream("-", () -> System.in));
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !isHidden(p, f))
                            .sorted()
                            .forEach(f -> out.add(Input.of(f)));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(p)) {
                out.add(Input.of(p));
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return out;
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
