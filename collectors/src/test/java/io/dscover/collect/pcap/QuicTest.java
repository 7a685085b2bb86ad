package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.TlsEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * QUIC: Initial packets are read with keys derived from the client's Destination Connection ID
 * (RFC 9001 section 5.2). The first test reads the protected packet RFC 9001 publishes (Appendix
 * A.2); the others are made here the way a client and server make them, with the JDK's AES-GCM:
 * a ClientHello cut into shuffled CRYPTO frames over two Initials, the ServerHello, then 1-RTT
 * packets both ways.
 */
class QuicTest {

    static final byte[] RFC_DCID = HexFormat.of().parseHex("8394c8f03e515708");

    static byte[] rfcClientInitial() throws IOException {
        try (InputStream in = QuicTest.class.getResourceAsStream("rfc9001-a2-client-initial.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.replace(" ", "").trim());
                }
            }
            return HexFormat.of().parseHex(hex);
        }
    }

    static byte[] udp(boolean fromClient, int port, byte[] payload) {
        return Captures.ethernet(Captures.ipv4(fromClient ? PcapCollectorTest.CLIENT : PcapCollectorTest.SERVER,
                fromClient ? PcapCollectorTest.SERVER : PcapCollectorTest.CLIENT, 17,
                Captures.udp(fromClient ? 50000 : port, fromClient ? port : 50000, payload)));
    }

    @Test
    void theClientInitialOfRfc9001AppendixA2NamesExampleCom() throws IOException {
        Captures c = new Captures().add(1_000_000, udp(true, 443, rfcClientInitial()));
        List<NetworkEvent> events = PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), new InputLedger("t"));
        TlsEvent tls = PcapCollectorTest.only(events, TlsEvent.class).get(0);
        assertThat(tls.getTlsClientServerName()).isEqualTo("example.com");
        assertThat(tls.getTlsClientAlpn()).containsExactly("alpn");
        assertThat(tls.getTlsClientJa4()).startsWith("q13d");
        assertThat(tls.getTlsEstablished()).isFalse();
        assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isEqualTo("quic,ssl");
    }

    @Test
    void aWholeHandshakeGivesSniAlpnTheServersChoicesAndEstablishedOnAnyPort() throws Exception {
        for (int version : new int[] {1, 0x6b3343cf}) {
            for (int port : new int[] {443, 8443}) {
                List<NetworkEvent> events = PcapCollectorTest.run(handshake(version, port).pcap(1, false, ByteOrder.LITTLE_ENDIAN),
                        new InputLedger("t"));
                TlsEvent tls = PcapCollectorTest.only(events, TlsEvent.class).get(0);
                assertThat(tls.getTlsClientServerName()).isEqualTo("c2.example.net");
                assertThat(tls.getTlsClientAlpn()).containsExactly("h3");
                assertThat(tls.getTlsClientJa4()).startsWith("q13d0307h3_");
                assertThat(tls.getTlsVersion()).isEqualTo("TLSv13");
                assertThat(tls.getTlsCipher()).isEqualTo("TLS_AES_128_GCM_SHA256");
                assertThat(tls.getTlsCurve()).isEqualTo("x25519");
                assertThat(tls.getTlsEstablished()).isTrue();
                assertThat(tls.getLogRecord()).as("the packet that completed the ClientHello").isEqualTo(2L);
                assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isEqualTo("quic,ssl");
            }
        }
    }

    @Test
    void otherUdpOn443IsNotQuicAndAForgedInitialDoesNotAuthenticate() throws Exception {
        byte[] noise = new byte[1300];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = (byte) 0xc3; // long header, Initial type bits: looks like QUIC until the AEAD says otherwise
        noise[1] = 0;
        noise[2] = 0;
        noise[3] = 0;
        noise[4] = 1;
        noise[5] = 8;
        Captures c = new Captures();
        for (int i = 0; i < 4; i++) {
            c.add(1_000_000 + i, udp(true, 443, noise));
        }
        List<NetworkEvent> events = PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), new InputLedger("t"));
        assertThat(PcapCollectorTest.only(events, TlsEvent.class)).isEmpty();
        assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isNull();
    }

    /** Client Initial (two packets, shuffled CRYPTO frames), server Initial, then 1-RTT packets both ways. */
    static Captures handshake(int version, int port) throws Exception {
        byte[] dcid = HexFormat.of().parseHex("0011223344556677");
        byte[] scid = HexFormat.of().parseHex("a1a2a3a4");
        byte[] hello = clientHello("c2.example.net", "h3");
        int half = hello.length / 2;
        // the first packet carries the second half before the first, as Chrome shuffles its frames
        byte[] frames1 = concat(crypto(half, java.util.Arrays.copyOfRange(hello, half, hello.length - 10)),
                crypto(0, java.util.Arrays.copyOf(hello, half)));
        byte[] frames2 = crypto(hello.length - 10, java.util.Arrays.copyOfRange(hello, hello.length - 10, hello.length));
        Captures c = new Captures();
        long t = 1_700_000_000_000_000L;
        c.add(t, udp(true, port, initial(version, dcid, dcid, scid, true, 0, pad(frames1))));
        c.add(t + 1, udp(true, port, initial(version, dcid, dcid, scid, true, 1, pad(frames2))));
        byte[] serverScid = HexFormat.of().parseHex("b1b2b3b4b5b6b7b8");
        c.add(t + 50, udp(false, port, initial(version, dcid, scid, serverScid, false, 0, crypto(0, serverHello()))));
        byte[] oneRtt = new byte[60];
        oneRtt[0] = 0x43;
        c.add(t + 60, udp(true, port, oneRtt));
        c.add(t + 70, udp(false, port, oneRtt));
        return c;
    }

    static byte[] pad(byte[] frames) {
        return java.util.Arrays.copyOf(frames, Math.max(frames.length, 1162)); // PADDING frames are zeros
    }

    static byte[] crypto(long offset, byte[] data) {
        return concat(new byte[] {6}, varint(offset), varint(data.length), data);
    }

    static byte[] varint(long v) {
        if (v < 0x40) {
            return new byte[] {(byte) v};
        }
        return new byte[] {(byte) (0x40 | (v >> 8)), (byte) v};
    }

    /**
     * An Initial packet as RFC 9001 section 5 protects it: AEAD_AES_128_GCM over the payload with the
     * header (4-byte packet number) as associated data, then header protection from a sample of the ciphertext.
     */
    static byte[] initial(int version, byte[] originalDcid, byte[] dcid, byte[] scid, boolean client, long pn,
            byte[] payload) throws Exception {
        byte[][] keys = keys(version, originalDcid, client);
        int type = version == 1 ? 0 : 1;
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(0xc0 | (type << 4) | 3);
        h.writeBytes(ByteBuffer.allocate(4).putInt(version).array());
        h.write(dcid.length);
        h.writeBytes(dcid);
        h.write(scid.length);
        h.writeBytes(scid);
        h.write(0); // token length: Initial packets always carry one, empty here
        int length = 4 + payload.length + 16;
        h.write(0x40 | (length >> 8));
        h.write(length);
        int pnOffset = h.size();
        h.writeBytes(ByteBuffer.allocate(4).putInt((int) pn).array());
        byte[] header = h.toByteArray();
        byte[] nonce = keys[1].clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (pn >>> (8 * i));
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(header);
        byte[] sealed = gcm.doFinal(payload);
        byte[] packet = concat(header, sealed);
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys[2], "AES"));
        byte[] mask = aes.doFinal(packet, pnOffset + 4, 16);
        packet[0] ^= (byte) (mask[0] & 0x0f);
        for (int i = 0; i < 4; i++) {
            packet[pnOffset + i] ^= mask[1 + i];
        }
        return packet;
    }

    /** key, iv, hp: HKDF-SHA256 as RFC 9001 section 5.2 and RFC 9369 section 3.3.1 give them. */
    static byte[][] keys(int version, byte[] dcid, boolean client) throws Exception {
        byte[] salt = HexFormat.of().parseHex(version == 1 ? "38762cf7f55934b34d179ae6a4c80cadccbb7f0a"
                : "0dede3def700a6db819381be6e269dcbf9bd2ed9");
        String prefix = version == 1 ? "quic " : "quicv2 ";
        byte[] initial = hmac(salt, dcid);
        byte[] secret = label(initial, client ? "client in" : "server in", 32);
        return new byte[][] {label(secret, prefix + "key", 16), label(secret, prefix + "iv", 12), label(secret, prefix + "hp", 16)};
    }

    static byte[] label(byte[] secret, String label, int length) throws Exception {
        byte[] l = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = concat(new byte[] {(byte) (length >> 8), (byte) length, (byte) l.length}, l, new byte[] {0, 1});
        return java.util.Arrays.copyOf(hmac(secret, info), length);
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** A TLS 1.3 ClientHello handshake message (no record header) with SNI, ALPN and QUIC transport parameters. */
    static byte[] clientHello(String sni, String alpn) {
        byte[] name = sni.getBytes(StandardCharsets.US_ASCII);
        byte[] proto = alpn.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer ext = ByteBuffer.allocate(1024);
        ext.putShort((short) 0).putShort((short) (name.length + 5)).putShort((short) (name.length + 3)).put((byte) 0)
                .putShort((short) name.length).put(name);
        ext.putShort((short) 10).putShort((short) 4).putShort((short) 2).putShort((short) 29);
        ext.putShort((short) 16).putShort((short) (proto.length + 3)).putShort((short) (proto.length + 1))
                .put((byte) proto.length).put(proto);
        ext.putShort((short) 13).putShort((short) 4).putShort((short) 2).putShort((short) 0x0403);
        ext.putShort((short) 43).putShort((short) 3).put((byte) 2).putShort((short) 0x0304);
        ext.putShort((short) 51).putShort((short) 38).putShort((short) 36).putShort((short) 29).putShort((short) 32).put(new byte[32]);
        ext.putShort((short) 57).putShort((short) 300).put(new byte[300]); // quic_transport_parameters, long enough to split
        int el = ext.position();
        ByteBuffer body = ByteBuffer.allocate(2048);
        body.putShort((short) 0x0303).put(new byte[32]).put((byte) 0).putShort((short) 6).putShort((short) 0x1301)
                .putShort((short) 0x1302).putShort((short) 0x1303).put((byte) 1).put((byte) 0).putShort((short) el)
                .put(ext.array(), 0, el);
        int bl = body.position();
        ByteBuffer m = ByteBuffer.allocate(4 + bl);
        m.put((byte) 1).put((byte) (bl >> 16)).putShort((short) bl).put(body.array(), 0, bl);
        return m.array();
    }

    static byte[] serverHello() {
        ByteBuffer ext = ByteBuffer.allocate(64);
        ext.putShort((short) 43).putShort((short) 2).putShort((short) 0x0304);
        ext.putShort((short) 51).putShort((short) 36).putShort((short) 29).putShort((short) 32).put(new byte[32]);
        int el = ext.position();
        ByteBuffer body = ByteBuffer.allocate(128);
        body.putShort((short) 0x0303).put(new byte[32]).put((byte) 0).putShort((short) 0x1301).put((byte) 0)
                .putShort((short) el).put(ext.array(), 0, el);
        int bl = body.position();
        ByteBuffer m = ByteBuffer.allocate(4 + bl);
        m.put((byte) 2).put((byte) 0).putShort((short) bl).put(body.array(), 0, bl);
        return m.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
