package io.dscover.dsl.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of one {@code .det} file and where it came from. Identity is the display name plus the
 * origin, so the same file loaded twice (directly and through an {@code import}) is one source.
 *
 * <p>Sources from the file system resolve {@code import} and test-fixture paths against their
 * folder; classpath sources (the built-in library) against their resource folder.
 */
public final class RuleSource {

    /** Where the text lives; decides how relative paths resolve. */
    public sealed interface Origin permits FileOrigin, ClasspathOrigin, TextOrigin {
    }

    /** A file on disk. */
    public record FileOrigin(Path path) implements Origin {
    }

    /** A classpath resource such as {@code rules/network.det}. */
    public record ClasspathOrigin(String resource, ClassLoader loader) implements Origin {
    }

    /** Text given directly (tests, stdin); relative paths resolve against the working directory. */
    public record TextOrigin() implements Origin {
    }

    private final String name;
    private final String text;
    private final Origin origin;
    private volatile int[] lineStarts;

    private RuleSource(String name, String text, Origin origin) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Reads a file (UTF-8). The display name is the path as given. */
    public static RuleSource read(Path file) throws IOException {
        return new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8),
                new FileOrigin(file.toAbsolutePath().normalize()));
    }

    /** Reads a classpath resource, e.g. {@code rules/network.det}. */
    public static Optional<RuleSource> readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new RuleSource(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new ClasspathOrigin(resource, loader)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /** Rule text held in memory, shown as {@code name} in diagnostics. */
    public static RuleSource of(String name, String text) {
        return new RuleSource(name, text, new TextOrigin());
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public Origin origin() {
        return origin;
    }

    /**
     * Resolves a path written in this source ({@code import "x.det"}, {@code from "fixtures/a.jsonl"}):
     * relative to this file's folder, or to its resource folder for classpath sources.
     */
    public Location resolve(String relative) {
        if (origin instanceof FileOrigin f) {
            Path p = Path.of(relative);
            Path parent = f.path().toAbsolutePath().getParent();
            Path resolved = p.isAbsolute() || parent == null ? p : parent.resolve(p).normalize();
            Path named = Path.of(name).getParent();
            Path shown = p.isAbsolute() || named == null ? p : named.resolve(p).normalize();
            return new Location(shown.toString(), Optional.of(resolved), Optional.empty(), null);
        }
        if (origin instanceof ClasspathOrigin c) {
            int slash = c.resource().lastIndexOf('/');
            String base = slash < 0 ? "" : c.resource().substring(0, slash + 1);
            String res = normalizeResource(base + relative);
            return new Location(res, Optional.empty(), Optional.of(res), c.loader());
        }
        Path p = Path.of(relative).toAbsolutePath().normalize();
        return new Location(relative, Optional.of(p), Optional.empty(), null);
    }

    private static String normalizeResource(String path) {
        List<String> parts = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    /**
     * A path resolved against a source: a file, or a classpath resource.
     *
     * @param display  how to show it to a person
     * @param file     the file, when it is one
     * @param resource the classpath resource name, when it is one
     */
    public record Location(String display, Optional<Path> file, Optional<String> resource, ClassLoader loader) {

        public boolean exists() {
            if (file.isPresent()) {
                return Files.isRegularFile(file.get());
            }
            return resource.isPresent() && loader.getResource(resource.get()) != null;
        }

        /** Opens the content for reading. */
        public InputStream open() throws IOException {
            if (file.isPresent()) {
                return Files.newInputStream(file.get());
            }
            InputStream in = loader.getResourceAsStream(resource.orElseThrow());
            if (in == null) {
                throw new java.io.FileNotFoundException(display);
            }
            return in;
        }

        /** Reads it as a rule source. */
        public RuleSource readSource() throws IOException {
            if (file.isPresent()) {
                String text = Files.readString(file.get(), StandardCharsets.UTF_8);
                return new RuleSource(display, text, new FileOrigin(file.get().toAbsolutePath().normalize()));
            }
            return readResource(loader, resource.orElseThrow())
                    .orElseThrow(() -> new java.io.FileNotFoundException(display));
        }

        @Override
        public String toString() {
            return display;
        }
    }

    /** The text of a 1-based line, without its line terminator ("" past the end). */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int[] starts = lineStarts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        return offset - lineStarts()[lineOf(offset) - 1] + 1;
    }

    private int[] lineStarts() {
        int[] s = lineStarts;
        if (s == null) {
            List<Integer> l = new ArrayList<>();
            l.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    l.add(i + 1);
                }
            }
            s = l.stream().mapToInt(Integer::intValue).toArray();
            lineStarts = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSource r && r.name.equals(name) && r.origin.equals(origin);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + origin.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
