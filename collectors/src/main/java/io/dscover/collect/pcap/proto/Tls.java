package io.dscover.collect.pcap.proto;

import io.dscover.model.event.TlsEvent;
import java.util.List;

/**
 * TLS (and SSLv3) handshakes in clear: ClientHello (SNI, ALPN, JA3, JA4), ServerHello (version,
 * cipher, JA3S), the server's first certificate (TLS 1.2 and earlier send it in clear), and whether
 * the handshake completed. Records are parsed per direction; handshake messages may span records
 * and are buffered up to {@link #MAX_HANDSHAKE} bytes. One {@code tls} event per connection.
 */
final class Tls extends Analyzer {

    static final int MAX_HANDSHAKE = 64 * 1024;

    private final Direction client = new Direction(true);
    private final Direction server = new Direction(false);
    private TlsEvent event;
    private ClientHello hello;
    private ClientHello serverHello;
    private boolean clientCcs;
    private boolean serverCcs;
    private boolean clientAppData;
    private boolean serverAppData;
    private boolean certSeen;
    private boolean emitted;

    @Override
    public String name() {
        return "ssl";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        (fromOrig ? client : server).feed(s, b, off, len);
        if (!emitted && serverHello != null && (clientCcs && serverCcs || serverAppData && clientAppData)) {
            event().setTlsEstablished(true);
            emit(s);
        }
    }

    @Override
    public void end(Session s) {
        if (!emitted && (hello != null || serverHello != null)) {
            emit(s);
        }
    }

    private TlsEvent event() {
        return event;
    }

    /** The shared dissector memory is spent: report what is known, or give up on this connection. */
    private void outOfMemory(Session s) {
        if (event != null && !emitted) {
            emit(s);
        } else {
            fail();
        }
    }

    private void emit(Session s) {
        emitted = true;
        if (event.getTlsEstablished() == null) {
            event.setTlsEstablished(false);
        }
        if (serverHello != null && hello != null) {
            boolean resumed = !certSeen && serverHello.sessionId.length > 0
                    && java.util.Arrays.equals(serverHello.sessionId, hello.sessionId);
            event.setTlsResumed(resumed);
        }
        s.emit(event);
        finish();
    }

    private final class Direction {
        final boolean isClient;
        final byte[] header = new byte[5];
        int headerLen;
        int recordType;
        int recordRemaining;
        byte[] hs;
        int hsLen;
        boolean overflow;

        Direction(boolean isClient) {
            this.isClient = isClient;
        }

        void feed(Session s, byte[] b, int off, int len) {
            int p = off;
            int end = off + len;
            while (p < end && !done()) {
                if (recordRemaining == 0) {
                    int n = Math.min(5 - headerLen, end - p);
                    System.arraycopy(b, p, header, headerLen, n);
                    headerLen += n;
                    p += n;
                    if (headerLen < 5) {
                        return;
                    }
                    headerLen = 0;
                    recordType = header[0] & 0xff;
                    int major = header[1] & 0xff;
                    int rl = Bytes.u16(header, 3);
                    if (recordType < 20 || recordType > 24 || major != 3 || rl > 18432 + 2048) {
                        if (event == null) {
                            fail();
                        } else {
                            s.malformed("malformed TLS record", "type " + recordType + " version " + major + " length " + rl);
                            finishQuietly();
                        }
                        return;
                    }
                    recordRemaining = rl;
                    if (rl == 0) {
                        continue;
                    }
                }
                int n = Math.min(recordRemaining, end - p);
                switch (recordType) {
                    case 22 -> {
                        boolean encrypted = isClient ? clientCcs : serverCcs;
                        if (!encrypted) {
                            handshakeBytes(s, b, p, n);
                        }
                    }
                    case 20 -> {
                        if (isClient) {
                            clientCcs = true;
                        } else {
                            serverCcs = true;
                        }
                    }
                    case 23 -> {
                        if (isClient) {
                            clientAppData = true;
                        } else {
                            serverAppData = true;
                        }
                    }
                    default -> {
                    }
                }
                recordRemaining -= n;
                p += n;
            }
        }

        private void finishQuietly() {
            recordRemaining = Integer.MAX_VALUE;
            recordType = 0;
        }

        private void handshakeBytes(Session s, byte[] b, int off, int n) {
            if (n <= 0) {
                return; // a record header at the end of a segment: its body comes with the next one
            }
            int want = Math.min(MAX_HANDSHAKE, hsLen + n);
            int old = hs == null ? 0 : hs.length;
            if (want > old) {
                int size = Math.min(MAX_HANDSHAKE, Math.max(Math.max(512, old * 2), want));
                if (!reserve(s, size - old)) {
                    outOfMemory(s);
                    return;
                }
                hs = hs == null ? new byte[size] : java.util.Arrays.copyOf(hs, size);
            }
            int take = Math.min(n, hs.length - hsLen);
            System.arraycopy(b, off, hs, hsLen, take);
            hsLen += take;
            if (take < n) {
                overflow = true;
            }
            int p = 0;
            while (hsLen - p >= 4 && !done()) {
                int type = hs[p] & 0xff;
                int len = Bytes.u24(hs, p + 1);
                if (p + 4 + len > hsLen) {
                    if (overflow || 4 + len > MAX_HANDSHAKE) {
                        // a message larger than the buffer: read what is there (the first certificate) and stop
                        if (type == 11 && !isClient) {
                            certificate(s, hs, p + 4, hsLen);
                        }
                        hsLen = 0;
                        overflow = false;
                        finishQuietly();
                        p = 0;
                    }
                    break;
                }
                message(s, type, hs, p + 4, p + 4 + len);
                p += 4 + len;
            }
            if (p > 0 && hs != null) {
                System.arraycopy(hs, p, hs, 0, hsLen - p);
                hsLen -= p;
            }
            if (hsLen == 0 && hs != null) {
                // nothing pending: hold no buffer between messages (most connections wait here)
                release(s, hs.length);
                hs = null;
            }
        }

        private void message(Session s, int type, byte[] b, int p, int end) {
            if (type == 1 && isClient && hello == null) {
                ClientHello h = ClientHello.parse(b, p, end, true);
                if (h == null) {
                    s.malformed("malformed TLS ClientHello", "bad lengths");
                    fail();
                    return;
                }
                hello = h;
                s.confirm("ssl");
                event = new TlsEvent();
                s.stampLocation(event);
                event.setTlsVersionProtocol("tls");
                if (h.serverName != null) {
                    event.setTlsClientServerName(h.serverName);
                }
                if (!h.alpn.isEmpty()) {
                    event.setTlsClientAlpn(List.copyOf(h.alpn));
                }
                event.setTlsClientJa3(h.ja3());
                event.setTlsClientJa4(h.ja4('t'));
            } else if (type == 2 && !isClient && serverHello == null) {
                ClientHello h = ClientHello.parse(b, p, end, false);
                if (h == null) {
                    s.malformed("malformed TLS ServerHello", "bad lengths");
                    return;
                }
                serverHello = h;
                if (event == null) {
                    s.confirm("ssl");
                    event = new TlsEvent();
                    s.stampLocation(event);
                }
                int v = h.selectedVersion > 0 ? h.selectedVersion : h.legacyVersion;
                event.setTlsVersion(TlsNames.version(v));
                event.setTlsVersionProtocol(v == 0x0300 || v == 0x0002 ? "ssl" : "tls");
                event.setTlsCipher(TlsNames.cipher(h.ciphers.get(0)));
                if (h.keyShareGroup >= 0) {
                    event.setTlsCurve(TlsNames.group(h.keyShareGroup));
                }
                if (!h.alpn.isEmpty()) {
                    event.setTlsNextProtocol(h.alpn.get(0));
                }
                event.setTlsServerJa3s(h.ja3s());
            } else if (type == 11 && !isClient && !certSeen && event != null) {
                certificate(s, b, p, end);
            } else if (type == 12 && !isClient && event != null && event.getTlsCurve() == null && end - p >= 3
                    && (b[p] & 0xff) == 3) {
                event.setTlsCurve(TlsNames.group(Bytes.u16(b, p + 1)));
            }
        }

        private void certificate(Session s, byte[] b, int p, int end) {
            certSeen = true;
            if (end - p < 6) {
                return;
            }
            int certLen = Bytes.u24(b, p + 3);
            int c = p + 6;
            int available = Math.min(certLen, end - c);
            if (available > 0 && !Certificates.describe(b, c, available, event)) {
                s.malformed("malformed X.509 certificate", "first certificate of " + certLen + " bytes");
            }
        }
    }
}
