package io.dscover.model.event;

/** Duration text such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1.5h}, {@code 1d}, in nanoseconds. */
public final class Durations {

    private Durations() {
    }

    /**
     * Parses a number followed by a unit: ns, us (or µs), ms, s, m, h, d.
     *
     * @throws IllegalArgumentException when the text is not a duration or overflows
     */
    public static long parse(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        if (i == 0 || i == t.length()) {
            throw new IllegalArgumentException("not a duration (number and unit, e.g. 30s): " + text);
        }
        String number = t.substring(0, i);
        long unitNanos = unitNanos(t.substring(i));
        try {
            if (number.indexOf('.') < 0) {
                return Math.multiplyExact(Long.parseLong(number), unitNanos);
            }
            return new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(unitNanos))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration out of range: " + text, e);
        }
    }

    /** Nanoseconds in one of the units {@link #parse} accepts. */
    public static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' (ns, us, ms, s, m, h, d)");
        };
    }

    /** Shortest exact text for a duration: {@code 90s} stays {@code 90s}, {@code 3600s} becomes {@code 1h}. */
    public static String format(long nanos) {
        String[] units = {"d", "h", "m", "s", "ms", "us"};
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (nanos != 0 && nanos % sizes[i] == 0) {
                return nanos / sizes[i] + units[i];
            }
        }
        return nanos + "ns";
    }
}
