package io.dscover.collect.windows.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes EVTX files for tests, the way Windows lays them out: file header, 64 KiB chunks with both
 * CRC32s, records whose binary XML is a template instance, each template and element name stored
 * once per chunk (inline at first use, referenced by offset after). Independent of the reader: it
 * encodes from the format description, so reading what it writes checks the reader.
 */
final class EvtxWriter {

    /** Binary XML shape of a template: elements, text and substitution slots. */
    sealed interface Node permits Elem, Txt, Sub {
    }

    record Elem(String name, List<Attr> attributes, List<Node> children) implements Node {
        Elem(String name, Node... children) {
            this(name, List.of(), List.of(children));
        }
    }

    record Attr(String name, Node value) {
    }

    record Txt(String text) implements Node {
    }

    record Sub(int index, int type, boolean optional) implements Node {
    }

    /** A typed substitution value as the instance stores it. */
    record Value(int type, byte[] bytes) {
        static Value string(String s) {
            return new Value(0x01, (s + "\0").getBytes(StandardCharsets.UTF_16LE));
        }

        static Value u8(int v) {
            return new Value(0x04, new byte[] {(byte) v});
        }

        static Value u16(int v) {
            return new Value(0x06, le(v, 2));
        }

        static Value u32(long v) {
            return new Value(0x08, le(v, 4));
        }

        static Value u64(long v) {
            return new Value(0x0a, le(v, 8));
        }

        static Value hex64(long v) {
            return new Value(0x15, le(v, 8));
        }

        static Value bool(boolean v) {
            return new Value(0x0d, le(v ? 1 : 0, 4));
        }

        static Value filetime(long ft) {
            return new Value(0x11, le(ft, 8));
        }

        static Value nul() {
            return new Value(0x00, new byte[0]);
        }

        static Value guid(int d1, int d2, int d3, long d4) {
            byte[] b = new byte[16];
            System.arraycopy(le(d1, 4), 0, b, 0, 4);
            System.arraycopy(le(d2, 2), 0, b, 4, 2);
            System.arraycopy(le(d3, 2), 0, b, 6, 2);
            for (int i = 0; i < 8; i++) {
                b[8 + i] = (byte) (d4 >>> (56 - 8 * i));
            }
            return new Value(0x0f, b);
        }

        /** {@code S-1-5-18} style: revision 1, authority, sub-authorities. */
        static Value sid(long authority, long... subs) {
            byte[] b = new byte[8 + 4 * subs.length];
            b[0] = 1;
            b[1] = (byte) subs.length;
            for (int i = 0; i < 6; i++) {
                b[2 + i] = (byte) (authority >>> (40 - 8 * i));
            }
            for (int i = 0; i < subs.length; i++) {
                System.arraycopy(le(subs[i], 4), 0, b, 8 + 4 * i, 4);
            }
            return new Value(0x13, b);
        }
    }

    static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** One chunk being filled. */
    static final class Chunk {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, Integer> names = new HashMap<>();
        private final Map<Elem, Integer> templates = new IdentityHashMap<>();
        private final List<Long> ids = new ArrayList<>();
        private int lastRecordOffset;

        int pos() {
            return 512 + out.size();
        }

        /** Adds a record: its binary XML is an instance of {@code template} with {@code values}. */
        Chunk record(long id, long writtenFiletime, Elem template, Value... values) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int start = pos();
            // the body's chunk offsets start after the 24-byte record header
            BodyWriter w = new BodyWriter(this, body, start + 24);
            w.bytes(0x0f, 0x01, 0x01, 0x00);
            w.instance(template, values);
            w.bytes(0x00);
            int size = 24 + body.size() + 4;
            lastRecordOffset = start;
            write(new byte[] {'*', '*', 0, 0});
            write(le(size, 4));
            write(le(id, 8));
            write(le(writtenFiletime, 8));
            write(body.toByteArray());
            write(le(size, 4));
            ids.add(id);
            return this;
        }

        /** Raw bytes appended as they are (for corrupt-record tests). */
        Chunk raw(byte[] bytes) {
            write(bytes);
            return this;
        }

        private void write(byte[] b) {
            out.write(b, 0, b.length);
        }

        byte[] build() {
            byte[] c = new byte[EvtxChunk.SIZE];
            byte[] records = out.toByteArray();
            System.arraycopy(records, 0, c, 512, records.length);
            System.arraycopy("ElfChnk\0".getBytes(StandardCharsets.ISO_8859_1), 0, c, 0, 8);
            long first = ids.isEmpty() ? 0 : ids.get(0);
            long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
            put(c, 8, le(first, 8));
            put(c, 16, le(last, 8));
            put(c, 24, le(first, 8));
            put(c, 32, le(last, 8));
            put(c, 40, le(128, 4));
            put(c, 44, le(lastRecordOffset, 4));
            int free = 512 + records.length;
            put(c, 48, le(free, 4));
            CRC32 data = new CRC32();
            data.update(c, 512, free - 512);
            put(c, 52, le(data.getValue(), 4));
            put(c, 120, le(1, 4));
            CRC32 header = new CRC32();
            header.update(c, 0, 120);
            header.update(c, 128, 384);
            put(c, 124, le(header.getValue(), 4));
            return c;
        }
    }

    /** Encodes binary XML into a record body, with chunk-relative offsets. */
    private static final class BodyWriter {
        private final Chunk chunk;
        private final ByteArrayOutputStream out;
        private final int base;

        BodyWriter(Chunk chunk, ByteArrayOutputStream out, int base) {
            this.chunk = chunk;
            this.out = out;
            this.base = base;
        }

        int pos() {
            return base + out.size();
        }

        void bytes(int... b) {
            for (int x : b) {
                out.write(x);
            }
        }

        void raw(byte[] b) {
            out.write(b, 0, b.length);
        }

        void instance(Elem template, Value[] values) {
            bytes(0x0c, 0x01);
            raw(le(0x1234 + System.identityHashCode(template) % 1000, 4));
            Integer existing = chunk.templates.get(template);
            if (existing != null) {
                raw(le(existing, 4));
            } else {
                int defOffset = pos() + 4;
                raw(le(defOffset, 4));
                chunk.templates.put(template, defOffset);
                raw(le(0, 4)); // next template in bucket
                raw(new byte[16]); // template GUID
                ByteArrayOutputStream def = new ByteArrayOutputStream();
                BodyWriter d = new BodyWriter(chunk, def, pos() + 4);
                d.bytes(0x0f, 0x01, 0x01, 0x00);
                d.element(template);
                d.bytes(0x00);
                raw(le(def.size(), 4));
                raw(def.toByteArray());
            }
            raw(le(values.length, 4));
            for (Value v : values) {
                raw(le(v.bytes().length, 2));
                bytes(v.type(), 0);
            }
            for (Value v : values) {
                raw(v.bytes());
            }
        }

        void element(Elem e) {
            boolean attrs = !e.attributes().isEmpty();
            bytes(attrs ? 0x41 : 0x01);
            raw(le(0xffff, 2));
            int sizeAt = out.size();
            raw(le(0, 4));
            int contentStart = out.size();
            name(e.name());
            if (attrs) {
                int listAt = out.size();
                raw(le(0, 4));
                int listStart = out.size();
                for (int i = 0; i < e.attributes().size(); i++) {
                    Attr a = e.attributes().get(i);
                    bytes(i + 1 < e.attributes().size() ? 0x46 : 0x06);
                    name(a.name());
                    part(a.value());
                }
                patch(listAt, out.size() - listStart);
            }
            if (e.children().isEmpty()) {
                bytes(0x03);
            } else {
                bytes(0x02);
                for (Node n : e.children()) {
                    if (n instanceof Elem child) {
                        element(child);
                    } else {
                        part(n);
                    }
                }
                bytes(0x04);
            }
            patch(sizeAt, out.size() - contentStart);
        }

        void part(Node n) {
            if (n instanceof Txt t) {
                bytes(0x05, 0x01);
                raw(le(t.text().length(), 2));
                raw(t.text().getBytes(StandardCharsets.UTF_16LE));
            } else if (n instanceof Sub s) {
                bytes(s.optional() ? 0x0e : 0x0d);
                raw(le(s.index(), 2));
                bytes(s.type());
            }
        }

        void name(String name) {
            Integer at = chunk.names.get(name);
            if (at != null) {
                raw(le(at, 4));
                return;
            }
            int here = pos() + 4;
            raw(le(here, 4));
            chunk.names.put(name, here);
            raw(le(0, 4));
            int hash = 0;
            for (char ch : name.toCharArray()) {
                hash = hash * 65599 + ch;
            }
            raw(le(hash & 0xffff, 2));
            raw(le(name.length(), 2));
            raw(name.getBytes(StandardCharsets.UTF_16LE));
            raw(le(0, 2));
        }

        private void patch(int at, int value) {
            byte[] all = out.toByteArray();
            byte[] v = le(value, 4);
            System.arraycopy(v, 0, all, at, 4);
            out.reset();
            out.write(all, 0, all.length);
        }
    }

    /** A file: header and the chunks. */
    static byte[] file(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = new byte[4096];
        System.arraycopy("ElfFile\0".getBytes(StandardCharsets.ISO_8859_1), 0, h, 0, 8);
        put(h, 16, le(chunks.length - 1, 8));
        put(h, 24, le(1000, 8));
        put(h, 32, le(128, 4));
        put(h, 36, le(1, 2));
        put(h, 38, le(3, 2));
        put(h, 40, le(4096, 2));
        put(h, 42, le(chunks.length, 2));
        CRC32 crc = new CRC32();
        crc.update(h, 0, 120);
        put(h, 124, le(crc.getValue(), 4));
        out.write(h, 0, h.length);
        for (byte[] c : chunks) {
            out.write(c, 0, c.length);
        }
        return out.toByteArray();
    }

    static void put(byte[] into, int at, byte[] b) {
        System.arraycopy(b, 0, into, at, b.length);
    }

    private EvtxWriter() {
    }
}
