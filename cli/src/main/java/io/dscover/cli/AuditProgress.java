package io.dscover.cli;

import java.io.PrintWriter;

/**
 * The audit's progress line on stderr ({@code files 120/3000  41% of 2.1 GB  8.4 M records  910 k/s}),
 * redrawn at most four times a second, only when asked or when stderr is a terminal.
 */
final class AuditProgress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final int files;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int filesDone;
    private long bytesDone;
    private long records;
    private boolean drawn;

    AuditProgress(PrintWriter err, boolean enabled, int files, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.files = files;
        this.totalBytes = totalBytes;
    }

    /** Counts a record; cheap enough to call per event. */
    void record() {
        records++;
        if (enabled && (records & 0xfff) == 0) {
            maybeDraw();
        }
    }

    void fileDone(long bytes) {
        filesDone++;
        bytesDone += bytes;
        if (enabled) {
            maybeDraw();
        }
    }

    private void maybeDraw() {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String pct = totalBytes > 0 ? String.format("  %3d%% of %s", (int) (100 * bytesDone / totalBytes), size(totalBytes))
                : "";
        err.printf("\r  files %,d/%,d%s  %s records  %s/s   ", filesDone, files, pct, count(records),
                count((long) (records / seconds)));
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }

    private static String count(long n) {
        if (n >= 1_000_000) {
            return String.format("%.1f M", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format("%d k", n / 1000);
        }
        return String.valueOf(n);
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format("%.1f MB", bytes / (double) (1L << 20));
    }
}
