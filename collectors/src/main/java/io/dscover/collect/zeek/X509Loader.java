package io.dscover.collect.zeek;

import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and reads the x509 logs that belong to an ssl log: the run's other inputs and the files in
 * the ssl log's folder named {@code x509*.log[.gz]} or {@code x509*.json[.gz]}, those of the same
 * rotation first. Their problems are not this input's: each x509 log is counted in its own ledger
 * when the run reads it as an input.
 */
final class X509Loader {

    private X509Loader() {
    }

    /** The x509 inputs for an ssl input, best match first. */
    static List<Input> candidates(Input ssl, List<Input> siblings) {
        Path dir = ssl.path() == null ? null : parent(ssl.path());
        Map<Path, Input> found = new LinkedHashMap<>();
        for (Input s : siblings) {
            if (s.path() != null && isX509(s.path()) && (dir == null || dir.equals(parent(s.path())))) {
                found.put(s.path().toAbsolutePath().normalize(), s);
            }
        }
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(X509Loader::isX509).filter(Files::isRegularFile)
                        .forEach(p -> found.putIfAbsent(p.toAbsolutePath().normalize(), Input.of(p)));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder only means no certificates to join
            }
        }
        String rotation = LogPaths.rotation(ssl.baseName());
        List<Input> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing((Input i) -> !LogPaths.rotation(i.baseName()).equals(rotation))
                .thenComparing(Input::displayName));
        return out;
    }

    private static Path parent(Path p) {
        Path parent = p.toAbsolutePath().normalize().getParent();
        return parent == null ? p.toAbsolutePath() : parent;
    }

    private static boolean isX509(Path p) {
        String name = p.getFileName().toString();
        return "x509".equals(LogPaths.fromFileName(name))
                && (name.endsWith(".log") || name.endsWith(".log.gz") || name.endsWith(".json") || name.endsWith(".json.gz"));
    }

    /** Reads the certificates of {@code inputs} into an index of at most {@code capacity} entries. */
    static X509Index load(List<Input> inputs, int capacity) {
        X509Index index = new X509Index(capacity);
        ZeekOptions options = new ZeekOptions("x509", ZeekOptions.DEFAULT_MAX_LINE_BYTES, false, 0);
        for (Input input : inputs) {
            InputLedger scratch = new InputLedger(input.displayName());
            try (ZeekLogSource source = new ZeekLogSource(input.open(), scratch, input.baseName(), options,
                    X509Index::empty)) {
                source.readAll(e -> add(index, e));
            } catch (IOException e) {
                // an unreadable x509 log is reported when the run reads it as an input
            }
        }
        return index;
    }

    private static void add(X509Index index, NetworkEvent e) {
        Map<String, Object> x = e.extra();
        String fingerprint = text(x.get("zeek.fingerprint"));
        String fileId = text(x.get("zeek.id"));
        if (fingerprint == null && fileId == null) {
            return;
        }
        List<String> sans = null;
        if (x.get("zeek.san.dns") instanceof List<?> l) {
            sans = new ArrayList<>(l.size());
            for (Object o : l) {
                sans.add(String.valueOf(o));
            }
        }
        index.add(fileId, new X509Index.Certificate(fingerprint, text(x.get("zeek.certificate.subject")),
                text(x.get("zeek.certificate.issuer")), time(x.get("zeek.certificate.not_valid_before")),
                time(x.get("zeek.certificate.not_valid_after")), sans));
    }

    private static String text(Object o) {
        return o instanceof String s ? s : null;
    }

    private static long time(Object o) {
        if (o instanceof String s) {
            try {
                return Timestamps.parse(s).epochNanos();
            } catch (IllegalArgumentException e) {
                return ZeekNumbers.ABSENT;
            }
        }
        return ZeekNumbers.ABSENT;
    }
}
