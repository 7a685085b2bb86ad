package io.dscover.coverage.gate;

import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.Level;
import java.util.Locale;

/**
 * {@code --fail-under PCT}: the share of entries at a level or better must reach PCT percent.
 *
 * @param passed  whether it did
 * @param percent the measured share, in percent
 * @param count   entries at the level or better
 * @param entries all entries
 * @param message one line stating the numbers, e.g. "coverage 3.1% (4 of 131 entries detected or better)
 *                is under --fail-under 50%"
 */
public record FailUnder(boolean passed, double percent, int count, int entries, String message) {

    public static FailUnder check(CoverageReport report, double threshold, Level level) {
        if (threshold < 0 || threshold > 100 || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("--fail-under takes a percentage from 0 to 100, not " + threshold);
        }
        int count = report.summary().atLeast(level);
        int entries = report.summary().entries();
        double percent = report.summary().percent(level);
        // compare the exact fraction, not the rounded percentage the message shows
        boolean passed = entries == 0 ? threshold <= 0 : count * 100.0 >= threshold * entries - 1e-9;
        String numbers = String.format(Locale.ROOT, "coverage %.1f%% (%d of %d DS0029 entries %s or better)",
                percent, count, entries, level.label());
        String message = passed
                ? numbers + " meets --fail-under " + format(threshold) + "%"
                : numbers + " is under --fail-under " + format(threshold) + "%";
        return new FailUnder(passed, percent, count, entries, message);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
