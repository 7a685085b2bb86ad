package io.dscover.model.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells which ATT&amp;CK release a bundle is when the bundle does not say. MITRE's STIX 2.0 bundles
 * ({@code mitre/cti}) carry no release number: {@code x_mitre_version} on an object is that object's
 * own version, and {@code x_mitre_attack_spec_version} the data-model version. What a release does
 * fix is time: every object of release R was modified on or before R's publication day, and some
 * object is usually modified shortly before it. So the release is the earliest one published on or
 * after the day of the bundle's newest {@code modified} timestamp, no earlier than what the content
 * implies (detection strategies exist from 18.0 on).
 */
final class AttackReleases {

    /** A release and its publication day ({@code YYYY-MM-DD}). */
    record Release(String version, String date) {
    }

    /** The inferred release and a sentence on how it was found. */
    record Inference(String version, String basis) {
    }

    private static final List<Release> RELEASES = load();

    private AttackReleases() {
    }

    static List<Release> all() {
        return RELEASES;
    }

    /**
     * Infers the release from the newest modification day ({@code YYYY-MM-DD}, or {@code null} when no
     * object has one) and the earliest release the content can be from ({@code null} for no bound).
     */
    static Inference infer(String newestModifiedDay, String atLeast) {
        if (newestModifiedDay == null) {
            return atLeast == null
                    ? new Inference("unknown", "no object has a modified timestamp")
                    : new Inference(atLeast, "no object has a modified timestamp; the content needs at least " + atLeast);
        }
        Release last = RELEASES.get(RELEASES.size() - 1);
        if (newestModifiedDay.compareTo(last.date()) > 0) {
            return new Inference("newer than " + last.version(), "objects modified up to " + newestModifiedDay
                    + ", after the newest release dscover knows (" + last.version() + ", " + last.date() + ")");
        }
        for (Release r : RELEASES) {
            if (r.date().compareTo(newestModifiedDay) >= 0) {
                if (atLeast != null && compareVersions(r.version(), atLeast) < 0) {
                    return new Inference(atLeast, "objects modified up to " + newestModifiedDay
                            + ", but the content needs at least " + atLeast);
                }
                return new Inference(r.version(), "newest object modified " + newestModifiedDay
                        + "; ATT&CK " + r.version() + " was published " + r.date());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Compares {@code major.minor} version texts numerically. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static List<Release> load() {
        List<Release> out = new ArrayList<>();
        try (InputStream in = AttackReleases.class.getResourceAsStream("attack-releases.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource attack-releases.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.add(new Release(f[0], f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
