package io.dscover.collect.zeek;

import io.dscover.collect.CollectorOptions;
import java.util.Locale;

/**
 * The collector's settings ({@code --collector-option zeek.KEY=VALUE}).
 *
 * @param path         {@code zeek.path}: read every input as this log (for a stream without
 *                     {@code #path}/{@code _path} whose name says nothing), or {@code null}
 * @param maxLineBytes {@code zeek.max-line-bytes}: longer lines are rejected unread (default 1 MiB)
 * @param joinX509     {@code zeek.x509}: {@code auto} joins x509.log into ssl events, {@code off} does not
 * @param x509Capacity {@code zeek.x509-max}: certificates indexed per folder at most (default 100,000)
 */
record ZeekOptions(String path, int maxLineBytes, boolean joinX509, int x509Capacity) {

    static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    static final int DEFAULT_X509_CAPACITY = 100_000;

    static ZeekOptions defaults() {
        return new ZeekOptions(null, DEFAULT_MAX_LINE_BYTES, true, DEFAULT_X509_CAPACITY);
    }

    /** @throws IllegalArgumentException naming the option when a value is invalid */
    static ZeekOptions from(CollectorOptions o) {
        String path = o.get("zeek.path");
        if (path != null && !LogPaths.isLogName(path)) {
            throw new IllegalArgumentException("option zeek.path: not a log name: " + path);
        }
        long max = o.integer("zeek.max-line-bytes", DEFAULT_MAX_LINE_BYTES);
        if (max < 1024 || max > (1L << 30)) {
            throw new IllegalArgumentException("option zeek.max-line-bytes: must be 1024..1073741824: " + max);
        }
        String x509 = o.get("zeek.x509", "auto").toLowerCase(Locale.ROOT);
        if (!x509.equals("auto") && !x509.equals("off")) {
            throw new IllegalArgumentException("option zeek.x509: auto or off, not " + x509);
        }
        long capacity = o.integer("zeek.x509-max", DEFAULT_X509_CAPACITY);
        if (capacity < 0 || capacity > 10_000_000) {
            throw new IllegalArgumentException("option zeek.x509-max: must be 0..10000000: " + capacity);
        }
        return new ZeekOptions(path, (int) max, x509.equals("auto"), (int) capacity);
    }
}
