package io.dscover.collect.windows.xml;

import io.dscover.collect.text.Utf8;
import io.dscover.collect.windows.record.EventXmlHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fast reader for the plain shape every Windows exporter writes: elements, quoted attributes,
 * text, the five predefined entities and UTF-8. It reads an {@code <Event>} in one pass over its
 * bytes with no per-event set-up, about four times faster than a general StAX parser on the small
 * documents the splitter hands over.
 *
 * <p>It is deliberately incomplete: at anything else (comments, CDATA, processing instructions,
 * character references, attribute values that XML would normalise, control characters, invalid
 * UTF-8, duplicate attributes, unusual depth or size) and at anything that is not well-formed it
 * gives up and returns false, and the caller parses the event again with the hardened Woodstox
 * reader, which then produces exactly the same calls, or the error message, it always did. So
 * this reader never decides that input is malformed, and it never expands anything but
 * {@code &lt; &gt; &amp; &quot; &apos;}: no DTD, entity or external resource can reach it.
 * The reuse of one instance per input saves the name strings and scratch buffers.
 */
final class PlainEventXml {

    /** Deeper documents go to the general parser (Windows events are four levels deep). */
    private static final int MAX_DEPTH = 32;
    /** More attributes than this on one element go to the general parser (events have at most two). */
    private static final int MAX_ATTRIBUTES = 32;
    /** More elements than this in one event go to the general parser, whose limits then apply. */
    private static final int MAX_ELEMENTS = 4096;
    private static final int NAME_CACHE = 256;

    private final int[] openStart = new int[MAX_DEPTH];
    private final int[] openEnd = new int[MAX_DEPTH];
    private final int[] attributeStart = new int[MAX_ATTRIBUTES];
    private final int[] attributeEnd = new int[MAX_ATTRIBUTES];
    private final byte[][] nameKeys = new byte[NAME_CACHE][];
    private final String[] names = new String[NAME_CACHE];
    private byte[] scratch = new byte[256];
    private int scratchLength;

    private byte[] b;
    private int pos;
    private int end;

    /**
     * Reads the element in {@code bytes[offset, offset + length)} into {@code handler}; false when
     * the event needs the general parser (the handler may then have received some calls already:
     * reset it before parsing again).
     */
    boolean parse(byte[] bytes, int offset, int length, EventXmlHandler handler) {
        this.b = bytes;
        this.pos = offset;
        this.end = offset + length;
        try {
            return element(handler);
        } finally {
            this.b = null;
        }
    }

    private boolean element(EventXmlHandler handler) {
        int depth = 0;
        int elements = 0;
        if (pos >= end || b[pos] != '<') {
            return false;
        }
        while (true) {
            // at '<'
            if (pos + 1 >= end) {
                return false;
            }
            byte next = b[pos + 1];
            if (next == '/') {
                pos += 2;
                int nameStart = pos;
                int nameEnd = name();
                if (nameEnd < 0 || depth == 0) {
                    return false;
                }
                int openS = openStart[depth - 1];
                int openE = openEnd[depth - 1];
                if (!Arrays.equals(b, nameStart, nameEnd, b, openS, openE)) {
                    return false;
                }
                skipWhitespace();
                if (pos >= end || b[pos] != '>') {
                    return false;
                }
                pos++;
                handler.endElement();
                depth--;
                if (depth == 0) {
                    return pos == end;
                }
            } else if (next == '!' || next == '?') {
                return false; // comment, CDATA, DOCTYPE or processing instruction
            } else {
                pos++;
                int nameStart = pos;
                int nameEnd = name();
                if (nameEnd < 0 || depth == MAX_DEPTH || ++elements > MAX_ELEMENTS) {
                    return false;
                }
                handler.startElement(cachedName(nameStart, nameEnd));
                int tag = startTagRest(handler);
                if (tag < 0) {
                    return false;
                }
                if (tag == EMPTY) {
                    handler.endElement();
                    if (depth == 0) {
                        return pos == end;
                    }
                } else {
                    openStart[depth] = nameStart;
                    openEnd[depth] = nameEnd;
                    depth++;
                }
            }
            // text up to the next '<'
            if (!text(handler)) {
                return false;
            }
        }
    }

    private static final int OPEN = 0;
    private static final int EMPTY = 1;

    /** After an element name: its attributes and the end of the tag. OPEN, EMPTY, or -1 to give up. */
    private int startTagRest(EventXmlHandler handler) {
        int attributes = 0;
        while (true) {
            int before = pos;
            skipWhitespace();
            if (pos >= end) {
                return -1;
            }
            byte c = b[pos];
            if (c == '>') {
                pos++;
                return OPEN;
            }
            if (c == '/') {
                if (pos + 1 < end && b[pos + 1] == '>') {
                    pos += 2;
                    return EMPTY;
                }
                return -1;
            }
            if (pos == before || attributes == MAX_ATTRIBUTES) {
                return -1; // attributes must be separated by white space
            }
            int nameStart = pos;
            int nameEnd = name();
            if (nameEnd < 0) {
                return -1;
            }
            for (int i = 0; i < attributes; i++) {
                if (Arrays.equals(b, nameStart, nameEnd, b, attributeStart[i], attributeEnd[i])) {
                    return -1; // a duplicate: the general parser reports it
                }
            }
            attributeStart[attributes] = nameStart;
            attributeEnd[attributes] = nameEnd;
            attributes++;
            skipWhitespace();
            if (pos >= end || b[pos] != '=') {
                return -1;
            }
            pos++;
            skipWhitespace();
            if (pos >= end || (b[pos] != '"' && b[pos] != '\'')) {
                return -1;
            }
            String value = attributeValue(b[pos++]);
            if (value == null) {
                return -1;
            }
            handler.attribute(cachedName(nameStart, nameEnd), value);
        }
    }

    /** A quoted value after its opening quote, up to and past the closing one; null to give up. */
    private String attributeValue(byte quote) {
        int start = pos;
        boolean plain = true;
        int i = pos;
        while (true) {
            if (i >= end) {
                return null;
            }
            byte c = b[i];
            if (c == quote) {
                break;
            }
            if (c < 0x20 && c >= 0) {
                return null; // tab, line break (normalised to spaces by XML) or a control character
            }
            if (c == '<') {
                return null;
            }
            if (c == '&' || c < 0) {
                plain = false;
            }
            i++;
        }
        pos = i + 1;
        if (plain) {
            return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        }
        return decode(start, i, false);
    }

    /** Character data up to the next '<' (or the end); false to give up. */
    private boolean text(EventXmlHandler handler) {
        int start = pos;
        boolean plain = true;
        int i = pos;
        while (i < end) {
            byte c = b[i];
            if (c == '<') {
                break;
            }
            if ((c < 0x20 && c >= 0) && c != '\n' && c != '\t') {
                if (c != '\r') {
                    return false; // a control character: not XML 1.0
                }
                plain = false;
            } else if (c == '&' || c < 0) {
                plain = false;
            } else if (c == '>' && i - start >= 2 && b[i - 1] == ']' && b[i - 2] == ']') {
                return false; // "]]>" is not allowed in text
            }
            i++;
        }
        if (i >= end) {
            return false; // the element is not closed
        }
        pos = i;
        if (i == start) {
            return true;
        }
        String t;
        if (plain) {
            t = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        } else {
            t = decode(start, i, true);
            if (t == null) {
                return false;
            }
        }
        handler.text(t);
        return true;
    }

    /**
     * Text with entities, line ends or non-ASCII bytes: the five predefined entities replaced,
     * CR LF and lone CR as LF (in text), UTF-8 checked strictly; null when something else is there.
     */
    private String decode(int from, int to, boolean text) {
        scratchLength = 0;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '&') {
                int semi = -1;
                for (int k = i + 1; k < to && k <= i + 5; k++) {
                    if (b[k] == ';') {
                        semi = k;
                        break;
                    }
                }
                if (semi < 0) {
                    return null;
                }
                byte replacement = predefinedEntity(i + 1, semi);
                if (replacement == 0) {
                    return null; // a character reference or another entity: the general parser decides
                }
                append(replacement);
                i = semi + 1;
            } else if (c == '\r') {
                if (!text) {
                    return null;
                }
                append((byte) '\n');
                i++;
                if (i < to && b[i] == '\n') {
                    i++;
                }
            } else if (c >= 0) {
                append(c);
                i++;
            } else {
                int n = utf8Sequence(i, to);
                if (n < 0) {
                    return null;
                }
                for (int k = 0; k < n; k++) {
                    append(b[i + k]);
                }
                i += n;
            }
        }
        return new String(scratch, 0, scratchLength, StandardCharsets.UTF_8);
    }

    private byte predefinedEntity(int from, int to) {
        int n = to - from;
        if (n == 2 && b[from + 1] == 't') {
            return b[from] == 'l' ? (byte) '<' : b[from] == 'g' ? (byte) '>' : 0;
        }
        if (n == 3 && b[from] == 'a' && b[from + 1] == 'm' && b[from + 2] == 'p') {
            return '&';
        }
        if (n == 4) {
            if (b[from] == 'q' && b[from + 1] == 'u' && b[from + 2] == 'o' && b[from + 3] == 't') {
                return '"';
            }
            if (b[from] == 'a' && b[from + 1] == 'p' && b[from + 2] == 'o' && b[from + 3] == 's') {
                return '\'';
            }
        }
        return 0;
    }

    /**
     * Length of the well-formed UTF-8 sequence of an XML character at {@code i}, or -1: overlong
     * forms, surrogates, U+FFFE, U+FFFF and code points past U+10FFFF are refused.
     */
    private int utf8Sequence(int i, int to) {
        int n = Utf8.sequenceLength(b, i, to);
        if (n == 3 && (b[i] & 0xff) == 0xef && (b[i + 1] & 0xff) == 0xbf && (b[i + 2] & 0xff) >= 0xbe) {
            return -1; // U+FFFE, U+FFFF: not XML characters
        }
        return n;
    }

    private void append(byte c) {
        if (scratchLength == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLength++] = c;
    }

    /** ASCII name characters: 1 may start a name, 2 may continue one. */
    private static final byte[] NAME_CHARS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
            boolean part = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
            NAME_CHARS[c] = (byte) (start ? 3 : part ? 2 : 0);
        }
    }

    /** An ASCII XML name at {@code pos}; returns its end (pos moves there), or -1 for anything else. */
    private int name() {
        int i = pos;
        if (i >= end) {
            return -1;
        }
        byte c = b[i];
        if (c < 0 || (NAME_CHARS[c] & 1) == 0) {
            return -1;
        }
        i++;
        while (i < end) {
            c = b[i];
            if (c < 0) {
                return -1; // a non-ASCII name character: the general parser checks it
            }
            if (NAME_CHARS[c] == 0) {
                break;
            }
            i++;
        }
        pos = i;
        return i;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Element and attribute names repeat in every event: one string each. */
    private String cachedName(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 11)) & (NAME_CACHE - 1);
        byte[] key = nameKeys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
            return names[slot];
        }
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        nameKeys[slot] = Arrays.copyOfRange(b, from, to);
        names[slot] = s;
        return s;
    }
}
