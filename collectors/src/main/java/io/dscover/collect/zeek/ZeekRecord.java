package io.dscover.collect.zeek;

import io.dscover.model.event.Timestamps;
import java.util.List;

/**
 * One row of a Zeek log, TSV or JSON, read by column index with Zeek's types. Accessors never throw
 * for bad data: a value that does not fit its type reads as absent and is remembered as a field
 * error, so a mapper fills what it can and the source reports the rest per line.
 *
 * <p>Numbers come back as primitives with {@link ZeekNumbers#ABSENT} for "no value" to keep the hot
 * path free of boxing. Both forms must give the same Java values for the same Zeek value; that is
 * what the TSV/JSON agreement test holds them to.
 */
abstract sealed class ZeekRecord permits TsvRecord, JsonRecord {

    static final long ABSENT = ZeekNumbers.ABSENT;
    /** A btest-masked time ({@code XXXXXXXXXX.XXXXXX}): present, but its value was removed. */
    static final long MASKED = Long.MIN_VALUE + 1;

    private static final int MAX_DETAIL = 60;

    private Columns columns;
    private int errors;
    private String firstError;

    final void reset(Columns columns) {
        this.columns = columns;
        this.errors = 0;
        this.firstError = null;
    }

    final Columns columns() {
        return columns;
    }

    /** Whether the row has a value in this column (the column exists and is not unset). */
    abstract boolean present(int col);

    /** Unescaped string value; {@code ""} for Zeek's empty field; {@code null} when absent. */
    abstract String string(int col);

    /** Like {@link #string} for short values that repeat (enum-like); may return a shared instance. */
    abstract String symbol(int col);

    /** A {@code count} (unsigned). */
    abstract long count(int col);

    /** An {@code int} (signed). */
    abstract long integer(int col);

    /** A {@code port}: 0..65535. */
    final long port(int col) {
        long p = portValue(col);
        if (p != ABSENT && (p < 0 || p > 65_535)) {
            error(col, "port out of range", Long.toString(p));
            return ABSENT;
        }
        return p;
    }

    abstract long portValue(int col);

    /** A {@code bool}: 1 true, 0 false, -1 absent. */
    abstract int bool(int col);

    /** A {@code time} in epoch nanoseconds; {@link #MASKED} for a btest-masked value. */
    abstract long time(int col);

    /** An {@code interval} in nanoseconds. */
    abstract long interval(int col);

    /** A {@code double}; NaN when absent. */
    abstract double real(int col);

    /** An {@code addr}; {@code null} when absent or not an address. */
    abstract Address address(int col);

    /** A set or vector of strings (unset elements left out); empty for Zeek's empty container; {@code null} when absent. */
    abstract List<String> strings(int col);

    /** A set or vector with elements of the given kind, converted as {@link #value} converts scalars. */
    abstract List<Object> list(int col, ZeekType.Kind element);

    /**
     * The value as an extra field: String, Long, Double, Boolean or a List of those; times as RFC 3339
     * text, intervals as nanoseconds, addresses canonical. {@code type} is the column's Zeek type, or
     * {@code null} when not known (JSON of an unknown log), in which case the value's own form decides.
     */
    abstract Object value(int col, ZeekType type);

    /** How many columns {@link #columnAt} enumerates: the row's columns in the order the row wrote them. */
    abstract int columnCount();

    /** The {@code i}-th column of the row in written order (Zeek's field order in both forms). */
    abstract int columnAt(int i);

    /** The raw text of a column for messages (abbreviated), or {@code "-"}. */
    abstract String raw(int col);

    // --- field errors

    final void error(int col, String what, String value) {
        errors++;
        if (firstError == null) {
            String name = col >= 0 && col < columns.size() ? columns.name(col) : "#" + col;
            firstError = name + ": " + what + " '" + abbreviate(value) + "'";
        }
    }

    /** Field errors in this row. */
    final int errorCount() {
        return errors;
    }

    /** The first field error, e.g. {@code id.orig_p: not a port 'http'}. */
    final String firstError() {
        return firstError;
    }

    static String abbreviate(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 3) + "...";
    }

    /** Scalar conversion shared by both forms once the value is decoded to text (the slow, general path). */
    final Object scalarFromText(int col, ZeekType.Kind kind, String text) {
        switch (kind) {
            case STRING, ENUM -> {
                return text;
            }
            case COUNT, PORT -> {
                long v = ZeekNumbers.parseCount(ascii(text), 0, text.length());
                if (v == ABSENT) {
                    error(col, "not a " + kind.name().toLowerCase(java.util.Locale.ROOT), text);
                    return null;
                }
                return v;
            }
            case INT -> {
                long v = ZeekNumbers.parseInt(ascii(text), 0, text.length());
                if (v == ABSENT) {
                    error(col, "not an int", text);
                    return null;
                }
                return v;
            }
            case BOOL -> {
                return switch (text) {
                    case "T", "1", "true" -> Boolean.TRUE;
                    case "F", "0", "false" -> Boolean.FALSE;
                    default -> {
                        error(col, "not a bool", text);
                        yield null;
                    }
                };
            }
            case DOUBLE -> {
                try {
                    return ZeekNumbers.roundLikeZeek(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    error(col, "not a double", text);
                    return null;
                }
            }
            case TIME -> {
                long t = parseTimeText(text);
                if (t == ABSENT) {
                    error(col, "not a time", text);
                    return null;
                }
                return t == MASKED ? text : Timestamps.format(t, 6);
            }
            case INTERVAL -> {
                long v = ZeekNumbers.parseSecondsNanos(text);
                if (v == ABSENT) {
                    error(col, "not an interval", text);
                    return null;
                }
                return v;
            }
            case ADDR -> {
                Address a = addressCache().lookup(text);
                if (a == null) {
                    error(col, "not an address", text);
                    return null;
                }
                return a.text();
            }
            case SUBNET -> {
                int slash = text.indexOf('/');
                Address a = slash > 0 ? addressCache().lookup(text.substring(0, slash)) : null;
                long width = slash > 0 ? ZeekNumbers.parseCount(ascii(text), slash + 1, text.length()) : ABSENT;
                if (a == null || width == ABSENT || width > (a.isV6() ? 128 : 32)) {
                    error(col, "not a subnet", text);
                    return null;
                }
                return a.text() + "/" + width;
            }
            default -> {
                return text;
            }
        }
    }

    /** Epoch seconds or RFC 3339 text into nanoseconds; {@link #MASKED} for btest's X-mask; ABSENT if neither. */
    static long parseTimeText(String text) {
        if (isMasked(text)) {
            return MASKED;
        }
        long v = ZeekNumbers.parseSecondsNanos(text);
        if (v != ABSENT) {
            return v;
        }
        try {
            return Timestamps.parse(text).epochNanos();
        } catch (IllegalArgumentException e) {
            return ABSENT;
        }
    }

    /** btest's canonifier replaces the digits of the first timestamp on each line with X. */
    static boolean isMasked(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            return false;
        }
        boolean sawX = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 'X') {
                sawX = true;
            } else if (c != '.') {
                return false;
            }
        }
        return sawX;
    }

    abstract AddressCache addressCache();

    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = c > 0x7f ? (byte) '?' : (byte) c;
        }
        return b;
    }
}
