package io.dscover.collect.pcap.proto;

import io.dscover.model.event.TlsEvent;
import java.security.GeneralSecurityException;
import java.util.BitSet;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * QUIC (RFC 9000; versions 1, 2 and drafts 29 to 34) and so HTTP/3: the service {@code quic},
 * and the TLS handshake inside. Initial packets are protected with keys anyone can derive from
 * the client's first Destination Connection ID (RFC 9001 section 5.2), so this dissector removes
 * the header protection, opens the AEAD (a packet that does not authenticate is not QUIC and is
 * not read), reassembles the CRYPTO frames of each direction by offset (clients split and shuffle
 * them across packets) and reads the ClientHello (SNI, ALPN, JA3, JA4 with transport {@code q}) and
 * the ServerHello (version, cipher, group, JA3S). One {@code tls} event per connection; the
 * handshake counts as established once both sides send short-header (1-RTT) packets.
 */
final class Quic extends Analyzer {

    /** CRYPTO bytes kept per direction: a ClientHello with a post-quantum key share is under 2 KiB. */
    static final int MAX_CRYPTO = 16 * 1024;
    /** Datagrams per direction read before giving up on a handshake that does not complete. */
    static final int MAX_DATAGRAMS = 32;
    private static final int MAX_CID = 20;

    private final Side client = new Side(true);
    private final Side server = new Side(false);
    private int version;
    private byte[] originalDcid;
    private QuicInitialKeys clientKeys;
    private QuicInitialKeys serverKeys;
    private TlsEvent event;
    private ClientHello hello;
    private ClientHello serverHello;
    private boolean confirmed;
    private boolean emitted;
    private Cipher aes;
    private Cipher gcm;

    @Override
    public String name() {
        return "quic";
    }

    /** Whether a client's first datagram looks like a QUIC Initial: long header, a known version, padded to 1200 bytes. */
    static boolean looksLikeInitial(byte[] b, int off, int len) {
        if (len < 1200 || (b[off] & 0xc0) != 0xc0) {
            return false;
        }
        int v = (int) Bytes.u32(b, off + 1);
        return QuicInitialKeys.known(v) && ((b[off] >> 4) & 3) == QuicInitialKeys.initialType(v);
    }

    @Override
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
        Side side = fromOrig ? client : server;
        if (++side.datagrams > MAX_DATAGRAMS) {
            giveUp(s);
            return;
        }
        int p = off;
        int end = off + len;
        while (p < end && !done()) {
            int first = b[p] & 0xff;
            if ((first & 0x80) == 0) {
                // a short header: 1-RTT data, so this side has finished its handshake
                side.shortHeader = true;
                if (client.shortHeader && server.shortHeader && hello != null) {
                    emit(s, true);
                }
                return;
            }
            int next = longHeaderPacket(s, side, b, p, end);
            if (next <= p) {
                return;
            }
            p = next;
        }
    }

    /** One long-header packet at {@code p}; returns where the next coalesced packet starts (or {@code p} to stop). */
    private int longHeaderPacket(Session s, Side side, byte[] b, int p, int end) {
        if (end - p < 7) {
            return p;
        }
        int first = b[p] & 0xff;
        int v = (int) Bytes.u32(b, p + 1);
        if (v == 0 || !QuicInitialKeys.known(v)) {
            return p; // version negotiation, or a version whose keys we do not know
        }
        int q = p + 5;
        int dcidLen = b[q] & 0xff;
        if (dcidLen > MAX_CID || q + 1 + dcidLen >= end) {
            return p;
        }
        int dcid = q + 1;
        q = dcid + dcidLen;
        int scidLen = b[q] & 0xff;
        if (scidLen > MAX_CID || q + 1 + scidLen > end) {
            return p;
        }
        q += 1 + scidLen;
        int type = (first >> 4) & 3;
        if (type == QuicInitialKeys.retryType(v)) {
            if (!side.isClient) {
                // the client starts over with the connection ID the server gave: new Initial keys
                originalDcid = null;
                clientKeys = null;
                serverKeys = null;
            }
            return end;
        }
        boolean initial = type == QuicInitialKeys.initialType(v);
        if (initial) {
            long tokenLen = varint(b, q, end);
            if (tokenLen < 0) {
                return p;
            }
            q += varintSize(b[q]);
            if (tokenLen > end - q) {
                return p;
            }
            q += (int) tokenLen;
        }
        long length = varint(b, q, end);
        if (length < 0) {
            return p;
        }
        q += varintSize(b[q]);
        if (length > end - q) {
            return p;
        }
        int packetEnd = q + (int) length;
        if (initial) {
            if (side.isClient && originalDcid == null) {
                version = v;
                originalDcid = java.util.Arrays.copyOfRange(b, dcid, dcid + dcidLen);
                clientKeys = QuicInitialKeys.derive(v, originalDcid, true);
                serverKeys = QuicInitialKeys.derive(v, originalDcid, false);
            }
            if (clientKeys != null && v == version) {
                initialPacket(s, side, b, p, q, packetEnd);
            }
        }
        return packetEnd;
    }

    /** Removes header protection, opens the payload and reads its frames. */
    private void initialPacket(Session s, Side side, byte[] b, int start, int pnOffset, int end) {
        QuicInitialKeys keys = side.isClient ? clientKeys : serverKeys;
        if (end - pnOffset < 4 + 16) {
            return;
        }
        byte[] payload;
        try {
            if (aes == null) {
                aes = Cipher.getInstance("AES/ECB/NoPadding");
                gcm = Cipher.getInstance("AES/GCM/NoPadding");
            }
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.hp(), "AES"));
            byte[] mask = aes.doFinal(b, pnOffset + 4, 16);
            int headerLen = pnOffset - start;
            byte[] header = new byte[headerLen + 4];
            System.arraycopy(b, start, header, 0, headerLen);
            header[0] ^= (byte) (mask[0] & 0x0f);
            int pnLen = (header[0] & 3) + 1;
            long truncated = 0;
            for (int i = 0; i < pnLen; i++) {
                header[headerLen + i] = (byte) (b[pnOffset + i] ^ mask[1 + i]);
                truncated = (truncated << 8) | (header[headerLen + i] & 0xff);
            }
            long pn = decodePacketNumber(side.largestPn, truncated, pnLen * 8);
            byte[] nonce = keys.iv().clone();
            for (int i = 0; i < 8; i++) {
                nonce[nonce.length - 1 - i] ^= (byte) (pn >>> (8 * i));
            }
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.key(), "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(header, 0, headerLen + pnLen);
            payload = gcm.doFinal(b, pnOffset + pnLen, end - pnOffset - pnLen);
            side.largestPn = Math.max(side.largestPn, pn);
        } catch (AEADBadTagException e) {
            // not protected with this connection's Initial keys: not QUIC, or not the packet we think
            if (!confirmed && ++side.undecryptable >= 3) {
                fail();
            }
            return;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM", e);
        }
        if (!confirmed) {
            confirmed = true;
            s.confirm("quic");
        }
        frames(s, side, payload);
    }

    /** The frames of an Initial packet: CRYPTO data is kept by offset, the rest is skipped. */
    private void frames(Session s, Side side, byte[] f) {
        int p = 0;
        while (p < f.length && !done()) {
            int type = f[p] & 0xff;
            p++;
            switch (type) {
                case 0x00, 0x01 -> {
                    // PADDING, PING
                }
                case 0x02, 0x03 -> { // ACK
                    int count = 4;
                    long[] v = new long[1];
                    for (int i = 0; i < 4 && p >= 0; i++) {
                        p = read(f, p, v);
                        if (i == 2) {
                            count = 4 + (int) Math.min(v[0], 1024) * 2 + (type == 0x03 ? 3 : 0);
                        }
                    }
                    for (int i = 4; i < count && p >= 0; i++) {
                        p = read(f, p, v);
                    }
                    if (p < 0) {
                        return;
                    }
                }
                case 0x06 -> { // CRYPTO
                    long[] v = new long[1];
                    p = read(f, p, v);
                    long offset = v[0];
                    p = p < 0 ? p : read(f, p, v);
                    long length = v[0];
                    if (p < 0 || length > f.length - p) {
                        s.malformed("malformed QUIC Initial", "CRYPTO frame overruns the packet");
                        return;
                    }
                    side.crypto(s, f, p, offset, (int) length);
                    p += (int) length;
                }
                case 0x1c, 0x1d -> { // CONNECTION_CLOSE: nothing more in this packet is useful
                    return;
                }
                default -> {
                    return; // not allowed in an Initial packet
                }
            }
        }
    }

    private void handshake(Session s, Side side, byte[] m, int len) {
        int type = m[0] & 0xff;
        int end = Math.min(len, 4 + Bytes.u24(m, 1));
        if (side.isClient && type == 1 && hello == null) {
            ClientHello h = ClientHello.parse(m, 4, end, true);
            if (h == null) {
                s.malformed("malformed QUIC ClientHello", "bad lengths");
                return;
            }
            hello = h;
            s.confirm("ssl");
            TlsEvent e = event(s);
            e.setTlsVersionProtocol("tls");
            if (h.serverName != null) {
                e.setTlsClientServerName(h.serverName);
            }
            if (!h.alpn.isEmpty()) {
                e.setTlsClientAlpn(List.copyOf(h.alpn));
            }
            e.setTlsClientJa3(h.ja3());
            e.setTlsClientJa4(h.ja4('q'));
        } else if (!side.isClient && type == 2 && serverHello == null) {
            ClientHello h = ClientHello.parse(m, 4, end, false);
            if (h == null) {
                s.malformed("malformed QUIC ServerHello", "bad lengths");
                return;
            }
            serverHello = h;
            TlsEvent e = event(s);
            int v = h.selectedVersion > 0 ? h.selectedVersion : h.legacyVersion;
            e.setTlsVersion(TlsNames.version(v));
            if (!h.ciphers.isEmpty()) {
                e.setTlsCipher(TlsNames.cipher(h.ciphers.get(0)));
            }
            if (h.keyShareGroup >= 0) {
                e.setTlsCurve(TlsNames.group(h.keyShareGroup));
            }
            if (!h.alpn.isEmpty()) {
                e.setTlsNextProtocol(h.alpn.get(0));
            }
            e.setTlsServerJa3s(h.ja3s());
        }
    }

    private TlsEvent event(Session s) {
        if (event == null) {
            event = new TlsEvent();
            s.stampLocation(event);
        }
        return event;
    }

    private void emit(Session s, boolean established) {
        if (emitted || event == null) {
            return;
        }
        emitted = true;
        event.setTlsEstablished(established);
        event.setTlsResumed(false);
        s.emit(event);
        finish();
    }

    private void giveUp(Session s) {
        if (event != null) {
            emit(s, client.shortHeader && server.shortHeader);
        } else if (confirmed) {
            finish();
        } else {
            fail();
        }
    }

    @Override
    public void end(Session s) {
        if (!emitted && event != null) {
            emit(s, client.shortHeader && server.shortHeader);
        }
    }

    // ------------------------------------------------------------------ variable-length integers (RFC 9000 16)

    static int varintSize(byte first) {
        return 1 << ((first & 0xff) >> 6);
    }

    /** The variable-length integer at {@code p}, or -1 when it runs past {@code end}. */
    static long varint(byte[] b, int p, int end) {
        if (p >= end) {
            return -1;
        }
        int n = varintSize(b[p]);
        if (p + n > end) {
            return -1;
        }
        long v = b[p] & 0x3f;
        for (int i = 1; i < n; i++) {
            v = (v << 8) | (b[p + i] & 0xff);
        }
        return v;
    }

    /** Reads a varint into {@code out[0]}; returns the position after it, or -1. */
    private static int read(byte[] f, int p, long[] out) {
        long v = varint(f, p, f.length);
        if (v < 0) {
            return -1;
        }
        out[0] = v;
        return p + varintSize(f[p]);
    }

    /** RFC 9000 appendix A.3: the full packet number closest to the one expected next. */
    static long decodePacketNumber(long largest, long truncated, int bits) {
        long expected = largest + 1;
        long win = 1L << bits;
        long half = win / 2;
        long candidate = (expected & ~(win - 1)) | truncated;
        if (candidate <= expected - half && candidate < (1L << 62) - win) {
            return candidate + win;
        }
        if (candidate > expected + half && candidate >= win) {
            return candidate - win;
        }
        return candidate;
    }

    /** One direction: its CRYPTO stream, reassembled from frames at any offset. */
    private final class Side {
        final boolean isClient;
        int datagrams;
        int undecryptable;
        long largestPn = -1;
        boolean shortHeader;
        byte[] crypto;
        BitSet filled;
        boolean read;

        Side(boolean isClient) {
            this.isClient = isClient;
        }

        void crypto(Session s, byte[] f, int p, long offset, int length) {
            if (read || length == 0 || offset >= MAX_CRYPTO) {
                return;
            }
            int n = (int) Math.min(length, MAX_CRYPTO - offset);
            if (crypto == null) {
                if (!reserve(s, MAX_CRYPTO + MAX_CRYPTO / 8)) {
                    read = true;
                    return;
                }
                crypto = new byte[MAX_CRYPTO];
                filled = new BitSet(MAX_CRYPTO);
            }
            System.arraycopy(f, p, crypto, (int) offset, n);
            filled.set((int) offset, (int) offset + n);
            int have = filled.nextClearBit(0);
            if (have >= 4 && have >= 4 + Bytes.u24(crypto, 1)) {
                read = true;
                handshake(s, this, crypto, have);
                crypto = null;
                filled = null;
                release(s, MAX_CRYPTO + MAX_CRYPTO / 8);
                if (hello != null && serverHello != null && client.shortHeader && server.shortHeader) {
                    emit(s, true);
                }
            }
        }
    }
}
