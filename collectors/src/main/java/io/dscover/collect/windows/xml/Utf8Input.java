package io.dscover.collect.windows.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Event XML or JSON as UTF-8 bytes, whatever it was saved in: UTF-8 (with or without BOM) passes
 * through untouched; UTF-16 (PowerShell 5's {@code >} redirection writes UTF-16LE with a BOM) and an
 * XML-declared single-byte encoding are transcoded. Byte offsets are those of the input only when nothing was
 * transcoded.
 */
public final class Utf8Input {

    /** The UTF-8 content and whether its byte offsets are the input's. */
    public record Decoded(InputStream utf8, boolean offsetsPreserved, Charset source) {
    }

    private Utf8Input() {
    }

    public static Decoded of(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
        in.mark(1024);
        byte[] head = in.readNBytes(1024);
        in.reset();
        Charset cs = detect(head);
        if (cs == StandardCharsets.UTF_8) {
            return new Decoded(in, true, cs);
        }
        int bom = cs == StandardCharsets.UTF_16LE && head.length >= 2 && (head[0] & 0xff) == 0xff ? 2
                : cs == StandardCharsets.UTF_16BE && head.length >= 2 && (head[0] & 0xff) == 0xfe ? 2 : 0;
        in.skipNBytes(bom);
        Reader reader = new InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new Decoded(new TranscodingStream(reader), false, cs);
    }

    /** The charset of XML text from its first bytes: BOM, UTF-16 without BOM, or the declaration's encoding. */
    public static Charset detect(byte[] head) {
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        if (b0 == 0xff && b1 == 0xfe || b0 > 0 && b1 == 0) {
            return StandardCharsets.UTF_16LE; // BOM, or ASCII text ('<', '{', ...) in UTF-16LE without one
        }
        if (b0 == 0xfe && b1 == 0xff || b0 == 0 && b1 > 0) {
            return StandardCharsets.UTF_16BE;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int decl = text.indexOf("<?xml");
        if (decl < 0 || decl > 8) {
            return StandardCharsets.UTF_8;
        }
        int end = text.indexOf("?>", decl);
        int enc = text.indexOf("encoding", decl);
        if (end < 0 || enc < 0 || enc > end) {
            return StandardCharsets.UTF_8;
        }
        int q = enc + 8;
        while (q < end && (text.charAt(q) == ' ' || text.charAt(q) == '=')) {
            q++;
        }
        if (q >= end || (text.charAt(q) != '"' && text.charAt(q) != '\'')) {
            return StandardCharsets.UTF_8;
        }
        int close = text.indexOf(text.charAt(q), q + 1);
        if (close < 0 || close > end) {
            return StandardCharsets.UTF_8;
        }
        String name = text.substring(q + 1, close).trim().toLowerCase(Locale.ROOT);
        if (name.equals("utf-8") || name.equals("utf8") || name.equals("us-ascii") || name.equals("ascii")
                || name.startsWith("utf-16")) {
            return StandardCharsets.UTF_8; // a UTF-16 declaration in 8-bit bytes is a mislabelled UTF-8 file
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Chars from a reader, encoded as UTF-8 bytes. */
    private static final class TranscodingStream extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
        private boolean eof;

        TranscodingStream(Reader reader) {
            this.reader = reader;
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!bytes.hasRemaining()) {
                if (eof && chars.position() == 0) {
                    return -1;
                }
                if (!eof) {
                    int n = reader.read(chars);
                    if (n < 0) {
                        eof = true;
                    }
                }
                chars.flip();
                bytes.clear();
                encoder.encode(chars, bytes, eof);
                if (eof && !chars.hasRemaining()) {
                    encoder.flush(bytes);
                }
                chars.compact();
                bytes.flip();
                if (eof && !bytes.hasRemaining() && chars.position() == 0) {
                    return -1;
                }
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
