package io.dscover.collect.zeek;

import java.util.Locale;

/**
 * The type of a Zeek log column as {@code #types} names it ({@code count}, {@code set[string]},
 * {@code vector[interval]}): a scalar kind, or a container of one. Anything Zeek can log that dscover
 * has no special reading for (func, file, table of records) reads as {@link Kind#STRING}.
 *
 * @param kind    the scalar kind, or {@link Kind#SET}/{@link Kind#VECTOR}
 * @param element the element kind of a container, otherwise the same as {@code kind}
 */
record ZeekType(Kind kind, Kind element) {

    /** Zeek's log value kinds. */
    enum Kind { BOOL, COUNT, INT, PORT, DOUBLE, TIME, INTERVAL, STRING, ENUM, ADDR, SUBNET, SET, VECTOR }

    static final ZeekType STRING = new ZeekType(Kind.STRING, Kind.STRING);
    static final ZeekType ENUM = new ZeekType(Kind.ENUM, Kind.ENUM);
    static final ZeekType COUNT = new ZeekType(Kind.COUNT, Kind.COUNT);
    static final ZeekType INT = new ZeekType(Kind.INT, Kind.INT);
    static final ZeekType PORT = new ZeekType(Kind.PORT, Kind.PORT);
    static final ZeekType BOOL = new ZeekType(Kind.BOOL, Kind.BOOL);
    static final ZeekType DOUBLE = new ZeekType(Kind.DOUBLE, Kind.DOUBLE);
    static final ZeekType TIME = new ZeekType(Kind.TIME, Kind.TIME);
    static final ZeekType INTERVAL = new ZeekType(Kind.INTERVAL, Kind.INTERVAL);
    static final ZeekType ADDR = new ZeekType(Kind.ADDR, Kind.ADDR);
    static final ZeekType SUBNET = new ZeekType(Kind.SUBNET, Kind.SUBNET);

    boolean isContainer() {
        return kind == Kind.SET || kind == Kind.VECTOR;
    }

    /** Parses a {@code #types} entry; unknown names read as strings, so a new Zeek type never stops a run. */
    static ZeekType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int open = t.indexOf('[');
        if (open > 0 && t.endsWith("]")) {
            String outer = t.substring(0, open);
            Kind element = scalar(t.substring(open + 1, t.length() - 1));
            return switch (outer) {
                case "set", "table" -> new ZeekType(Kind.SET, element);
                case "vector" -> new ZeekType(Kind.VECTOR, element);
                default -> STRING;
            };
        }
        Kind k = scalar(t);
        return new ZeekType(k, k);
    }

    private static Kind scalar(String name) {
        return switch (name) {
            case "bool" -> Kind.BOOL;
            case "count", "counter" -> Kind.COUNT;
            case "int" -> Kind.INT;
            case "port" -> Kind.PORT;
            case "double" -> Kind.DOUBLE;
            case "time" -> Kind.TIME;
            case "interval" -> Kind.INTERVAL;
            case "enum" -> Kind.ENUM;
            case "addr" -> Kind.ADDR;
            case "subnet" -> Kind.SUBNET;
            default -> Kind.STRING;
        };
    }

    @Override
    public String toString() {
        String s = kind.name().toLowerCase(Locale.ROOT);
        return isContainer() ? s + "[" + element.name().toLowerCase(Locale.ROOT) + "]" : s;
    }
}
