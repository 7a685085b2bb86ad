package io.dscover.collect.zeek;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header directives of Zeek's ASCII format, as they arrive: {@code #separator} (always written
 * with a space, its value escaped, e.g. {@code \x09}), then {@code #set_separator},
 * {@code #empty_field}, {@code #unset_field}, {@code #path}, {@code #open}, {@code #fields},
 * {@code #types}, {@code #close}, each followed by the separator. A new header block (a
 * concatenation of logs, or a rotation inside one stream) simply overrides what came before.
 * Unknown {@code #} lines, such as btest's {@code ### BTest baseline} marker, are comments.
 */
final class TsvHeader {

    private byte[] separator = {'\t'};
    private byte[] setSeparator = {','};
    private byte[] emptyField = "(empty)".getBytes(StandardCharsets.US_ASCII);
    private byte[] unsetField = {'-'};
    private String path;
    private List<String> fields;
    private List<ZeekType> types = List.of();
    private boolean changed;

    /** Reads one {@code #} line; returns a problem with it (reported, not fatal) or {@code null}. */
    String directive(byte[] b, int from, int to) {
        int nameEnd = from;
        while (nameEnd < to && b[nameEnd] != ' ' && !startsWith(b, nameEnd, to, separator)) {
            nameEnd++;
        }
        String name = new String(b, from, nameEnd - from, StandardCharsets.ISO_8859_1);
        int valueStart = nameEnd;
        if (valueStart < to) {
            valueStart += b[valueStart] == ' ' && !startsWith(b, valueStart, to, separator) ? 1 : separator.length;
        }
        switch (name) {
            case "#separator" -> {
                byte[] s = unescape(b, valueStart, to);
                if (s.length == 0) {
                    return "#separator is empty; keeping " + printable(separator);
                }
                separator = s;
            }
            case "#set_separator" -> setSeparator = unescape(b, valueStart, to);
            case "#empty_field" -> emptyField = unescape(b, valueStart, to);
            case "#unset_field" -> unsetField = unescape(b, valueStart, to);
            case "#path" -> path = new String(unescape(b, valueStart, to), StandardCharsets.UTF_8);
            case "#fields" -> {
                fields = split(b, valueStart, to);
                types = List.of();
            }
            case "#types" -> {
                List<ZeekType> t = new ArrayList<>();
                for (String s : split(b, valueStart, to)) {
                    t.add(ZeekType.parse(s));
                }
                types = t;
                changed = true;
                if (fields != null && t.size() != fields.size()) {
                    return "#types has " + t.size() + " entries, #fields " + fields.size() + "; types ignored";
                }
                return null;
            }
            default -> {
                return null; // #open, #close, comments
            }
        }
        changed = true;
        return null;
    }

    /** Whether the header changed since the columns were last built. */
    boolean changed() {
        return changed;
    }

    /** The columns of the rows that follow; {@code null} before any {@code #fields}. */
    Columns columns() {
        changed = false;
        if (fields == null) {
            return null;
        }
        return Columns.fixed(fields, types.size() == fields.size() ? types : List.of());
    }

    byte[] separator() {
        return separator;
    }

    byte[] setSeparator() {
        return setSeparator;
    }

    byte[] emptyField() {
        return emptyField;
    }

    byte[] unsetField() {
        return unsetField;
    }

    String path() {
        return path;
    }

    private List<String> split(byte[] b, int from, int to) {
        List<String> out = new ArrayList<>();
        int s = from;
        int i = from;
        while (i <= to - separator.length) {
            if (startsWith(b, i, to, separator)) {
                out.add(new String(b, s, i - s, StandardCharsets.UTF_8));
                i += separator.length;
                s = i;
            } else {
                i++;
            }
        }
        out.add(new String(b, s, to - s, StandardCharsets.UTF_8));
        if (out.size() > Columns.MAX_COLUMNS) {
            return out.subList(0, Columns.MAX_COLUMNS);
        }
        return out;
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** Header values escape bytes as {@code \xHH} (and a backslash as {@code \\}). */
    static byte[] unescape(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            if (b[i] == '\\' && i + 4 <= to && b[i + 1] == 'x' && hex(b[i + 2]) >= 0 && hex(b[i + 3]) >= 0) {
                out.write(hex(b[i + 2]) << 4 | hex(b[i + 3]));
                i += 4;
            } else if (b[i] == '\\' && i + 1 < to && b[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else {
                out.write(b[i]);
                i++;
            }
        }
        return out.toByteArray();
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

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("\\x%02x", x & 0xff));
        }
        return sb.toString();
    }
}
