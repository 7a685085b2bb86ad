package io.dscover.collect.zeek;

import io.dscover.model.event.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Zeek JSON line ({@code LogAscii::use_json}, JSON Streaming Logs, or any exporter that keeps
 * Zeek's field names) as typed slots by column. Nested objects ({@code {"id":{"orig_h":..}}}) are
 * flattened to Zeek's dotted names. JSON gives no Zeek types, so accessors take the form a value has
 * (epoch number or ISO-8601 text for times, seconds as a number for intervals) and convert it as
 * Zeek's ASCII writer would have printed it.
 *
 * <p>Hand-written rather than Jackson: a Zeek line is one flat object, and this scanner validates it
 * (RFC 8259: strings and their escapes, numbers, literals, nesting) in one pass while keeping values
 * as byte ranges, decoding only what a mapper asks for; keys are matched against the previous line's
 * keys by position. With Jackson the tokenizing alone took longer than the whole TSV path; the
 * agreement test holds the two forms to identical events and the fuzz test holds this scanner to
 * Jackson's verdict on what is valid JSON.
 */
final class JsonRecord extends ZeekRecord {

    static final int MAX_DEPTH = 16;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    static final int MAX_ARRAY = 4096;
    private static final long MILLIS_THRESHOLD = 100_000_000_000L; // epoch seconds stay below this until year 5138

    private static final byte NONE = 0;
    private static final byte NULL = 1;
    private static final byte STRING = 2;
    private static final byte INT = 3;
    private static final byte FLOAT = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte ARRAY = 7;

    private final Columns columns;
    private final AddressCache addresses;
    private final TextCache texts = new TextCache();
    private byte[] buf;
    private byte[] kinds = new byte[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private long[] integers = new long[64];
    private boolean[] escaped = new boolean[64];
    private int[] stamps = new int[64];
    private int generation;
    private int[] order = new int[64];
    private int orderCount;
    /**
     * Key lookup without hashing: Zeek writes keys in its field order on every line, leaving out unset
     * ones, so the key after column c is usually the one that followed c last time, or the one after
     * that. {@code keyBytes[col]} is a column's raw key, {@code next[col]} the column that followed it.
     */
    private byte[][] keyBytes = new byte[64][];
    private int[] next = filled(64);
    private int firstColumn = -1;
    private boolean nonAscii;

    // scanner state
    /** The value of the last integer {@link #number} scanned, or ABSENT when it does not fit a long. */
    private long scannedInteger;
    private int pos;
    private int end;
    private String error;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    JsonRecord(Columns columns, AddressCache addresses) {
        this.columns = columns;
        this.addresses = addresses;
    }

    /** What {@link #parse} returns for a line that is JSON-ish but no object (an array, a bare value). */
    static final String NOT_AN_OBJECT = "the line does not start with '{'";

    /** Parses one line; {@code null} on success, {@link #NOT_AN_OBJECT}, or what is malformed and where. */
    String parse(byte[] b, int from, int to) {
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            generation = 1;
        }
        reset(columns);
        orderCount = 0;
        nonAscii = false;
        buf = b;
        pos = from;
        end = to;
        error = null;
        skipWhitespace();
        if (pos >= end || b[pos] != '{') {
            return NOT_AN_OBJECT;
        }
        pos++;
        if (!object(null, 1)) {
            return error + " (column " + (pos - from + 1) + ")";
        }
        skipWhitespace();
        if (pos != end) {
            return "content after the object (column " + (pos - from + 1) + ")";
        }
        return null;
    }

    /** Whether the line just parsed had bytes outside ASCII (only strings can; they must then be valid UTF-8). */
    boolean nonAscii() {
        return nonAscii;
    }

    // --- scanner

    private boolean fail(String why) {
        if (error == null) {
            error = why;
        }
        return false;
    }

    /** Skips JSON whitespace. Zeek writes none, so callers test the next byte first and rarely get here. */
    private void skipWhitespace() {
        while (pos < end) {
            byte c = buf[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Whether the byte at {@code pos} may be whitespace (every byte up to the space is either that or invalid). */
    private boolean atSpace() {
        return pos < end && buf[pos] <= ' ' && buf[pos] >= 0;
    }

    /**
     * The members of an object whose '{' was just read; flattens nested objects under {@code prefix}.
     * Kept small, with the rare paths in other methods, so the JIT inlines what it calls.
     */
    private boolean object(String prefix, int depth) {
        if (atSpace()) {
            skipWhitespace();
        }
        if (pos < end && buf[pos] == '}') {
            pos++;
            return true;
        }
        int previous = -1;
        while (true) {
            if (pos >= end || buf[pos] != '"') {
                return fail("expected a key");
            }
            int keyStart = ++pos;
            int col = prefix == null ? expectedKey(previous) : -1;
            if (col >= 0) {
                pos = keyStart + keyBytes[col].length + 1; // the expected key, already known to be valid
                if (pos < end && buf[pos] == ':') {
                    pos++;
                } else if (!colon()) {
                    return false;
                }
                if (pos < end && buf[pos] != '{' && buf[pos] > ' ') {
                    if (!value(col, depth)) {
                        return false;
                    }
                } else if (!member(prefix, depth, keyStart, keyStart + keyBytes[col].length, false, col, previous)) {
                    return false;
                }
            } else {
                boolean escapedKey = string();
                if (error != null) {
                    return false;
                }
                int keyEnd = pos - 1;
                if (!colon()) {
                    return false;
                }
                if (!member(prefix, depth, keyStart, keyEnd, escapedKey, -1, previous)) {
                    return false;
                }
                col = lastMember;
            }
            if (prefix == null && col >= 0) {
                previous = col;
            }
            if (atSpace()) {
                skipWhitespace();
            }
            if (pos >= end) {
                return fail("unterminated object");
            }
            byte c = buf[pos++];
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return fail("expected ',' or '}'");
            }
            if (atSpace()) {
                skipWhitespace();
            }
        }
    }

    /** The column {@link #member} stored into (-1 when none). */
    private int lastMember;

    private boolean colon() {
        skipWhitespace();
        if (pos >= end || buf[pos] != ':') {
            return fail("expected ':'");
        }
        pos++;
        return true;
    }

    /**
     * The value of a member on the slow path: a key that was not the expected one, whitespace before
     * the value, or a nested object. {@code knownColumn} is the key's column when already known.
     */
    private boolean member(String prefix, int depth, int keyStart, int keyEnd, boolean escapedKey, int knownColumn,
            int previous) {
        skipWhitespace();
        if (pos >= end) {
            return fail("expected a value");
        }
        if (buf[pos] == '{') {
            if (depth >= MAX_DEPTH) {
                return fail("nested deeper than " + MAX_DEPTH);
            }
            pos++;
            String key = decodeKey(keyStart, keyEnd, escapedKey);
            lastMember = -1;
            return object(prefix == null ? key : prefix + "." + key, depth + 1);
        }
        int col;
        if (knownColumn >= 0) {
            col = knownColumn;
        } else if (prefix == null) {
            col = column(keyStart, keyEnd, escapedKey, previous);
        } else {
            col = columns.indexOf(prefix + "." + decodeKey(keyStart, keyEnd, escapedKey));
        }
        lastMember = col;
        return value(col, depth);
    }

    /** A value at {@code pos}, stored in {@code col} (or checked and dropped when {@code col < 0}). */
    private boolean value(int col, int depth) {
        byte c = buf[pos];
        if (c == '"') {
            int start = ++pos;
            boolean esc = string();
            if (error != null) {
                return false;
            }
            if (col >= 0) {
                store(col, STRING, start, pos - 1, esc);
            }
            return true;
        }
        if (c >= '0' && c <= '9' || c == '-') {
            int start = pos;
            byte kind = number();
            if (kind == NONE) {
                return false;
            }
            if (col >= 0) {
                store(col, kind, start, pos, false);
                if (kind == INT) {
                    integers[col] = scannedInteger;
                }
            }
            return true;
        }
        return otherValue(col, depth, c);
    }

    /** Arrays, objects inside arrays, and the literals. */
    private boolean otherValue(int col, int depth, byte c) {
        int start = pos;
        byte kind;
        switch (c) {
            case '[' -> {
                if (depth >= MAX_DEPTH) {
                    return fail("nested deeper than " + MAX_DEPTH);
                }
                pos++;
                if (!array(depth + 1)) {
                    return false;
                }
                kind = ARRAY;
            }
            case '{' -> {
                if (depth >= MAX_DEPTH) {
                    return fail("nested deeper than " + MAX_DEPTH);
                }
                pos++;
                if (!skipObject(depth + 1)) {
                    return false;
                }
                kind = ARRAY; // only inside arrays; kept as raw JSON
            }
            case 't' -> {
                if (!literal("true")) {
                    return false;
                }
                kind = TRUE;
            }
            case 'f' -> {
                if (!literal("false")) {
                    return false;
                }
                kind = FALSE;
            }
            case 'n' -> {
                if (!literal("null")) {
                    return false;
                }
                kind = NULL;
            }
            default -> {
                return fail("unexpected character '" + (char) (c & 0xff) + "'");
            }
        }
        if (col >= 0) {
            store(col, kind, start, pos, false);
        }
        return true;
    }

    /** Scans a string body after its opening quote, leaving {@code pos} after the closing one; returns whether it had escapes. */
    private boolean string() {
        byte[] b = buf;
        int p = pos;
        int e = end;
        // eight bytes at a time (SWAR) to the first quote, backslash or control character
        while (p + 8 <= e) {
            long x = (long) LONGS.get(b, p);
            long quote = x ^ 0x2222222222222222L;
            long backslash = x ^ 0x5c5c5c5c5c5c5c5cL;
            long found = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (x - 0x2020202020202020L) & ~x) & HIGHS;
            long high = x & HIGHS;
            if (found != 0) {
                if ((high & ((found & -found) - 1)) != 0) {
                    nonAscii = true;
                }
                p += Long.numberOfTrailingZeros(found) >>> 3;
                break;
            }
            if (high != 0) {
                nonAscii = true;
            }
            p += 8;
        }
        while (p < e) {
            byte c = b[p];
            if (c == '"') {
                pos = p + 1;
                return false;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                pos = p;
                return escapedString();
            }
            if (c < 0) {
                nonAscii = true;
            }
            p++;
        }
        pos = p;
        fail("unterminated string");
        return false;
    }

    /** The rest of a string from its first escape (or a control character, which is an error). */
    private boolean escapedString() {
        while (pos < end) {
            byte c = buf[pos];
            if (c == '"') {
                pos++;
                return true;
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    break;
                }
                byte e = buf[pos + 1];
                if (e == 'u') {
                    if (pos + 5 >= end || hex(buf[pos + 2]) < 0 || hex(buf[pos + 3]) < 0 || hex(buf[pos + 4]) < 0
                            || hex(buf[pos + 5]) < 0) {
                        fail("bad \\u escape");
                        return true;
                    }
                    pos += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    pos += 2;
                } else {
                    fail("bad escape \\" + (char) (e & 0xff));
                    return true;
                }
            } else if (c >= 0 && c < 0x20) {
                fail("control character in a string");
                return true;
            } else {
                if (c < 0) {
                    nonAscii = true;
                }
                pos++;
            }
        }
        fail("unterminated string");
        return true;
    }

    /** A number at {@code pos}: plain non-negative integers and decimals fast, anything else by the full grammar. */
    private byte number() {
        byte[] b = buf;
        int p = pos;
        int e = end;
        long value = 0;
        if (b[p] == '0') {
            p++;
        } else if (b[p] >= '1' && b[p] <= '9') {
            int start = p;
            while (p < e && b[p] >= '0' && b[p] <= '9' && p - start < 18) {
                value = value * 10 + (b[p] - '0');
                p++;
            }
        } else {
            return fullNumber();
        }
        if (p == e || (b[p] != '.' && b[p] != 'e' && b[p] != 'E' && (b[p] < '0' || b[p] > '9'))) {
            pos = p;
            scannedInteger = value;
            return INT;
        }
        if (b[p] == '.') {
            int digits = ++p;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p > digits && p - pos <= 64 && (p == e || (b[p] != 'e' && b[p] != 'E'))) {
                pos = p;
                return FLOAT;
            }
        }
        return fullNumber();
    }

    /** RFC 8259 number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    private byte fullNumber() {
        int start = pos;
        boolean floating = false;
        boolean negative = false;
        if (buf[pos] == '-') {
            negative = true;
            pos++;
        }
        if (pos >= end) {
            fail("bad number");
            return NONE;
        }
        long value = 0;
        if (buf[pos] == '0') {
            pos++;
        } else if (buf[pos] >= '1' && buf[pos] <= '9') {
            int digitsStart = pos;
            while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
                value = value * 10 + (buf[pos] - '0');
                pos++;
            }
            if (pos - digitsStart > 18) {
                value = ZeekNumbers.parseCount(buf, digitsStart, pos); // 19 digits may still fit; 20 never
            }
        } else {
            fail("bad number");
            return NONE;
        }
        if (pos < end && buf[pos] == '.') {
            floating = true;
            pos++;
            int digits = pos;
            while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
                pos++;
            }
            if (pos == digits) {
                fail("bad number");
                return NONE;
            }
        }
        if (pos < end && (buf[pos] == 'e' || buf[pos] == 'E')) {
            floating = true;
            pos++;
            if (pos < end && (buf[pos] == '+' || buf[pos] == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
                pos++;
            }
            if (pos == digits) {
                fail("bad number");
                return NONE;
            }
        }
        if (pos - start > 64) {
            fail("number longer than 64 characters");
            return NONE;
        }
        scannedInteger = value == ABSENT ? ABSENT : negative ? -value : value;
        return floating ? FLOAT : INT;
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return fail("bad literal");
        }
        for (int k = 0; k < n; k++) {
            if (buf[pos + k] != word.charAt(k)) {
                return fail("bad literal");
            }
        }
        pos += n;
        return true;
    }

    /** An array after its '['; elements are checked now and decoded when asked for. */
    private boolean array(int depth) {
        skipWhitespace();
        if (pos < end && buf[pos] == ']') {
            pos++;
            return true;
        }
        int count = 0;
        while (true) {
            if (++count > MAX_ARRAY) {
                return fail("array longer than " + MAX_ARRAY);
            }
            if (pos >= end) {
                return fail("unterminated array");
            }
            if (!value(-1, depth)) {
                return false;
            }
            skipWhitespace();
            if (pos >= end) {
                return fail("unterminated array");
            }
            byte c = buf[pos++];
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return fail("expected ',' or ']'");
            }
            skipWhitespace();
        }
    }

    /** An object inside an array: checked, kept as a value rather than flattened. */
    private boolean skipObject(int depth) {
        skipWhitespace();
        if (pos < end && buf[pos] == '}') {
            pos++;
            return true;
        }
        int members = 0;
        while (true) {
            if (++members > MAX_ARRAY) {
                return fail("object with more than " + MAX_ARRAY + " members");
            }
            if (pos >= end || buf[pos] != '"') {
                return fail("expected a key");
            }
            pos++;
            string();
            if (error != null) {
                return false;
            }
            skipWhitespace();
            if (pos >= end || buf[pos] != ':') {
                return fail("expected ':'");
            }
            pos++;
            skipWhitespace();
            if (pos >= end) {
                return fail("expected a value");
            }
            if (!value(-1, depth)) {
                return false;
            }
            skipWhitespace();
            if (pos >= end) {
                return fail("unterminated object");
            }
            byte c = buf[pos++];
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return fail("expected ',' or '}'");
            }
            skipWhitespace();
        }
    }

    /**
     * The column whose key starts at {@code pos} when it is one of the keys expected after
     * {@code previous} (raw bytes equal and followed by the closing quote), or -1. Keys are stored
     * only when they have no escapes, so a match is a complete, valid JSON string.
     */
    private int expectedKey(int previous) {
        int guess = previous < 0 ? firstColumn : next[previous];
        for (int tries = 0; tries < 8 && guess >= 0; tries++) {
            byte[] key = keyBytes[guess];
            int keyEnd = pos + (key == null ? 0 : key.length);
            if (key != null && keyEnd < end && buf[keyEnd] == '"' && same(key, pos)) {
                return guess; // after skipping columns this line left out: the chain stays Zeek's full order
            }
            guess = next[guess];
        }
        return -1;
    }

    /** The column of a key {@link #expectedKey} did not foresee; remembered as following {@code previous}. */
    private int column(int keyStart, int keyEnd, boolean keyEscaped, int previous) {
        int col = columns.indexOf(decodeKey(keyStart, keyEnd, keyEscaped));
        if (col >= 0) {
            ensure(col);
            if (keyBytes[col] == null && !keyEscaped) {
                keyBytes[col] = Arrays.copyOfRange(buf, keyStart, keyEnd);
                next[col] = -1;
            }
            link(previous, col);
        }
        return col;
    }

    /** Puts {@code col} into the chain right after {@code previous}, keeping what followed behind it. */
    private void link(int previous, int col) {
        int follower = previous < 0 ? firstColumn : next[previous];
        if (follower == col) {
            return;
        }
        if (next[col] < 0 && follower != col) {
            next[col] = follower;
        }
        if (previous < 0) {
            firstColumn = col;
        } else {
            next[previous] = col;
        }
    }

    private boolean same(byte[] key, int at) {
        int k = 0;
        for (; k + 8 <= key.length; k += 8) {
            if ((long) LONGS.get(key, k) != (long) LONGS.get(buf, at + k)) {
                return false;
            }
        }
        for (; k < key.length; k++) {
            if (key[k] != buf[at + k]) {
                return false;
            }
        }
        return true;
    }

    private String decodeKey(int from, int to, boolean esc) {
        return esc ? unescape(from, to) : new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    private void ensure(int col) {
        if (col >= kinds.length) {
            int n = Math.max(col + 1, kinds.length * 2);
            kinds = Arrays.copyOf(kinds, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            integers = Arrays.copyOf(integers, n);
            escaped = Arrays.copyOf(escaped, n);
            stamps = Arrays.copyOf(stamps, n);
            keyBytes = Arrays.copyOf(keyBytes, n);
            int old = next.length;
            next = Arrays.copyOf(next, n);
            Arrays.fill(next, old, n, -1);
        }
    }

    private void store(int col, byte kind, int from, int to, boolean esc) {
        ensure(col);
        if (stamps[col] != generation) {
            if (orderCount == order.length) {
                order = Arrays.copyOf(order, orderCount * 2);
            }
            order[orderCount++] = col;
            stamps[col] = generation;
        }
        kinds[col] = kind;
        starts[col] = from;
        ends[col] = to;
        escaped[col] = esc;
    }

    // --- decoding

    /** JSON string escapes resolved; {@code \\uXXXX} pairs make one character, a lone surrogate stays as it is. */
    private String unescape(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (buf[i] != '\\') {
                i++;
                continue;
            }
            if (i > run) {
                sb.append(new String(buf, run, i - run, StandardCharsets.UTF_8));
            }
            byte e = buf[i + 1];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append((char) (hex(buf[i + 2]) << 12 | hex(buf[i + 3]) << 8 | hex(buf[i + 4]) << 4 | hex(buf[i + 5])));
                default -> sb.append((char) e); // " \ /
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
        if (to > run) {
            sb.append(new String(buf, run, to - run, StandardCharsets.UTF_8));
        }
        return sb.toString();
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

    private byte kind(int col) {
        return col >= 0 && col < kinds.length && stamps[col] == generation ? kinds[col] : NONE;
    }

    private String text(int col, boolean cache) {
        int s = starts[col];
        int e = ends[col];
        if (escaped[col]) {
            return unescape(s, e);
        }
        if (cache && e - s <= TextCache.MAX_LENGTH && isAscii(s, e)) {
            return texts.ascii(buf, s, e);
        }
        return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    private boolean isAscii(int s, int e) {
        for (int i = s; i < e; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String rawText(int col) {
        return new String(buf, starts[col], ends[col] - starts[col], StandardCharsets.UTF_8);
    }

    @Override
    boolean present(int col) {
        byte k = kind(col);
        return k != NONE && k != NULL;
    }

    @Override
    String string(int col) {
        return switch (kind(col)) {
            case STRING -> text(col, false);
            case INT, FLOAT, ARRAY -> rawText(col);
            case TRUE -> "T";
            case FALSE -> "F";
            default -> null;
        };
    }

    @Override
    String symbol(int col) {
        return kind(col) == STRING ? text(col, true) : string(col);
    }

    /** The value of a meta key such as {@code _path}, when the line has it as a string. */
    String text(int col) {
        return kind(col) == STRING ? text(col, true) : null;
    }

    @Override
    long count(int col) {
        return whole(col, "count", false);
    }

    @Override
    long integer(int col) {
        return whole(col, "int", true);
    }

    @Override
    long portValue(int col) {
        return whole(col, "port", false);
    }

    private long whole(int col, String what, boolean signed) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return ABSENT;
            }
            case INT -> {
                long v = integers[col];
                if (v == ABSENT || (!signed && v < 0)) {
                    error(col, "not a " + what, rawText(col));
                    return ABSENT;
                }
                return v;
            }
            case FLOAT -> {
                double d = Double.parseDouble(rawText(col));
                if (d == Math.rint(d) && Math.abs(d) < 9.0e18 && (signed || d >= 0)) {
                    return (long) d;
                }
                error(col, "not a " + what, rawText(col));
                return ABSENT;
            }
            case STRING -> {
                Object v = scalarFromText(col, signed ? ZeekType.Kind.INT : ZeekType.Kind.COUNT, text(col, false));
                return v == null ? ABSENT : (Long) v;
            }
            default -> {
                error(col, "not a " + what, raw(col));
                return ABSENT;
            }
        }
    }

    @Override
    int bool(int col) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return -1;
            }
            case TRUE -> {
                return 1;
            }
            case FALSE -> {
                return 0;
            }
            default -> {
                Object v = scalarFromText(col, ZeekType.Kind.BOOL, string(col));
                return v == null ? -1 : ((Boolean) v ? 1 : 0);
            }
        }
    }

    @Override
    long time(int col) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return ABSENT;
            }
            case FLOAT -> {
                long v = ZeekNumbers.nanosFromDecimal(buf, starts[col], ends[col]);
                if (v == ABSENT) {
                    error(col, "not a time", rawText(col));
                }
                return v;
            }
            case INT -> {
                long v = integers[col];
                return v == ABSENT ? badTime(col) : epochNanos(col, v);
            }
            case STRING -> {
                String text = text(col, false);
                long v = parseTimeText(text);
                if (v == ABSENT) {
                    error(col, "not a time", text);
                }
                return v;
            }
            default -> {
                return badTime(col);
            }
        }
    }

    private long badTime(int col) {
        error(col, "not a time", raw(col));
        return ABSENT;
    }

    /** An integral epoch time: seconds, or milliseconds ({@code JSON::TS_MILLIS}) when that large. */
    private long epochNanos(int col, long v) {
        if (Math.abs(v) >= MILLIS_THRESHOLD) {
            if (Math.abs(v) > Long.MAX_VALUE / 1_000_000L) {
                error(col, "time out of range", Long.toString(v));
                return ABSENT;
            }
            return v * 1_000_000L;
        }
        return v * 1_000_000_000L;
    }

    @Override
    long interval(int col) {
        switch (kind(col)) {
            case NONE, NULL -> {
                return ABSENT;
            }
            case FLOAT, INT -> {
                long v = ZeekNumbers.nanosFromDecimal(buf, starts[col], ends[col]);
                if (v == ABSENT) {
                    error(col, "not an interval", rawText(col));
                }
                return v;
            }
            case STRING -> {
                String text = text(col, false);
                long v = ZeekNumbers.parseSecondsNanos(text);
                if (v == ABSENT) {
                    error(col, "not an interval", text);
                }
                return v;
            }
            default -> {
                error(col, "not an interval", raw(col));
                return ABSENT;
            }
        }
    }

    @Override
    double real(int col) {
        return switch (kind(col)) {
            case NONE, NULL -> Double.NaN;
            case INT, FLOAT -> Double.parseDouble(rawText(col));
            default -> {
                Object v = scalarFromText(col, ZeekType.Kind.DOUBLE, string(col));
                yield v == null ? Double.NaN : (Double) v;
            }
        };
    }

    @Override
    Address address(int col) {
        byte k = kind(col);
        if (k != STRING) {
            if (k != NONE && k != NULL) {
                error(col, "not an address", raw(col));
            }
            return null;
        }
        Address a = escaped[col] ? addresses.lookup(unescape(starts[col], ends[col]))
                : addresses.lookup(buf, starts[col], ends[col]);
        if (a == null) {
            error(col, "not an address", text(col, false));
        }
        return a;
    }

    @Override
    List<String> strings(int col) {
        byte k = kind(col);
        if (k == NONE || k == NULL) {
            return null;
        }
        if (k != ARRAY) {
            return List.of(string(col));
        }
        List<Object> values = elements(col);
        List<String> out = new ArrayList<>(values.size());
        for (Object o : values) {
            if (o instanceof Boolean b) {
                out.add(b ? "T" : "F");
            } else if (o instanceof Decimal d) {
                out.add(d.text());
            } else if (o != null) {
                out.add(o.toString());
            }
        }
        return out;
    }

    @Override
    List<Object> list(int col, ZeekType.Kind element) {
        byte k = kind(col);
        if (k == NONE || k == NULL) {
            return null;
        }
        List<Object> values = k == ARRAY ? elements(col) : List.of(scalarObject(col));
        List<Object> out = new ArrayList<>(values.size());
        for (Object o : values) {
            Object v = o == null ? null : convert(col, element, o);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** A scalar slot as a Java value: String, Long (or its text when it overflows), Double, Boolean. */
    private Object scalarObject(int col) {
        return switch (kind(col)) {
            case STRING -> text(col, false);
            case INT -> {
                long v = integers[col];
                yield v == ABSENT ? rawText(col) : (Object) v;
            }
            case FLOAT -> new Decimal(buf, starts[col], ends[col]);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> elements(col);
            default -> null;
        };
    }

    /** A JSON number with a fraction or exponent, kept as text until a type says how to read it. */
    private record Decimal(String text) {
        Decimal(byte[] b, int from, int to) {
            this(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }

        double value() {
            return Double.parseDouble(text);
        }

        long nanos() {
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            return ZeekNumbers.nanosFromDecimal(b, 0, b.length);
        }
    }

    /** The elements of an array slot (already validated by the scanner). */
    private List<Object> elements(int col) {
        int savedPos = pos;
        int savedEnd = end;
        pos = starts[col] + 1;
        end = ends[col];
        List<Object> out = new ArrayList<>();
        readArrayBody(out);
        pos = savedPos;
        end = savedEnd;
        return out;
    }

    private void readArrayBody(List<Object> out) {
        skipWhitespace();
        if (buf[pos] == ']') {
            pos++;
            return;
        }
        while (true) {
            out.add(readAny());
            skipWhitespace();
            if (buf[pos++] == ']') {
                return;
            }
            skipWhitespace();
        }
    }

    private Object readAny() {
        byte c = buf[pos];
        switch (c) {
            case '"' -> {
                int s = ++pos;
                boolean esc = string();
                return esc ? unescape(s, pos - 1) : new String(buf, s, pos - 1 - s, StandardCharsets.UTF_8);
            }
            case '[' -> {
                pos++;
                List<Object> inner = new ArrayList<>();
                readArrayBody(inner);
                return inner;
            }
            case '{' -> {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                skipWhitespace();
                if (buf[pos] == '}') {
                    pos++;
                    return m;
                }
                while (true) {
                    int s = ++pos;
                    boolean esc = string();
                    String key = esc ? unescape(s, pos - 1) : new String(buf, s, pos - 1 - s, StandardCharsets.UTF_8);
                    skipWhitespace();
                    pos++; // ':'
                    skipWhitespace();
                    m.put(key, readAny());
                    skipWhitespace();
                    if (buf[pos++] == '}') {
                        return m;
                    }
                    skipWhitespace();
                }
            }
            case 't' -> {
                pos += 4;
                return Boolean.TRUE;
            }
            case 'f' -> {
                pos += 5;
                return Boolean.FALSE;
            }
            case 'n' -> {
                pos += 4;
                return null;
            }
            default -> {
                int s = pos;
                byte k = number();
                if (k == INT) {
                    long v = ZeekNumbers.parseInt(buf, s, pos);
                    return v == ABSENT ? new String(buf, s, pos - s, StandardCharsets.ISO_8859_1) : (Object) v;
                }
                return new Decimal(buf, s, pos);
            }
        }
    }

    /** A JSON scalar (String, Long, Decimal, Boolean) as the given Zeek kind. */
    private Object convert(int col, ZeekType.Kind kind, Object o) {
        if (o instanceof String s) {
            return scalarFromText(col, kind, s);
        }
        if (o instanceof Long v) {
            return switch (kind) {
                case COUNT, PORT -> v < 0 || (kind == ZeekType.Kind.PORT && v > 65_535) ? badValue(col, kind, v) : v;
                case INT -> v;
                case DOUBLE -> (double) v;
                case BOOL -> v == 0 ? Boolean.FALSE : v == 1 ? Boolean.TRUE : badValue(col, kind, v);
                case TIME -> {
                    long t = epochNanos(col, v);
                    yield t == ABSENT ? null : Timestamps.format(t, 6);
                }
                case INTERVAL -> Math.abs(v) > Long.MAX_VALUE / 1_000_000_000L ? badValue(col, kind, v) : v * 1_000_000_000L;
                case STRING, ENUM -> v.toString();
                default -> badValue(col, kind, v);
            };
        }
        if (o instanceof Decimal d) {
            return switch (kind) {
                case COUNT, PORT, INT -> {
                    double x = d.value();
                    yield x == Math.rint(x) && Math.abs(x) < 9.0e18 && (kind == ZeekType.Kind.INT || x >= 0)
                            ? (Object) (long) x : badValue(col, kind, d.text());
                }
                case DOUBLE -> ZeekNumbers.roundLikeZeek(d.value());
                case TIME -> {
                    long t = d.nanos();
                    yield t == ABSENT ? badValue(col, kind, d.text()) : Timestamps.format(t, 6);
                }
                case INTERVAL -> {
                    long t = d.nanos();
                    yield t == ABSENT ? badValue(col, kind, d.text()) : (Object) t;
                }
                case STRING, ENUM -> d.text();
                default -> badValue(col, kind, d.text());
            };
        }
        if (o instanceof Boolean b) {
            return switch (kind) {
                case BOOL -> b;
                case STRING, ENUM -> b ? "T" : "F";
                default -> badValue(col, kind, b);
            };
        }
        return kind == ZeekType.Kind.STRING ? String.valueOf(o) : badValue(col, kind, o);
    }

    private Object badValue(int col, ZeekType.Kind kind, Object v) {
        error(col, "not a " + kind.name().toLowerCase(Locale.ROOT), String.valueOf(v));
        return null;
    }

    @Override
    Object value(int col, ZeekType type) {
        byte k = kind(col);
        if (k == NONE || k == NULL) {
            return null;
        }
        if (type == null) {
            return plain(scalarObject(col)); // no Zeek type known: the JSON form is all there is
        }
        if (type.isContainer()) {
            return list(col, type.element());
        }
        return convert(col, type.kind(), k == ARRAY ? rawText(col) : scalarObject(col));
    }

    /** Numbers with a fraction as doubles, recursively; the rest as they are. */
    private static Object plain(Object o) {
        if (o instanceof Decimal d) {
            return d.value();
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) {
                out.add(plain(e));
            }
            return out;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((key, v) -> out.put(String.valueOf(key), plain(v)));
            return out;
        }
        return o;
    }

    @Override
    int columnCount() {
        return orderCount;
    }

    @Override
    int columnAt(int i) {
        return order[i];
    }

    @Override
    String raw(int col) {
        String s = string(col);
        return s == null ? "-" : abbreviate(s);
    }

    @Override
    AddressCache addressCache() {
        return addresses;
    }
}
