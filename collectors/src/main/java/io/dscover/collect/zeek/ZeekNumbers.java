package io.dscover.collect.zeek;

/**
 * Zeek's numbers as written in its logs, parsed without allocation: counts, signed integers, and
 * seconds with a fraction ({@code time}, {@code interval}) into nanoseconds. {@link #ABSENT} marks
 * "not a number" so the hot path never boxes or throws.
 */
final class ZeekNumbers {

    /** Returned for text that is not a valid number of the asked kind. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Whole seconds that still fit in a long of nanoseconds. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    private ZeekNumbers() {
    }

    /** An unsigned decimal integer (Zeek {@code count}, {@code port}); ABSENT if empty, not digits, or over 2^63-1. */
    static long parseCount(byte[] b, int from, int to) {
        if (from >= to || to - from > 19) {
            return ABSENT;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return ABSENT;
            }
            v = v * 10 + d;
        }
        return v < 0 ? ABSENT : v; // 19 digits can wrap past 2^63, and only there
    }

    /** A signed decimal integer (Zeek {@code int}). */
    static long parseInt(byte[] b, int from, int to) {
        if (from < to && (b[from] == '-' || b[from] == '+')) {
            long v = parseCount(b, from + 1, to);
            return v == ABSENT ? ABSENT : b[from] == '-' ? -v : v;
        }
        return parseCount(b, from, to);
    }

    /**
     * Seconds with an optional fraction ({@code 1521911720.600843}, {@code -0.5}, {@code 3600.000000})
     * into exact nanoseconds; digits beyond the ninth are dropped. Exponent forms ({@code 1.5e+10},
     * which Zeek writes for values past 2^31) are read through a double.
     */
    static long parseSecondsNanos(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long secs = 0;
        int intDigits = 0;
        while (i < to) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            secs = secs * 10 + d;
            if (++intDigits > 18) {
                return ABSENT;
            }
            i++;
        }
        long frac = 0;
        int fracDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (fracDigits < 9) {
                    frac = frac * 10 + d;
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return ABSENT;
        }
        if (i < to) {
            if (b[i] == 'e' || b[i] == 'E') {
                return viaDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return ABSENT;
        }
        if (secs > MAX_SECONDS) {
            return ABSENT;
        }
        for (int k = Math.min(fracDigits, 9); k < 9; k++) {
            frac *= 10;
        }
        long nanos = secs * NANOS_PER_SECOND + frac;
        return negative ? -nanos : nanos;
    }

    /** {@link #parseSecondsNanos(byte[], int, int)} for text (JSON numbers and strings). */
    static long parseSecondsNanos(CharSequence text) {
        int n = text.length();
        if (n == 0 || n > 64) {
            return ABSENT;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return ABSENT;
            }
            b[i] = (byte) c;
        }
        return parseSecondsNanos(b, 0, n);
    }

    private static long viaDouble(String text) {
        try {
            return nanosFromSeconds(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return ABSENT;
        }
    }

    /**
     * A double of seconds (a JSON {@code time} or {@code interval}) rounded to microseconds exactly as
     * Zeek's ASCII writer rounds it when it prints six fraction digits ({@code modp_dtoa}: truncate
     * the scaled fraction, round up above one half, and at exactly one half round up when odd or
     * zero). The JSON writer prints the full double, the ASCII writer these six digits; rounding the
     * same way is what makes the two forms of one log yield identical events.
     */
    static long nanosFromSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > MAX_SECONDS) {
            return ABSENT;
        }
        boolean negative = seconds < 0;
        double value = negative ? -seconds : seconds;
        long whole = (long) value;
        double scaled = (value - whole) * 1e6;
        long frac = (long) scaled;
        double diff = scaled - frac;
        if (diff > 0.5 || (diff == 0.5 && (frac == 0 || (frac & 1) == 1))) {
            frac++;
            if (frac >= 1_000_000) {
                frac = 0;
                whole++;
            }
        }
        long nanos = whole * NANOS_PER_SECOND + frac * 1_000L;
        return negative ? -nanos : nanos;
    }

    /**
     * A JSON number of seconds into nanoseconds rounded to microseconds exactly as
     * {@link #nanosFromSeconds} rounds the double the text stands for, mostly without making that
     * double: up to six fraction digits the text is exact; past six, the rest of the digits decides
     * unless it lies within the double's own error of one half, when the double is made after all.
     */
    static long nanosFromDecimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && b[i] == '-') {
            negative = true;
            i++;
        }
        long whole = 0;
        int intDigits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            whole = whole * 10 + (b[i] - '0');
            if (++intDigits > 10) {
                return slowDecimal(b, from, to); // beyond 2^33 s the six-digit shortcut no longer holds
            }
            i++;
        }
        if (intDigits == 0) {
            return ABSENT;
        }
        long micros = 0;
        int fracDigits = 0;
        long rest = 0;
        int restDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                int d = b[i] - '0';
                if (fracDigits < 6) {
                    micros = micros * 10 + d;
                    fracDigits++;
                } else if (restDigits < 15) {
                    rest = rest * 10 + d;
                    restDigits++;
                }
                i++;
            }
        }
        if (i != to) {
            return slowDecimal(b, from, to); // an exponent
        }
        if (whole > (1L << 33)) {
            return slowDecimal(b, from, to);
        }
        for (int k = fracDigits; k < 6; k++) {
            micros *= 10;
        }
        if (restDigits > 0) {
            double f = rest / POWERS_OF_TEN[restDigits];
            double error = Math.ulp((double) (whole + 1)) * 1e6 + 1e-9;
            if (f > 0.5 + error) {
                micros++;
            } else if (f >= 0.5 - error) {
                return slowDecimal(b, from, to); // too close to one half to tell without the double
            }
        }
        long nanos = whole * NANOS_PER_SECOND + micros * 1_000L;
        return negative ? -nanos : nanos;
    }

    private static long slowDecimal(byte[] b, int from, int to) {
        try {
            return nanosFromSeconds(Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (NumberFormatException e) {
            return ABSENT;
        }
    }

    /** Rounds a {@code double} column value to the six fraction digits Zeek's ASCII writer keeps at most. */
    static double roundLikeZeek(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > 1e12) {
            return value;
        }
        return Math.round(value * 1e6) / 1e6;
    }
}
