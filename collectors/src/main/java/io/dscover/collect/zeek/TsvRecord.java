package io.dscover.collect.zeek;

import io.dscover.collect.text.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TSV row as byte ranges over the line buffer; values are decoded only when asked for. Escapes
 * are Zeek's: {@code \\} for a backslash and {@code \xHH} for a byte (separators inside values,
 * control characters, bytes that are not UTF-8). An escaped byte that does not belong to a valid
 * UTF-8 sequence stays as its four characters {@code \xHH}, which is also how Zeek's JSON writer
 * spells it, so both forms give the same string.
 */
final class TsvRecord extends ZeekRecord {

    private final TextCache texts = new TextCache();
    private final AddressCache addresses;
    private final StringBuilder scratch = new StringBuilder(64);

    private byte[] buf;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    /** Per field: {@link #VALUE}, {@link #UNSET} or {@link #EMPTY}, decided once when the row is split. */
    private byte[] marks = new byte[32];
    private int fields;
    private boolean nonAscii;

    private static final byte VALUE = 0;
    private static final byte UNSET = 1;
    private static final byte EMPTY = 2;

    private byte[] unset = {'-'};
    private byte[] empty = "(empty)".getBytes(StandardCharsets.US_ASCII);
    private byte[] setSeparator = {','};

    TsvRecord(AddressCache addresses) {
        this.addresses = addresses;
    }

    void setMarkers(byte[] unset, byte[] empty, byte[] setSeparator) {
        this.unset = unset;
        this.empty = empty;
        this.setSeparator = setSeparator.length == 0 ? new byte[] {','} : setSeparator;
    }

    /** Splits {@code line[from..to)} at {@code separator}; returns the number of fields (counted even past {@code max}). */
    int split(byte[] line, int from, int to, byte[] separator, int max) {
        this.buf = line;
        int n = 0;
        int s = from;
        int high = 0;
        if (separator.length == 1) {
            byte sep = separator[0];
            for (int i = from; i < to; i++) {
                byte c = line[i];
                high |= c;
                if (c == sep) {
                    n = store(n, s, i, max);
                    s = i + 1;
                }
            }
        } else {
            for (int i = from; i < to; i++) {
                high |= line[i];
            }
            int i = from;
            while (i <= to - separator.length) {
                if (matches(line, i, separator)) {
                    n = store(n, s, i, max);
                    i += separator.length;
                    s = i;
                } else {
                    i++;
                }
            }
        }
        n = store(n, s, to, max);
        fields = Math.min(n, max);
        nonAscii = high < 0;
        return n;
    }

    /** Whether the row just split has bytes outside ASCII (which then must be valid UTF-8). */
    boolean nonAscii() {
        return nonAscii;
    }

    private int store(int n, int s, int e, int max) {
        if (n < max) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                marks = Arrays.copyOf(marks, n * 2);
            }
            starts[n] = s;
            ends[n] = e;
            marks[n] = isMarker(s, e, unset) ? UNSET : isMarker(s, e, empty) ? EMPTY : VALUE;
        }
        return n + 1;
    }

    private static boolean matches(byte[] b, int at, byte[] pattern) {
        for (int k = 0; k < pattern.length; k++) {
            if (b[at + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean present(int col) {
        return col >= 0 && col < fields && marks[col] != UNSET;
    }

    private boolean isEmpty(int col) {
        return marks[col] == EMPTY;
    }

    @Override
    String string(int col) {
        if (!present(col)) {
            return null;
        }
        if (isEmpty(col)) {
            return "";
        }
        return decode(starts[col], ends[col], false);
    }

    @Override
    String symbol(int col) {
        if (!present(col)) {
            return null;
        }
        if (isEmpty(col)) {
            return "";
        }
        return decode(starts[col], ends[col], true);
    }

    /** Decodes a value: plain ASCII fast (and shared when {@code cache}), UTF-8 as such, escapes resolved. */
    private String decode(int s, int e, boolean cache) {
        boolean plain = true;
        for (int i = s; i < e; i++) {
            byte c = buf[i];
            if (c == '\\' || c < 0) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return cache ? texts.ascii(buf, s, e) : new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
        }
        return unescape(s, e);
    }

    private String unescape(int s, int e) {
        StringBuilder sb = scratch;
        sb.setLength(0);
        int run = s; // start of a run of literal bytes (valid UTF-8: the source checked the line)
        int i = s;
        while (i < e) {
            if (buf[i] != '\\' || i + 1 >= e) {
                i++;
                continue;
            }
            byte next = buf[i + 1];
            if (next == '\\') {
                appendUtf8(sb, run, i);
                sb.append('\\');
                i += 2;
                run = i;
            } else if (isHexEscape(i, e)) {
                appendUtf8(sb, run, i);
                i = appendEscapedBytes(sb, i, e);
                run = i;
            } else {
                i++;
            }
        }
        appendUtf8(sb, run, e);
        return sb.toString();
    }

    /** Resolves a run of {@code \xHH} escapes from {@code i}; returns the index after the run. */
    private int appendEscapedBytes(StringBuilder sb, int i, int e) {
        byte[] bytes = new byte[8];
        int[] positions = new int[8];
        int count = 0;
        while (isHexEscape(i, e)) {
            if (count == bytes.length) {
                bytes = Arrays.copyOf(bytes, count * 2);
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count] = i;
            bytes[count++] = (byte) (hex(buf[i + 2]) << 4 | hex(buf[i + 3]));
            i += 4;
        }
        int k = 0;
        while (k < count) {
            int b = bytes[k] & 0xff;
            if (b < 0x80) {
                sb.append((char) b);
                k++;
                continue;
            }
            int len = utf8Length(bytes, k, count);
            if (len > 0) {
                sb.append(new String(bytes, k, len, StandardCharsets.UTF_8));
                k += len;
            } else {
                int at = positions[k]; // not UTF-8: keep Zeek's four characters
                for (int j = at; j < at + 4; j++) {
                    sb.append((char) buf[j]);
                }
                k++;
            }
        }
        return i;
    }

    private boolean isHexEscape(int i, int e) {
        return i + 4 <= e && buf[i] == '\\' && buf[i + 1] == 'x' && hex(buf[i + 2]) >= 0 && hex(buf[i + 3]) >= 0;
    }

    /** Length of the valid UTF-8 sequence starting at {@code k} within {@code count} bytes, or 0. */
    private static int utf8Length(byte[] b, int k, int count) {
        int c = b[k] & 0xff;
        int need;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
        } else {
            return 0;
        }
        if (k + need >= count) {
            return 0;
        }
        return Utf8.isValid(b, k, k + need + 1) ? need + 1 : 0;
    }

    private void appendUtf8(StringBuilder sb, int from, int to) {
        if (from >= to) {
            return;
        }
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = from; i < to; i++) {
                sb.append((char) buf[i]);
            }
        } else {
            sb.append(new String(buf, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    @Override
    long count(int col) {
        if (!present(col)) {
            return ABSENT;
        }
        long v = ZeekNumbers.parseCount(buf, starts[col], ends[col]);
        if (v == ABSENT) {
            error(col, "not a count", raw(col));
        }
        return v;
    }

    @Override
    long integer(int col) {
        if (!present(col)) {
            return ABSENT;
        }
        long v = ZeekNumbers.parseInt(buf, starts[col], ends[col]);
        if (v == ABSENT) {
            error(col, "not an int", raw(col));
        }
        return v;
    }

    @Override
    long portValue(int col) {
        if (!present(col)) {
            return ABSENT;
        }
        int s = starts[col];
        int e = ends[col];
        // Zeek's own reader accepts "80/tcp"; the number is what counts
        for (int i = s; i < e; i++) {
            if (buf[i] == '/') {
                e = i;
                break;
            }
        }
        long v = ZeekNumbers.parseCount(buf, s, e);
        if (v == ABSENT) {
            error(col, "not a port", raw(col));
        }
        return v;
    }

    @Override
    int bool(int col) {
        if (!present(col)) {
            return -1;
        }
        int s = starts[col];
        if (ends[col] - s == 1) {
            byte c = buf[s];
            if (c == 'T' || c == '1') {
                return 1;
            }
            if (c == 'F' || c == '0') {
                return 0;
            }
        }
        error(col, "not a bool", raw(col));
        return -1;
    }

    @Override
    long time(int col) {
        if (!present(col)) {
            return ABSENT;
        }
        int s = starts[col];
        int e = ends[col];
        long v = ZeekNumbers.parseSecondsNanos(buf, s, e);
        if (v != ABSENT) {
            return v;
        }
        if (buf[s] == 'X') {
            String text = new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
            if (isMasked(text)) {
                return MASKED;
            }
        }
        error(col, "not a time", raw(col));
        return ABSENT;
    }

    @Override
    long interval(int col) {
        if (!present(col)) {
            return ABSENT;
        }
        long v = ZeekNumbers.parseSecondsNanos(buf, starts[col], ends[col]);
        if (v == ABSENT) {
            error(col, "not an interval", raw(col));
        }
        return v;
    }

    @Override
    double real(int col) {
        if (!present(col)) {
            return Double.NaN;
        }
        Object v = scalarFromText(col, ZeekType.Kind.DOUBLE, raw(col));
        return v == null ? Double.NaN : (Double) v;
    }

    @Override
    Address address(int col) {
        if (!present(col)) {
            return null;
        }
        Address a = addresses.lookup(buf, starts[col], ends[col]);
        if (a == null) {
            a = addresses.lookup(decode(starts[col], ends[col], false)); // an escaped form, rare
            if (a == null) {
                error(col, "not an address", raw(col));
            }
        }
        return a;
    }

    @Override
    List<String> strings(int col) {
        if (!present(col)) {
            return null;
        }
        if (isEmpty(col)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        forEachElement(col, (s, e) -> {
            if (!isMarker(s, e, unset)) {
                out.add(isMarker(s, e, empty) ? "" : decode(s, e, true));
            }
        });
        return out;
    }

    @Override
    List<Object> list(int col, ZeekType.Kind element) {
        if (!present(col)) {
            return null;
        }
        if (isEmpty(col)) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(4);
        forEachElement(col, (s, e) -> {
            if (isMarker(s, e, unset)) {
                return;
            }
            String text = isMarker(s, e, empty) ? "" : decode(s, e, false);
            Object v = scalarFromText(col, element, text);
            if (v != null) {
                out.add(v);
            }
        });
        return out;
    }

    private interface ElementVisitor {
        void element(int from, int to);
    }

    private void forEachElement(int col, ElementVisitor v) {
        int s = starts[col];
        int e = ends[col];
        int elementStart = s;
        int i = s;
        while (i <= e - setSeparator.length) {
            if (matches(buf, i, setSeparator)) {
                v.element(elementStart, i);
                i += setSeparator.length;
                elementStart = i;
            } else {
                i++;
            }
        }
        v.element(elementStart, e);
    }

    private boolean isMarker(int s, int e, byte[] marker) {
        if (e - s != marker.length) {
            return false;
        }
        for (int k = 0; k < marker.length; k++) {
            if (buf[s + k] != marker[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    Object value(int col, ZeekType type) {
        if (!present(col)) {
            return null;
        }
        ZeekType t = type == null ? ZeekType.STRING : type;
        if (t.isContainer()) {
            return list(col, t.element());
        }
        return switch (t.kind()) {
            case STRING, ENUM -> string(col);
            case COUNT -> boxed(count(col));
            case INT -> boxed(integer(col));
            case PORT -> boxed(port(col));
            case BOOL -> {
                int b = bool(col);
                yield b < 0 ? null : b == 1;
            }
            case INTERVAL -> boxed(interval(col));
            case ADDR -> {
                Address a = address(col);
                yield a == null ? null : a.text();
            }
            default -> scalarFromText(col, t.kind(), isEmpty(col) ? "" : decode(starts[col], ends[col], false));
        };
    }

    private static Long boxed(long v) {
        return v == ABSENT ? null : v;
    }

    @Override
    int columnCount() {
        return fields;
    }

    @Override
    int columnAt(int i) {
        return i;
    }

    @Override
    String raw(int col) {
        if (col < 0 || col >= fields) {
            return "-";
        }
        int len = Math.min(ends[col] - starts[col], 200);
        return new String(buf, starts[col], len, StandardCharsets.UTF_8);
    }

    @Override
    AddressCache addressCache() {
        return addresses;
    }
}
