package io.dscover.model.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts loosely typed values (JSON scalars, rule-test literals, log text) to the Java form a
 * field of a given {@link FieldType} holds, with a message a user can act on when it does not fit.
 */
public final class FieldValues {

    private FieldValues() {
    }

    /**
     * Converts {@code raw} (String, Number, Boolean, List, or {@code null}) for a field of type {@code type}.
     * Times given as numbers are epoch seconds; durations given as numbers are nanoseconds (as ECS writes
     * {@code event.duration}); durations given as text take a unit ({@code 1.5s}).
     *
     * @throws IllegalArgumentException when the value does not fit the type
     */
    public static Object convert(FieldType type, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case STRING -> raw instanceof String s ? s : scalarText(raw);
            case IP -> ip(raw);
            case INT -> integer(raw);
            case DECIMAL -> decimal(raw);
            case BOOL -> bool(raw);
            case TIME -> time(raw);
            case DURATION -> duration(raw);
            case STRING_LIST -> list(FieldType.STRING, raw);
            case INT_LIST -> list(FieldType.INT, raw);
        };
    }

    private static String scalarText(Object raw) {
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new IllegalArgumentException("expected text, got " + describe(raw));
    }

    private static String ip(Object raw) {
        if (!(raw instanceof String s)) {
            throw new IllegalArgumentException("expected an IP address, got " + describe(raw));
        }
        String c = IpAddresses.canonical(s);
        if (c == null) {
            throw new IllegalArgumentException("not an IP address: '" + abbreviate(s) + "'");
        }
        return c;
    }

    private static Long integer(Object raw) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
            double d = ((Number) raw).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
            throw new IllegalArgumentException("expected an integer, got " + raw);
        }
        if (raw instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("integer out of range: " + n, e);
            }
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: '" + abbreviate(s) + "'", e);
            }
        }
        throw new IllegalArgumentException("expected an integer, got " + describe(raw));
    }

    private static Double decimal(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: '" + abbreviate(s) + "'", e);
            }
        }
        throw new IllegalArgumentException("expected a number, got " + describe(raw));
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "yes" -> {
                    return Boolean.TRUE;
                }
                case "false", "f", "0", "no" -> {
                    return Boolean.FALSE;
                }
                default -> throw new IllegalArgumentException("not a boolean: '" + abbreviate(s) + "'");
            }
        }
        throw new IllegalArgumentException("expected a boolean, got " + describe(raw));
    }

    private static Long time(Object raw) {
        if (raw instanceof String s) {
            return Timestamps.parse(s.trim()).epochNanos();
        }
        if (raw instanceof Number n) {
            return Timestamps.parseEpochSeconds(new BigDecimal(n.toString()).toPlainString()).epochNanos();
        }
        throw new IllegalArgumentException("expected a time, got " + describe(raw));
    }

    private static Long duration(Object raw) {
        if (raw instanceof String s) {
            return Durations.parse(s);
        }
        return integer(raw);
    }

    private static List<Object> list(FieldType element, Object raw) {
        List<Object> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                out.add(convert(element, o));
            }
        } else {
            out.add(convert(element, raw));
        }
        return List.copyOf(out);
    }

    static String describe(Object raw) {
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof java.util.Map) {
            return "an object";
        }
        return raw.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + abbreviate(String.valueOf(raw));
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
