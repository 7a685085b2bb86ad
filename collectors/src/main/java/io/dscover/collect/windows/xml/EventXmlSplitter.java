package io.dscover.collect.windows.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Finds each {@code <Event>...</Event>} element in a UTF-8 byte stream without parsing the rest:
 * the wrapper ({@code <Events>}, none at all as wevtutil writes it, anything else), the XML
 * declaration, comments, processing instructions and any DOCTYPE are stepped over. Each event is
 * then parsed on its own, so a broken event costs only itself, a DOCTYPE never reaches the parser,
 * and memory is bounded by the largest event (events over the limit are skipped, not buffered).
 *
 * <p>Comments, CDATA sections and quoted attribute values are honoured, so a {@code </Event>}
 * inside them does not end an event. A start tag of another {@code Event} inside an event means
 * the first one was cut short: it is reported as truncated and the new one is read.
 */
final class EventXmlSplitter {

    /** What {@link #next()} found. */
    enum Found { EVENT, TRUNCATED, OVERSIZED, END }

    private static final int BLOCK = 1 << 16;
    /** No element name we care about is longer; longer names are simply not events. */
    private static final int MAX_NAME = 256;

    private final InputStream in;
    private final int maxEventBytes;
    private byte[] buf = new byte[BLOCK];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumedBefore; // input offset of buf[0]
    private long line = 1;

    // the event being captured
    private byte[] event = new byte[8192];
    private int eventLength;
    private boolean capturing;
    private int captureStart; // index in buf where uncopied event bytes begin
    private boolean overflow;
    private long eventLine;
    private long eventOffset;
    private String eventName;

    /** Whether {@link #plainTag} may step over tags; off only to check it against the general path. */
    private final boolean plainTags;

    EventXmlSplitter(InputStream in, int maxEventBytes) {
        this(in, maxEventBytes, true);
    }

    EventXmlSplitter(InputStream in, int maxEventBytes, boolean plainTags) {
        this.in = in;
        this.maxEventBytes = maxEventBytes;
        this.plainTags = plainTags;
    }

    /** The bytes of the event found last (valid until the next call). */
    byte[] eventBytes() {
        return event;
    }

    int eventLength() {
        return eventLength;
    }

    /** 1-based line of the event's {@code <}. */
    long eventLine() {
        return eventLine;
    }

    /** Byte offset of the event's {@code <} in the input. */
    long eventOffset() {
        return eventOffset;
    }

    /** Current line (for problems found outside events). */
    long line() {
        return line;
    }

    /**
     * Advances to the next event. {@code TRUNCATED}: an event without its end (at end of input or
     * because another event began); {@code OVERSIZED}: an event longer than the limit, skipped.
     */
    Found next() throws IOException {
        while (true) {
            if (!ensure(1)) {
                return Found.END;
            }
            byte b = buf[pos];
            if (b == '<') {
                int kind = markupKind();
                if (kind == START_TAG && startsEvent(1)) {
                    beginEvent();
                    return scanEvent();
                }
                skipMarkup(kind);
            } else {
                if (b == '\n') {
                    line++;
                }
                pos++;
            }
        }
    }

    private Found scanEvent() throws IOException {
        if (skipTag()) { // the event's own start tag
            return endEvent(); // <Event/>
        }
        while (true) {
            if (pos >= limit && !ensure(1)) {
                capturing = false;
                return Found.TRUNCATED;
            }
            // text between tags: a tight loop to the next '<', counting lines
            byte[] buf = this.buf;
            int i = pos;
            int end = limit;
            long lines = line;
            while (i < end) {
                byte b = buf[i];
                if (b == '<') {
                    break;
                }
                if (b == '\n') {
                    lines++;
                }
                i++;
            }
            pos = i;
            line = lines;
            if (i == end) {
                continue;
            }
            int fast = plainTags ? plainTag() : TAG_UNDECIDED;
            if (fast == TAG_SKIPPED) {
                continue;
            }
            if (fast == TAG_ENDS_EVENT) {
                return endEvent();
            }
            int kind = markupKind();
            if (kind == START_TAG && startsEvent(1)) {
                // an <Event> inside an event: the one we had was cut short; the next call reads the new one
                finishCapture();
                capturing = false;
                return Found.TRUNCATED;
            }
            if (kind == END_TAG && endsEvent()) {
                skipTag();
                return endEvent();
            }
            skipMarkup(kind);
        }
    }

    private static final int TAG_SKIPPED = 1;
    private static final int TAG_ENDS_EVENT = 2;
    private static final int TAG_UNDECIDED = 0;

    /**
     * At '<' inside an event: the common case of a start or end tag lying wholly in the buffer,
     * decided and stepped over in one pass ({@code TAG_SKIPPED}, or {@code TAG_ENDS_EVENT} past the
     * event's end tag). {@code TAG_UNDECIDED}, with nothing consumed, for everything else (markup
     * other than tags, a tag that may start an event, a tag running past the buffer): the general
     * path decides exactly as before.
     */
    private int plainTag() {
        byte[] buf = this.buf;
        int end = limit;
        int at = pos;
        if (end - at < 2 + MAX_NAME + 1 && !eof) {
            return TAG_UNDECIDED; // the general path first makes the name's bytes available
        }
        if (at + 1 >= end) {
            return TAG_UNDECIDED;
        }
        byte second = buf[at + 1];
        boolean endTag = second == '/';
        if (second == '!' || second == '?') {
            return TAG_UNDECIDED;
        }
        int from = at + (endTag ? 2 : 1);
        int nameEnd = nameEnd(from);
        boolean endsEvent = false;
        if (endTag) {
            endsEvent = nameEnd > 0 && nameEnd - from == eventName.length() && matches(from, eventName);
        } else if (nameEnd > 0 && isEventName(from, nameEnd)) {
            return TAG_UNDECIDED; // an <Event> inside an event: the general path reports the first one cut short
        }
        // step over the tag to its '>' (quoted '>' do not count), counting lines
        int i = at + 1;
        byte quote = 0;
        long lines = line;
        while (i < end) {
            byte b = buf[i++];
            if (b == '\n') {
                lines++;
            }
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                pos = i;
                line = lines;
                return endsEvent ? TAG_ENDS_EVENT : TAG_SKIPPED;
            }
        }
        return TAG_UNDECIDED;
    }

    /** At '<' (or '</' with skip 2): whether the tag's local name is {@code Event}. */
    private boolean startsEvent(int skip) throws IOException {
        ensure(skip + MAX_NAME + 1);
        int from = pos + skip;
        int end = nameEnd(from);
        return end > 0 && isEventName(from, end);
    }

    /** At '</': whether this closes the event being captured (same qualified name). */
    private boolean endsEvent() throws IOException {
        ensure(2 + MAX_NAME + 1);
        int from = pos + 2;
        int end = nameEnd(from);
        return end > 0 && end - from == eventName.length() && matches(from, eventName);
    }

    private void beginEvent() {
        int from = pos + 1;
        int end = nameEnd(from);
        eventName = new String(buf, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
        capturing = true;
        captureStart = pos;
        eventLength = 0;
        overflow = false;
        eventLine = line;
        eventOffset = consumedBefore + pos;
    }

    private Found endEvent() {
        finishCapture();
        capturing = false;
        return overflow ? Found.OVERSIZED : Found.EVENT;
    }

    /** Copies the captured bytes not yet copied (buf[captureStart, pos)) into the event buffer. */
    private void finishCapture() {
        copyCaptured(pos);
    }

    private void copyCaptured(int upTo) {
        int n = upTo - captureStart;
        if (n <= 0) {
            captureStart = upTo;
            return;
        }
        if (!overflow) {
            if (eventLength + n > maxEventBytes) {
                overflow = true;
            } else {
                if (eventLength + n > event.length) {
                    event = Arrays.copyOf(event, Math.min(maxEventBytes, Math.max(event.length * 2, eventLength + n)));
                }
                System.arraycopy(buf, captureStart, event, eventLength, n);
                eventLength += n;
            }
        }
        captureStart = upTo;
    }

    // ---- markup ----

    private static final int START_TAG = 1;
    private static final int END_TAG = 2;
    private static final int COMMENT = 3;
    private static final int CDATA = 4;
    private static final int PI = 5;
    private static final int DECLARATION = 6; // <!DOCTYPE ...>, <!ELEMENT ...>

    /** At a '<': which markup begins here. */
    private int markupKind() throws IOException {
        ensure(9);
        int avail = limit - pos;
        if (avail >= 2 && buf[pos + 1] == '/') {
            return END_TAG;
        }
        if (avail >= 2 && buf[pos + 1] == '?') {
            return PI;
        }
        if (avail >= 4 && buf[pos + 1] == '!' && buf[pos + 2] == '-' && buf[pos + 3] == '-') {
            return COMMENT;
        }
        if (avail >= 9 && buf[pos + 1] == '!' && buf[pos + 2] == '[' && buf[pos + 3] == 'C' && buf[pos + 4] == 'D'
                && buf[pos + 5] == 'A' && buf[pos + 6] == 'T' && buf[pos + 7] == 'A' && buf[pos + 8] == '[') {
            return CDATA;
        }
        if (avail >= 2 && buf[pos + 1] == '!') {
            return DECLARATION;
        }
        return START_TAG;
    }

    private void skipMarkup(int kind) throws IOException {
        switch (kind) {
            case START_TAG, END_TAG -> skipTag();
            case COMMENT -> skipPast("-->", 4);
            case CDATA -> skipPast("]]>", 9);
            case PI -> skipPast("?>", 2);
            default -> skipDeclaration();
        }
    }

    /** Skips a tag from its '<' to its '>' (quoted '>' do not count); true when it ended with "/>". */
    private boolean skipTag() throws IOException {
        pos++;
        byte quote = 0;
        byte prev = 0;
        while (pos < limit || ensure(1)) {
            byte b = buf[pos++];
            if (b == '\n') {
                line++;
            }
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return prev == '/';
            }
            prev = b;
        }
        return false;
    }

    private void skipPast(String terminator, int prefix) throws IOException {
        pos += prefix;
        int matched = 0;
        int n = terminator.length();
        while (ensure(1)) {
            byte b = buf[pos++];
            if (b == '\n') {
                line++;
            }
            if (b == terminator.charAt(matched)) {
                matched++;
                if (matched == n) {
                    return;
                }
            } else {
                matched = b == terminator.charAt(0) ? 1 : 0;
            }
        }
    }

    /** {@code <!DOCTYPE ... [ internal subset ]>}: brackets and quotes honoured. */
    private void skipDeclaration() throws IOException {
        pos += 2;
        int brackets = 0;
        byte quote = 0;
        while (ensure(1)) {
            byte b = buf[pos++];
            if (b == '\n') {
                line++;
            }
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                brackets++;
            } else if (b == ']') {
                brackets = Math.max(0, brackets - 1);
            } else if (b == '>' && brackets == 0) {
                return;
            }
        }
    }

    /** End (exclusive) of the tag name starting at {@code from} within the buffered bytes, or -1. */
    private int nameEnd(int from) {
        int max = Math.min(limit, from + MAX_NAME);
        for (int i = from; i < max; i++) {
            byte b = buf[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '>' || b == '/') {
                return i > from ? i : -1;
            }
        }
        return -1;
    }

    private boolean isEventName(int from, int to) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == ':') {
                start = i + 1;
            }
        }
        return to - start == 5 && buf[start] == 'E' && buf[start + 1] == 'v' && buf[start + 2] == 'e'
                && buf[start + 3] == 'n' && buf[start + 4] == 't';
    }

    private boolean matches(int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (buf[from + i] != (byte) name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes at least {@code n} bytes available from {@code pos} when the input has them. Moves the
     * window, copying pending event bytes out first; indexes into {@code buf} are invalid afterwards
     * except relative to {@code pos}.
     */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return limit - pos > 0 && n <= limit - pos;
            }
            if (capturing) {
                copyCaptured(pos);
                captureStart = 0;
            }
            int keep = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, keep);
                consumedBefore += pos;
                limit = keep;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return true;
    }
}
