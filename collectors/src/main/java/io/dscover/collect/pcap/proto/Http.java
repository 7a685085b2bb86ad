package io.dscover.collect.pcap.proto;

import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NtlmEvent;
import java.util.ArrayDeque;

/**
 * HTTP/1.x over a reassembled TCP stream: request and status lines, headers (lines capped at
 * {@link #MAX_LINE} bytes, at most {@link #MAX_HEADERS} per message), bodies skipped by
 * Content-Length, chunked coding or connection close and counted, never kept. One {@code http}
 * event per request/response pair, emitted when the response ends (Zeek's http.log record).
 */
final class Http extends Analyzer {

    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 128;
    static final int MAX_PENDING = 32;
    private static final int MAX_FIELD = 2048;

    private final Side request = new Side(true);
    private final Side response = new Side(false);
    private final ArrayDeque<HttpEvent> pending = new ArrayDeque<>();
    private final ArrayDeque<Boolean> pendingHead = new ArrayDeque<>();
    /** NTLM AUTHENTICATE messages sent in Authorization headers, by the request that carried them. */
    private final java.util.Map<HttpEvent, NtlmEvent> ntlm = new java.util.IdentityHashMap<>();
    private HttpEvent current;
    private int depth;
    private boolean http09;

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (s.partial()) {
            // as Zeek's HTTP analyzer: a connection picked up mid-stream has no message boundaries to trust
            fail();
            return;
        }
        (fromOrig ? request : response).feed(s, b, off, len);
    }

    @Override
    public void gap(Session s, boolean fromOrig, long len) {
        Side side = fromOrig ? request : response;
        if (side.state == Side.BODY_LENGTH && side.remaining >= len) {
            side.remaining -= len;
            side.bodyBytes += len;
            if (side.remaining == 0) {
                side.bodyDone(s);
            }
            return;
        }
        if (side.state == Side.BODY_CLOSE) {
            side.bodyBytes += len;
            return;
        }
        side.state = Side.LOST;
    }

    @Override
    public void end(Session s) {
        if (response.state == Side.BODY_CLOSE || response.state == Side.BODY_LENGTH || response.state == Side.BODY_CHUNKED) {
            response.bodyDone(s);
        }
        request.closeDecoder(s);
        response.closeDecoder(s);
        if (current != null) {
            s.emit(current);
            current = null;
        }
        flushPending(s);
    }

    /** Emits every request still waiting for its response (and its NTLM logon, outcome unknown). */
    private void flushPending(Session s) {
        while (!pending.isEmpty()) {
            HttpEvent e = takePending(s);
            s.emit(e);
            NtlmEvent n = ntlm.remove(e);
            if (n != null) {
                s.emit(n);
            }
        }
    }

    /** The oldest request waiting for its response; its share of the dissector memory is given back. */
    private HttpEvent takePending(Session s) {
        HttpEvent e = pending.poll();
        pendingHead.poll();
        if (e != null) {
            release(s, HELD_MESSAGE);
        }
        return e;
    }

    /** The response to {@code request} came with {@code status}: an NTLM logon it carried has its outcome. */
    private void ntlmOutcome(Session s, HttpEvent request, int status) {
        NtlmEvent n = ntlm.remove(request);
        if (n != null) {
            n.setNtlmSuccess(status != 401 && status != 403);
            n.setNtlmStatus(String.valueOf(status));
            s.emit(n);
        }
    }

    private final class Side {
        static final int START = 0;
        static final int HEADERS = 1;
        static final int BODY_LENGTH = 2;
        static final int BODY_CHUNKED = 3;
        static final int CHUNK_SIZE = 4;
        static final int CHUNK_DATA_END = 5;
        static final int BODY_CLOSE = 6;
        static final int TRAILER = 7;
        static final int LOST = 8;

        final boolean isRequest;
        final LineAssembler lines = new LineAssembler(MAX_LINE);
        int state = START;
        long remaining;
        long bodyBytes;
        int headers;
        long contentLength;
        boolean chunked;
        boolean noBody;
        int status;
        String contentEncoding;
        ContentDecoder decoder;

        Side(boolean isRequest) {
            this.isRequest = isRequest;
        }

        void feed(Session s, byte[] b, int off, int len) {
            int p = off;
            int end = off + len;
            if (!isRequest && http09 && state == START && !lines.pending() && !Bytes.startsWith(b, off, len, "HTTP/")) {
                // HTTP/0.9: no status line, the whole response is the body
                current = takePending(s);
                if (current != null) {
                    ntlmOutcome(s, current, 0);
                    current.setHttpResponseStatusCode(0L);
                }
                state = BODY_CLOSE;
                bodyBytes = 0;
            }
            while (p < end && !failed()) {
                switch (state) {
                    case BODY_LENGTH -> {
                        int n = (int) Math.min(remaining, end - p);
                        remaining -= n;
                        bodyBytes += n;
                        decode(b, p, n);
                        p += n;
                        if (remaining == 0) {
                            bodyDone(s);
                        }
                    }
                    case BODY_CHUNKED -> {
                        int n = (int) Math.min(remaining, end - p);
                        remaining -= n;
                        bodyBytes += n;
                        decode(b, p, n);
                        p += n;
                        if (remaining == 0) {
                            state = CHUNK_DATA_END;
                        }
                    }
                    case BODY_CLOSE -> {
                        bodyBytes += end - p;
                        decode(b, p, end - p);
                        p = end;
                    }
                    case LOST -> p = end;
                    default -> p += lines.feed(Http.this, s, b, p, end - p, (lb, lo, ll, t) -> line(s, lb, lo, ll, t));
                }
            }
        }

        private void decode(byte[] b, int off, int n) {
            if (decoder != null) {
                decoder.feed(b, off, n);
            }
        }

        /** Body size as Zeek reports it: after content decoding when the coding could be decoded. */
        private long bodySize(Session s) {
            if (decoder != null) {
                long d = decoder.decoded();
                closeDecoder(s);
                if (d >= 0) {
                    return d;
                }
            }
            return bodyBytes;
        }

        void closeDecoder(Session s) {
            if (decoder != null) {
                decoder.close();
                decoder = null;
                release(s, ContentDecoder.MEMORY);
            }
        }

        boolean line(Session s, byte[] b, int off, int len, boolean truncated) {
            switch (state) {
                case START -> {
                    if (len == 0) {
                        return true; // tolerated blank lines between messages
                    }
                            if (isRequest ? !requestLine(s, b, off, len) : !statusLine(s, b, off, len)) {
                        fail();
                        return false;
                    }
                    s.confirm("http");
                    state = HEADERS;
                    headers = 0;
                    contentLength = -1;
                    chunked = false;
                    bodyBytes = 0;
                    contentEncoding = null;
                    return true;
                }
                case HEADERS -> {
                    if (len == 0) {
                        headersDone(s);
                        return state != BODY_LENGTH && state != BODY_CLOSE;
                    }
                    if (truncated) {
                        s.malformed("HTTP header line too long", "over " + MAX_LINE + " bytes");
                    }
                    if (++headers <= MAX_HEADERS) {
                        header(s, b, off, len);
                    }
                    return true;
                }
                case CHUNK_SIZE -> {
                    long size = 0;
                    int digits = 0;
                    for (int i = off; i < off + len; i++) {
                        int d = Character.digit(b[i], 16);
                        if (d < 0) {
                            break;
                        }
                        if (++digits > 15) {
                            s.malformed("HTTP chunk size too large", Bytes.latin1(b, off, Math.min(len, 32)));
                            state = LOST;
                            return false;
                        }
                        size = size * 16 + d;
                    }
                    if (digits == 0) {
                        s.malformed("bad HTTP chunk size", Bytes.latin1(b, off, Math.min(len, 32)));
                        state = LOST;
                        return false;
                    }
                    if (size == 0) {
                        state = TRAILER;
                    } else {
                        remaining = size;
                        state = BODY_CHUNKED;
                        return false;
                    }
                    return true;
                }
                case CHUNK_DATA_END -> {
                    state = CHUNK_SIZE;
                    return true;
                }
                case TRAILER -> {
                    if (len == 0) {
                        bodyDone(s);
                        return false;
                    }
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        private boolean requestLine(Session s, byte[] b, int off, int len) {
            int sp1 = indexOf(b, off, len, ' ');
            if (sp1 <= 0 || sp1 > 20) {
                return false;
            }
            for (int i = off; i < off + sp1; i++) {
                int c = b[i] & 0xff;
                if (c < 'A' || c > 'Z') {
                    if (c != '-' && c != '_') {
                        return false;
                    }
                }
            }
            int rest = off + sp1 + 1;
            int restLen = len - sp1 - 1;
            int sp2 = lastIndexOf(b, rest, restLen, ' ');
            String uri;
            String version = null;
            if (sp2 >= 0 && Bytes.startsWith(b, rest + sp2 + 1, restLen - sp2 - 1, "HTTP/")) {
                uri = Bytes.latin1(b, rest, Math.min(sp2, MAX_FIELD));
                version = Bytes.latin1(b, rest + sp2 + 6, Math.min(8, restLen - sp2 - 6));
            } else {
                uri = Bytes.latin1(b, rest, Math.min(restLen, MAX_FIELD));
                version = "0.9"; // a request line without a version: the response is a bare body
                http09 = true;
            }
            HttpEvent e = new HttpEvent();
            s.stampLocation(e);
            String method = Bytes.latin1(b, off, sp1);
            e.setHttpRequestMethod(method);
            e.setUrlOriginal(uri);
            if (version != null) {
                e.setHttpVersion(version);
            }
            e.setHttpTransDepth((long) ++depth);
            if (pending.size() >= MAX_PENDING) {
                HttpEvent old = takePending(s);
                s.emit(old);
                ntlmOutcome(s, old, 0);
            }
            if (!reserve(s, HELD_MESSAGE)) {
                // no memory to hold requests for their responses: report what there is and stop
                s.emit(e);
                flushPending(s);
                finish();
                return false;
            }
            pending.add(e);
            pendingHead.add(method.equals("HEAD"));
            noBody = false;
            return true;
        }

        private boolean statusLine(Session s, byte[] b, int off, int len) {
            if (!Bytes.startsWith(b, off, len, "HTTP/") || len < 12) {
                return false;
            }
            int sp = indexOf(b, off, len, ' ');
            if (sp < 0 || sp + 4 > len) {
                return false;
            }
            int code = 0;
            for (int i = 1; i <= 3; i++) {
                int d = b[off + sp + i] - '0';
                if (d < 0 || d > 9) {
                    return false;
                }
                code = code * 10 + d;
            }
            status = code;
            if (code >= 100 && code < 200) {
                noBody = true;
                return true; // informational: the final response follows
            }
            boolean head = Boolean.TRUE.equals(pendingHead.peek());
            HttpEvent e = takePending(s);
            if (e != null) {
                ntlmOutcome(s, e, code);
            }
            if (e == null) {
                e = new HttpEvent();
                s.stampLocation(e);
                e.setHttpTransDepth((long) ++depth);
            }
            if (current != null) {
                s.emit(current);
            }
            current = e;
            e.setHttpResponseStatusCode((long) code);
            if (sp + 5 <= len) {
                e.setHttpResponseStatusPhrase(Bytes.latin1(b, off + sp + 5, Math.min(len - sp - 5, 256)));
            }
            e.setHttpVersion(Bytes.latin1(b, off + 5, Math.max(0, Math.min(sp - 5, 8))));
            noBody = head || code == 204 || code == 304;
            return true;
        }

        private void header(Session s, byte[] b, int off, int len) {
            int colon = indexOf(b, off, len, ':');
            if (colon <= 0) {
                return;
            }
            int v = off + colon + 1;
            int vend = off + len;
            while (v < vend && (b[v] == ' ' || b[v] == '\t')) {
                v++;
            }
            while (vend > v && (b[vend - 1] == ' ' || b[vend - 1] == '\t')) {
                vend--;
            }
            String value = Bytes.latin1(b, v, Math.min(vend - v, MAX_FIELD));
            HttpEvent e = isRequest ? pending.peekLast() : current;
            if (Bytes.startsWithIgnoreCase(b, off, colon, "content-length") && colon == 14) {
                try {
                    contentLength = Long.parseLong(value.trim());
                } catch (NumberFormatException ex) {
                    contentLength = -1;
                }
            } else if (Bytes.startsWithIgnoreCase(b, off, colon, "content-encoding") && colon == 16) {
                contentEncoding = value.trim().toLowerCase(java.util.Locale.ROOT);
            } else if (Bytes.startsWithIgnoreCase(b, off, colon, "transfer-encoding") && colon == 17) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (e != null) {
                if (colon == 13 && isRequest && Bytes.startsWithIgnoreCase(b, off, 13, "authorization")) {
                    authorization(s, e, b, v, vend);
                } else if (colon == 4 && Bytes.startsWithIgnoreCase(b, off, 4, "host") && isRequest) {
                    int c = value.lastIndexOf(':');
                    e.setUrlDomain(c > 0 && value.indexOf(']') < c ? value.substring(0, c) : value);
                } else if (colon == 10 && Bytes.startsWithIgnoreCase(b, off, 10, "user-agent") && isRequest) {
                    e.setUserAgentOriginal(value);
                } else if (colon == 7 && Bytes.startsWithIgnoreCase(b, off, 7, "referer") && isRequest) {
                    e.setHttpRequestReferrer(value);
                } else if (colon == 12 && Bytes.startsWithIgnoreCase(b, off, 12, "content-type")) {
                    int semi = value.indexOf(';');
                    String mime = (semi >= 0 ? value.substring(0, semi) : value).trim();
                    if (isRequest) {
                        e.setHttpRequestMimeType(mime);
                    } else {
                        e.setHttpResponseMimeType(mime);
                    }
                }
            }
        }

        private boolean headersDone(Session s) {
            closeDecoder(s);
            if (contentEncoding != null && (contentEncoding.equals("gzip") || contentEncoding.equals("x-gzip")
                    || contentEncoding.equals("deflate"))) {
                if (reserve(s, ContentDecoder.MEMORY)) {
                    decoder = new ContentDecoder(!contentEncoding.equals("deflate"));
                }
            }
            if (!isRequest && status >= 100 && status < 200) {
                state = START;
                return true;
            }
            if (!isRequest && noBody) {
                bodyDone(s);
                return true;
            }
            if (chunked) {
                state = CHUNK_SIZE;
            } else if (contentLength > 0) {
                state = BODY_LENGTH;
                remaining = contentLength;
            } else if (contentLength == 0 || isRequest) {
                bodyDone(s);
            } else {
                state = BODY_CLOSE;
            }
            return true;
        }

        void bodyDone(Session s) {
            if (isRequest) {
                HttpEvent e = pending.peekLast();
                long size = bodySize(s);
                if (e != null) {
                    e.setHttpRequestBodyBytes(size);
                }
            } else if (current != null) {
                current.setHttpResponseBodyBytes(bodySize(s));
                if (current.getHttpRequestBodyBytes() == null) {
                    current.setHttpRequestBodyBytes(0L);
                }
                s.emit(current);
                current = null;
            }
            state = START;
            bodyBytes = 0;
        }
    }

    /**
     * An {@code Authorization: NTLM} (or {@code Negotiate} wrapping NTLMSSP) header: the
     * AUTHENTICATE message names the user, domain and workstation; the response's status gives the outcome.
     */
    private void authorization(Session s, HttpEvent request, byte[] b, int v, int vend) {
        int p = v;
        if (Bytes.startsWithIgnoreCase(b, p, vend - p, "NTLM ")) {
            p += 5;
        } else if (Bytes.startsWithIgnoreCase(b, p, vend - p, "Negotiate ")) {
            p += 10;
        } else {
            return;
        }
        byte[] token;
        try {
            token = java.util.Base64.getMimeDecoder().decode(Bytes.latin1(b, p, vend - p).trim());
        } catch (IllegalArgumentException ex) {
            s.malformed("malformed HTTP Authorization header", "token is not base64");
            return;
        }
        NtlmEvent n = Ntlm.authenticate(token, 0, token.length);
        if (n != null && ntlm.size() < MAX_PENDING) {
            s.stampLocation(n);
            ntlm.put(request, n);
        }
    }

    private static int indexOf(byte[] b, int off, int len, char c) {
        for (int i = 0; i < len; i++) {
            if (b[off + i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, int off, int len, char c) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[off + i] == c) {
                return i;
            }
        }
        return -1;
    }
}
