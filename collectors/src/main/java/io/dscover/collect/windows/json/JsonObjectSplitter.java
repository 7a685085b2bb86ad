package io.dscover.collect.windows.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Finds the top-level JSON objects in a byte stream without parsing them: JSON Lines, objects
 * pretty-printed over many lines, the elements of a top-level array, and evtx_dump's output with a
 * {@code Record N} line before each object. Each object is then parsed on its own, so a malformed
 * one costs only itself. An object is cut short when a raw line break appears inside a string (JSON
 * forbids it) or a {@code {} starts a line while an object is still open, which is how a truncated
 * line shows in JSON Lines; reading resumes there. Memory is bounded by the largest object kept.
 */
final class JsonObjectSplitter {

    enum Found { OBJECT, TRUNCATED, OVERSIZED, GARBAGE, END }

    private final InputStream in;
    private final int maxObjectBytes;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumedBefore;
    private long line = 1;
    private boolean atLineStart = true;

    private byte[] object = new byte[8192];
    private int objectLength;
    private boolean capturing;
    private int captureStart;
    private boolean overflow;
    private long objectLine;
    private long objectOffset;

    JsonObjectSplitter(InputStream in, int maxObjectBytes) {
        this.in = in;
        this.maxObjectBytes = maxObjectBytes;
    }

    byte[] objectBytes() {
        return object;
    }

    int objectLength() {
        return objectLength;
    }

    /** Line of the object's {@code {} (or of the garbage found). */
    long objectLine() {
        return objectLine;
    }

    long objectOffset() {
        return objectOffset;
    }

    /**
     * The next object. {@code GARBAGE}: a run of lines that are not JSON (reported once, at its
     * first line); {@code TRUNCATED}: an object cut short; {@code OVERSIZED}: an object over the
     * limit, skipped unbuffered.
     */
    Found next() throws IOException {
        while (true) {
            if (!ensure(1)) {
                return Found.END;
            }
            byte b = buf[pos];
            if (b == '{') {
                return scanObject();
            }
            if (b == '\n') {
                line++;
                pos++;
                atLineStart = true;
            } else if (b == ' ' || b == '\t' || b == '\r' || b == ',' || b == '[' || b == ']') {
                pos++;
            } else if (atLineStart && isRecordSeparatorLine()) {
                skipLine();
            } else {
                objectLine = line;
                skipLine();
                skipGarbageLines();
                return Found.GARBAGE;
            }
        }
    }

    /** Skips further lines that do not start (after blanks) with JSON or a record separator. */
    private void skipGarbageLines() throws IOException {
        while (ensure(1)) {
            int i = pos;
            while (true) {
                if (i >= limit) {
                    int rel = i - pos;
                    if (!ensure(rel + 1)) {
                        return;
                    }
                    i = pos + rel;
                }
                byte c = buf[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                    continue;
                }
                if (c == '{' || c == '[' || c == ']' || c == '\n' || c == 'R') {
                    return; // JSON again, a blank line, or possibly a record separator: let next() decide
                }
                break;
            }
            skipLine();
        }
    }

    /** evtx_dump's {@code Record 12} line between objects. */
    private boolean isRecordSeparatorLine() throws IOException {
        ensure(32);
        int i = pos;
        String word = "Record ";
        for (int k = 0; k < word.length(); k++) {
            if (i >= limit || buf[i++] != word.charAt(k)) {
                return false;
            }
        }
        int digits = 0;
        while (i < limit && buf[i] >= '0' && buf[i] <= '9') {
            i++;
            digits++;
        }
        while (i < limit && (buf[i] == '\r' || buf[i] == ' ')) {
            i++;
        }
        return digits > 0 && (i >= limit || buf[i] == '\n');
    }

    private void skipLine() throws IOException {
        while (ensure(1)) {
            byte b = buf[pos++];
            if (b == '\n') {
                line++;
                atLineStart = true;
                return;
            }
        }
    }

    private Found scanObject() throws IOException {
        capturing = true;
        captureStart = pos;
        objectLength = 0;
        overflow = false;
        objectLine = line;
        objectOffset = consumedBefore + pos;
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        boolean lineStart = false;
        while (true) {
            if (pos >= limit && !ensure(1)) {
                capturing = false;
                return Found.TRUNCATED;
            }
            byte b = buf[pos];
            if (inString) {
                // the common case: plain string bytes, skipped in a tight loop
                if (!escape) {
                    int i = pos;
                    int end = limit;
                    while (i < end) {
                        byte c = buf[i];
                        if (c == '"' || c == '\\' || c == '\n') {
                            break;
                        }
                        i++;
                    }
                    pos = i;
                    if (i == end) {
                        continue;
                    }
                    b = buf[i];
                }
                if (b == '\n') {
                    // a raw line break cannot be inside a JSON string: the object was cut here
                    finishCapture();
                    capturing = false;
                    return Found.TRUNCATED;
                }
                pos++;
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (b == '{' && lineStart && depth > 0) {
                finishCapture();
                capturing = false;
                return Found.TRUNCATED; // the next object starts on this line: leave it for the next call
            }
            pos++;
            lineStart = false;
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth == 0) {
                        finishCapture();
                        capturing = false;
                        atLineStart = false;
                        return overflow ? Found.OVERSIZED : Found.OBJECT;
                    }
                }
                case '\n' -> {
                    line++;
                    lineStart = true;
                }
                default -> {
                    // scalars, punctuation and whitespace need no tracking
                }
            }
        }
    }

    private void finishCapture() {
        copyCaptured(pos);
    }

    private void copyCaptured(int upTo) {
        int n = upTo - captureStart;
        if (n > 0 && !overflow) {
            if (objectLength + n > maxObjectBytes) {
                overflow = true;
            } else {
                if (objectLength + n > object.length) {
                    object = Arrays.copyOf(object, Math.min(maxObjectBytes, Math.max(object.length * 2, objectLength + n)));
                }
                System.arraycopy(buf, captureStart, object, objectLength, n);
                objectLength += n;
            }
        }
        captureStart = upTo;
    }

    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
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
