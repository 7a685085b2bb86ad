package io.dscover.model.event;

/**
 * RFC 3339 timestamps in nanoseconds since the epoch, formatted with a chosen number of fraction
 * digits. Hand-written rather than {@code java.time} formatting because collectors format and parse
 * millions of these per second and the JDK path allocates several objects per call.
 */
public final class Timestamps {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private Timestamps() {
    }

    /** A parsed time and how many fraction digits it was written with. */
    public record Parsed(long epochNanos, int precision) {
    }

    /** Formats as {@code 2025-02-01T08:00:00.123456Z} with {@code digits} (0..9) fraction digits, truncating. */
    public static String format(long epochNanos, int digits) {
        StringBuilder sb = new StringBuilder(32);
        appendTo(sb, epochNanos, digits);
        return sb.toString();
    }

    public static void appendTo(StringBuilder sb, long epochNanos, int digits) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        long secOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil-from-days (H. Hinnant's algorithm), proleptic Gregorian
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long year = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        if (month <= 2) {
            year++;
        }
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append('T');
        pad(sb, secOfDay / 3600, 2).append(':');
        pad(sb, (secOfDay / 60) % 60, 2).append(':');
        pad(sb, secOfDay % 60, 2);
        if (digits > 0) {
            sb.append('.');
            long frac = nanos;
            for (int i = 9; i > digits; i--) {
                frac /= 10;
            }
            pad(sb, frac, digits);
        }
        sb.append('Z');
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /**
     * Parses RFC 3339 / ISO 8601 date-times ({@code 2024-05-01T10:00:00Z}, {@code 2024-05-01 10:00:00.5+02:00},
     * a missing zone meaning UTC) and epoch seconds with an optional fraction ({@code 1521911720.600331}).
     *
     * @throws IllegalArgumentException with a reason when the text is neither
     */
    public static Parsed parse(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            throw new IllegalArgumentException("empty timestamp");
        }
        if (n > 64) {
            throw new IllegalArgumentException("timestamp too long");
        }
        if (looksLikeEpoch(text)) {
            return parseEpochSeconds(text);
        }
        return parseIso(text);
    }

    private static boolean looksLikeEpoch(CharSequence t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Epoch seconds with up to 9 fraction digits, exact (no double rounding). */
    public static Parsed parseEpochSeconds(CharSequence t) {
        int i = 0;
        int n = t.length();
        boolean negative = false;
        if (t.charAt(0) == '-') {
            negative = true;
            i++;
        }
        long secs = 0;
        int intDigits = 0;
        while (i < n && t.charAt(i) != '.') {
            char c = t.charAt(i++);
            if (c < '0' || c > '9' || ++intDigits > 12) {
                throw new IllegalArgumentException("not epoch seconds: " + t);
            }
            secs = secs * 10 + (c - '0');
        }
        if (intDigits == 0) {
            throw new IllegalArgumentException("not epoch seconds: " + t);
        }
        long frac = 0;
        int digits = 0;
        if (i < n) {
            i++; // '.'
            while (i < n) {
                char c = t.charAt(i++);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("not epoch seconds: " + t);
                }
                if (digits < 9) {
                    frac = frac * 10 + (c - '0');
                    digits++;
                }
            }
        }
        for (int k = digits; k < 9; k++) {
            frac *= 10;
        }
        long nanos;
        try {
            nanos = toNanos(secs, frac);
        } catch (ArithmeticException e) {
            // nanoseconds since the epoch in a long span 1677-09-21 to 2262-04-11
            throw new IllegalArgumentException("epoch seconds out of range (1677 to 2262): " + t);
        }
        return new Parsed(negative ? -nanos : nanos, digits);
    }

    private static Parsed parseIso(CharSequence t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            throw new IllegalArgumentException("not an RFC 3339 timestamp: " + t);
        }
        char sep = t.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            throw new IllegalArgumentException("not an RFC 3339 timestamp: " + t);
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 60) {
            throw new IllegalArgumentException("date or time out of range: " + t);
        }
        if (second == 60) {
            second = 59; // a leap second is held at :59 rather than rejected
        }
        int i = 19;
        long frac = 0;
        int digits = 0;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
            i++;
            int start = i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                if (digits < 9) {
                    frac = frac * 10 + (t.charAt(i) - '0');
                    digits++;
                }
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("empty fraction in timestamp: " + t);
            }
        }
        for (int k = digits; k < 9; k++) {
            frac *= 10;
        }
        long offsetSeconds = 0;
        if (i < n) {
            char z = t.charAt(i);
            if ((z == 'Z' || z == 'z') && i == n - 1) {
                i++;
            } else if ((z == '+' || z == '-') && (n - i == 6 || n - i == 5 || n - i == 3)) {
                int oh = digits(t, i + 1, 2);
                int om = n - i == 3 ? 0 : digits(t, n - 2, 2);
                if (n - i == 6 && t.charAt(i + 3) != ':') {
                    throw new IllegalArgumentException("bad zone offset in timestamp: " + t);
                }
                if (oh > 23 || om > 59) {
                    throw new IllegalArgumentException("bad zone offset in timestamp: " + t);
                }
                offsetSeconds = (oh * 3600L + om * 60L) * (z == '+' ? 1 : -1);
                i = n;
            } else {
                throw new IllegalArgumentException("bad zone in timestamp: " + t);
            }
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        try {
            return new Parsed(toNanos(secs, frac), digits);
        } catch (ArithmeticException e) {
            // nanoseconds since the epoch in a long span 1677-09-21 to 2262-04-11
            throw new IllegalArgumentException("time out of range (1677 to 2262): " + t);
        }
    }

    /** seconds * 10^9 + fraction, exact; for negative seconds the order avoids overflowing before the fraction is added. */
    private static long toNanos(long secs, long frac) {
        if (secs < 0 && frac > 0) {
            return Math.addExact(Math.multiplyExact(secs + 1, NANOS_PER_SECOND), frac - NANOS_PER_SECOND);
        }
        return Math.addExact(Math.multiplyExact(secs, NANOS_PER_SECOND), frac);
    }

    private static int digits(CharSequence t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an RFC 3339 timestamp: " + t);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days-from-civil). */
    public static long daysFromCivil(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = (month + 9) % 12;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
