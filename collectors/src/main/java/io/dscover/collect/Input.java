package io.dscover.collect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * One input: a file or standard input. {@link #open()} returns the content decompressed when it
 * is gzip'd (detected by magic number, not by name).
 */
public final class Input {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final String displayName;
    private final Path path;
    private final Supplier<InputStream> stdin;

    private Input(String displayName, Path path, Supplier<InputStream> stdin) {
        this.displayName = displayName;
        this.path = path;
        this.stdin = stdin;
    }

    public static Input of(Path path) {
        return new Input(path.toString(), path, null);
    }

    /** Standard input (or any one-shot stream); it can be opened once. */
    public static Input ofStream(String displayName, Supplier<InputStream> stream) {
        return new Input(displayName, null, Objects.requireNonNull(stream));
    }

    /** The name used in ledgers and diagnostics: the path as given, or {@code -} for stdin. */
    public String displayName() {
        return displayName;
    }

    /** The file, or {@code null} for a stream. */
    public Path path() {
        return path;
    }

    /** The file name without a {@code .gz} suffix, e.g. {@code conn.log}, for format hints. */
    public String baseName() {
        String name = path == null ? displayName : path.getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /** The raw bytes, compressed or not. */
    public InputStream openRaw() throws IOException {
        return path != null ? Files.newInputStream(path) : stdin.get();
    }

    /** The content, gunzipped when it starts with the gzip magic number (multi-member files included). */
    public InputStream open() throws IOException {
        return decompressIfGzip(new BufferedInputStream(openRaw(), 1 << 16));
    }

    static InputStream decompressIfGzip(InputStream in) throws IOException {
        PushbackInputStream pb = new PushbackInputStream(in, 2);
        int b1 = pb.read();
        int b2 = b1 < 0 ? -1 : pb.read();
        if (b2 >= 0) {
            pb.unread(b2);
        }
        if (b1 >= 0) {
            pb.unread(b1);
        }
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(pb, 1 << 16), 1 << 16);
        }
        return pb;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
