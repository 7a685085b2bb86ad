package io.dscover.collect.windows.evtx;

import io.dscover.collect.windows.evtx.BinXmlNode.Attribute;
import io.dscover.collect.windows.evtx.BinXmlNode.Element;
import io.dscover.collect.windows.evtx.BinXmlNode.Instance;
import io.dscover.collect.windows.evtx.BinXmlNode.Substitution;
import io.dscover.collect.windows.evtx.BinXmlNode.Template;
import io.dscover.collect.windows.evtx.BinXmlNode.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the binary XML of one chunk ([MS-EVEN6] BinXml as EVTX stores it). Names and template
 * definitions are referenced by offset within the chunk and are stored once, in the first record
 * that uses them; both are cached here per chunk. Every offset is checked against the chunk and
 * every read against the bounds of the structure it belongs to, element nesting and template
 * nesting are capped, and a template that (directly or not) contains itself is refused, so hostile
 * bytes end in an {@link EvtxFormatException}, never a loop or an out-of-bounds read.
 */
final class BinXmlParser {

    static final int MAX_ELEMENT_DEPTH = 64;
    /** Template instances and binary-XML values nested in one another. */
    static final int MAX_INSTANCE_DEPTH = 8;
    static final int MAX_VALUES = 1024;
    static final int MAX_NAME_CHARS = 1024;

    private static final BinXmlNode[] NO_NODES = new BinXmlNode[0];
    private static final Attribute[] NO_ATTRIBUTES = new Attribute[0];

    // tokens; 0x40 marks "more follows" on some of them
    private static final int EOF = 0x00;
    private static final int OPEN_START_ELEMENT = 0x01;
    private static final int CLOSE_START_ELEMENT = 0x02;
    private static final int CLOSE_EMPTY_ELEMENT = 0x03;
    private static final int END_ELEMENT = 0x04;
    private static final int VALUE = 0x05;
    private static final int ATTRIBUTE = 0x06;
    private static final int CDATA = 0x07;
    private static final int CHAR_REF = 0x08;
    private static final int ENTITY_REF = 0x09;
    private static final int PI_TARGET = 0x0a;
    private static final int PI_DATA = 0x0b;
    private static final int TEMPLATE_INSTANCE = 0x0c;
    private static final int NORMAL_SUBSTITUTION = 0x0d;
    private static final int OPTIONAL_SUBSTITUTION = 0x0e;
    private static final int FRAGMENT_HEADER = 0x0f;
    private static final int MORE = 0x40;

    private final byte[] chunk;
    private int chunkEnd;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Object> templates = new HashMap<>(); // Template, or the EvtxFormatException it failed with
    private final Set<Integer> templatesBeingParsed = new HashSet<>();

    BinXmlParser(byte[] chunk) {
        this.chunk = chunk;
    }

    /** Starts on a new chunk of {@code length} valid bytes: the caches belong to the old one. */
    void newChunk(int length) {
        this.chunkEnd = length;
        names.clear();
        templates.clear();
        templatesBeingParsed.clear();
    }

    /** Templates cached so far in this chunk (for tests and diagnostics). */
    int cachedTemplates() {
        return templates.size();
    }

    /** Parses a record's event data in {@code [from, to)}: normally a fragment header and a template instance. */
    BinXmlNode[] parseRecord(int from, int to) {
        if (from < 0 || to > chunkEnd || from > to) {
            throw new EvtxFormatException(from, "record data outside the chunk");
        }
        return parseFragment(new Cursor(from, to, false), 0);
    }

    /** A bounded region being read; {@code inValue}: inside a binary-XML substitution value (no dependency ids). */
    private static final class Cursor {
        int pos;
        final int end;
        final boolean inValue;

        Cursor(int pos, int end, boolean inValue) {
            this.pos = pos;
            this.end = end;
            this.inValue = inValue;
        }
    }

    private BinXmlNode[] parseFragment(Cursor c, int instanceDepth) {
        List<BinXmlNode> nodes = new ArrayList<>(2);
        while (c.pos < c.end) {
            int token = chunk[c.pos] & 0xff;
            switch (token & ~MORE) {
                case EOF -> {
                    c.pos++;
                    return nodes.toArray(NO_NODES);
                }
                case FRAGMENT_HEADER -> {
                    need(c, 4);
                    c.pos += 4; // token, major 1, minor 1, flags
                }
                case TEMPLATE_INSTANCE -> nodes.add(parseInstance(c, instanceDepth));
                case OPEN_START_ELEMENT -> nodes.add(parseElement(c, 1, instanceDepth));
                default -> {
                    BinXmlNode n = parseContentPart(c, token, instanceDepth);
                    if (n != null) {
                        nodes.add(n);
                    }
                }
            }
        }
        return nodes.toArray(NO_NODES); // a missing end-of-fragment token is tolerated
    }

    private Element parseElement(Cursor c, int depth, int instanceDepth) {
        if (depth > MAX_ELEMENT_DEPTH) {
            throw new EvtxFormatException(c.pos, "elements nested deeper than " + MAX_ELEMENT_DEPTH);
        }
        int start = c.pos;
        int token = u8(c);
        if (!c.inValue) {
            need(c, 2);
            c.pos += 2; // dependency identifier
        }
        need(c, 4);
        c.pos += 4; // data size: the tokens themselves delimit the element
        String name = nameRef(c);
        Attribute[] attributes = NO_ATTRIBUTES;
        if ((token & MORE) != 0) {
            need(c, 4);
            c.pos += 4; // attribute list size
            attributes = parseAttributes(c, instanceDepth);
        }
        need(c, 1);
        int close = chunk[c.pos] & 0xff;
        c.pos++;
        BinXmlNode[] children = NO_NODES;
        int size = 1 + attributes.length;
        if (close == CLOSE_START_ELEMENT) {
            List<BinXmlNode> list = new ArrayList<>(4);
            while (true) {
                need(c, 1);
                int t = chunk[c.pos] & 0xff;
                if (t == END_ELEMENT) {
                    c.pos++;
                    break;
                }
                BinXmlNode n;
                switch (t & ~MORE) {
                    case OPEN_START_ELEMENT -> n = parseElement(c, depth + 1, instanceDepth);
                    case TEMPLATE_INSTANCE -> n = parseInstance(c, instanceDepth);
                    case EOF -> throw new EvtxFormatException(start, "element " + name + " is not closed");
                    default -> n = parseContentPart(c, t, instanceDepth);
                }
                if (n != null) {
                    list.add(n);
                    size += n.size();
                }
            }
            children = list.toArray(NO_NODES);
        } else if (close != CLOSE_EMPTY_ELEMENT) {
            throw new EvtxFormatException(c.pos - 1, String.format("token 0x%02x where element %s should close its start tag", close, name));
        }
        return new Element(name, attributes, children, size);
    }

    private Attribute[] parseAttributes(Cursor c, int instanceDepth) {
        List<Attribute> list = new ArrayList<>(2);
        while (true) {
            need(c, 1);
            int t = chunk[c.pos] & 0xff;
            if ((t & ~MORE) != ATTRIBUTE) {
                break;
            }
            c.pos++;
            String name = nameRef(c);
            List<BinXmlNode> parts = new ArrayList<>(1);
            while (true) {
                need(c, 1);
                int p = chunk[c.pos] & 0xff;
                int kind = p & ~MORE;
                if (kind != VALUE && kind != NORMAL_SUBSTITUTION && kind != OPTIONAL_SUBSTITUTION
                        && kind != CHAR_REF && kind != ENTITY_REF) {
                    break;
                }
                BinXmlNode n = parseContentPart(c, p, instanceDepth);
                if (n != null) {
                    parts.add(n);
                }
            }
            list.add(new Attribute(name, parts.toArray(NO_NODES)));
            if (list.size() > 256) {
                throw new EvtxFormatException(c.pos, "more than 256 attributes");
            }
        }
        return list.toArray(NO_ATTRIBUTES);
    }

    /** Text, CDATA, references, substitutions and processing instructions; null for what renders as nothing. */
    private BinXmlNode parseContentPart(Cursor c, int token, int instanceDepth) {
        int at = c.pos;
        switch (token & ~MORE) {
            case VALUE -> {
                c.pos++;
                int type = u8(c);
                if (type != ValueText.STRING) {
                    throw new EvtxFormatException(at, String.format("value text of type 0x%02x", type));
                }
                return new Text(countedString(c));
            }
            case CDATA -> {
                c.pos++;
                return new Text(countedString(c));
            }
            case CHAR_REF -> {
                c.pos++;
                need(c, 2);
                char ch = (char) LittleEndian.u16(chunk, c.pos);
                c.pos += 2;
                return new Text(String.valueOf(ch));
            }
            case ENTITY_REF -> {
                c.pos++;
                String name = nameRef(c);
                return new Text(switch (name) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> "&" + name + ";";
                });
            }
            case NORMAL_SUBSTITUTION, OPTIONAL_SUBSTITUTION -> {
                c.pos++;
                need(c, 3);
                int index = LittleEndian.u16(chunk, c.pos);
                int type = chunk[c.pos + 2] & 0xff;
                c.pos += 3;
                return new Substitution(index, type, (token & ~MORE) == OPTIONAL_SUBSTITUTION);
            }
            case PI_TARGET -> {
                c.pos++;
                nameRef(c);
                return null;
            }
            case PI_DATA -> {
                c.pos++;
                countedString(c);
                return null;
            }
            default -> throw new EvtxFormatException(at, String.format("unexpected token 0x%02x", token));
        }
    }

    private Instance parseInstance(Cursor c, int instanceDepth) {
        if (instanceDepth >= MAX_INSTANCE_DEPTH) {
            throw new EvtxFormatException(c.pos, "template instances nested deeper than " + MAX_INSTANCE_DEPTH);
        }
        need(c, 10);
        c.pos += 6; // token, unknown byte, template identifier
        int definition = (int) Math.min(Integer.MAX_VALUE, LittleEndian.u32(chunk, c.pos));
        c.pos += 4;
        Template template;
        if (definition == c.pos) {
            // the definition is stored right here, on first use in the chunk
            need(c, 24);
            long dataSize = LittleEndian.u32(chunk, c.pos + 20);
            template = template(definition, instanceDepth);
            if (dataSize > c.end - c.pos - 24) {
                throw new EvtxFormatException(c.pos, "template definition overruns its record");
            }
            c.pos += 24 + (int) dataSize;
        } else {
            template = template(definition, instanceDepth);
        }
        need(c, 4);
        long count = LittleEndian.u32(chunk, c.pos);
        c.pos += 4;
        if (count > MAX_VALUES || count * 4 > c.end - c.pos) {
            throw new EvtxFormatException(c.pos - 4, "implausible number of template values: " + count);
        }
        int n = (int) count;
        int[] sizes = new int[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = LittleEndian.u16(chunk, c.pos);
            types[i] = chunk[c.pos + 2] & 0xff;
            c.pos += 4;
        }
        BinXmlValue[] values = new BinXmlValue[n];
        for (int i = 0; i < n; i++) {
            need(c, sizes[i]);
            values[i] = value(types[i], c.pos, sizes[i], instanceDepth);
            c.pos += sizes[i];
        }
        return new Instance(template, values);
    }

    private BinXmlValue value(int type, int at, int size, int instanceDepth) {
        if (type == BinXmlValue.NULL) {
            return new BinXmlValue(type, null, null, null);
        }
        if (type == BinXmlValue.BINXML) {
            BinXmlNode[] fragment = parseFragment(new Cursor(at, at + size, true), instanceDepth + 1);
            return new BinXmlValue(type, null, null, fragment);
        }
        if ((type & BinXmlValue.ARRAY) != 0) {
            return new BinXmlValue(type, null, ValueText.array(type, chunk, at, size), null);
        }
        return new BinXmlValue(type, ValueText.scalar(type, chunk, at, size), null, null);
    }

    /** The template defined at {@code offset} in the chunk, parsed once. */
    private Template template(int offset, int instanceDepth) {
        Object cached = templates.get(offset);
        if (cached instanceof Template t) {
            return t;
        }
        if (cached instanceof EvtxFormatException e) {
            throw e;
        }
        if (offset < EvtxChunk.HEADER_SIZE || offset > chunkEnd - 24) {
            throw new EvtxFormatException(offset, "template definition offset outside the chunk");
        }
        if (!templatesBeingParsed.add(offset)) {
            throw new EvtxFormatException(offset, "template definition contains itself");
        }
        try {
            long dataSize = LittleEndian.u32(chunk, offset + 20);
            if (dataSize > chunkEnd - offset - 24) {
                throw new EvtxFormatException(offset, "template definition overruns the chunk");
            }
            int from = offset + 24;
            BinXmlNode[] nodes = parseFragment(new Cursor(from, from + (int) dataSize, false), instanceDepth + 1);
            Template t = new Template(offset, nodes);
            templates.put(offset, t);
            return t;
        } catch (EvtxFormatException e) {
            templates.put(offset, e);
            throw e;
        } finally {
            templatesBeingParsed.remove(offset);
        }
    }

    /** A name reference: a chunk offset, followed by the name itself when it is stored here for the first time. */
    private String nameRef(Cursor c) {
        need(c, 4);
        long offset = LittleEndian.u32(chunk, c.pos);
        c.pos += 4;
        if (offset == c.pos) {
            String name = name(c.pos);
            int stored = 8 + 2 * name.length() + 2;
            need(c, stored);
            c.pos += stored;
            return name;
        }
        return name(offset);
    }

    /** The name stored at {@code offset}: next-in-bucket offset, hash, character count, UTF-16 characters, NUL. */
    private String name(long offset) {
        if (offset < EvtxChunk.HEADER_SIZE || offset > chunkEnd - 10) {
            throw new EvtxFormatException((int) Math.min(offset, Integer.MAX_VALUE), "name offset outside the chunk");
        }
        int at = (int) offset;
        String cached = names.get(at);
        if (cached != null) {
            return cached;
        }
        int chars = LittleEndian.u16(chunk, at + 6);
        if (chars == 0 || chars > MAX_NAME_CHARS || at + 8 + 2 * chars + 2 > chunkEnd) {
            throw new EvtxFormatException(at, "implausible name of " + chars + " characters");
        }
        String name = new String(chunk, at + 8, 2 * chars, StandardCharsets.UTF_16LE);
        if (!isXmlName(name)) {
            throw new EvtxFormatException(at, "not an XML name: " + printable(name));
        }
        names.put(at, name);
        return name;
    }

    /** XML NameStartChar / NameChar, simplified to what can be checked char by char. */
    static boolean isXmlName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean start = ch == ':' || ch == '_' || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')
                    || (ch >= 0xC0 && ch != 0xD7 && ch != 0xF7 && ch < 0x2000) || (ch >= 0x3001 && ch < 0xD800)
                    || (ch >= 0xF900 && ch <= 0xFFFD) || Character.isSurrogate(ch);
            boolean other = ch == '-' || ch == '.' || (ch >= '0' && ch <= '9') || ch == 0xB7;
            if (!(start || (i > 0 && other))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char ch = s.charAt(i);
            b.append(ch >= 0x20 && ch < 0x7f ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
        }
        return b.toString();
    }

    /** A character count and that many UTF-16 characters (value text, CDATA, PI data). */
    private String countedString(Cursor c) {
        need(c, 2);
        int chars = LittleEndian.u16(chunk, c.pos);
        c.pos += 2;
        need(c, 2 * chars);
        String s = new String(chunk, c.pos, 2 * chars, StandardCharsets.UTF_16LE);
        c.pos += 2 * chars;
        return s;
    }

    private int u8(Cursor c) {
        need(c, 1);
        return chunk[c.pos++] & 0xff;
    }

    private static void need(Cursor c, int n) {
        if (n < 0 || c.end - c.pos < n) {
            throw new EvtxFormatException(c.pos, "structure runs past its end");
        }
    }
}
