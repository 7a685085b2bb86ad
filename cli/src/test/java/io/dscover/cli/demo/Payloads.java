package io.dscover.cli.demo;

import io.dscover.model.event.IpAddresses;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Application-layer payloads for the demo capture, written to the protocols' wire formats. */
final class Payloads {

    private static SplittableRandom random = new SplittableRandom(20251104L);

    private Payloads() {
    }

    /** Restarts the filler-byte sequence, so every generation of the demo data yields the same bytes. */
    static void reseed() {
        random = new SplittableRandom(20251104L);
    }

    // ---- DNS (RFC 1035) ----

    record Answer(int type, String data, int ttl) {
    }

    static byte[] dnsQuery(int id, String name, int qtype) {
        Bytes b = new Bytes();
        b.u16(id).u16(0x0100).u16(1).u16(0).u16(0).u16(0);
        b.name(name).u16(qtype).u16(1);
        return b.toArray();
    }

    static byte[] dnsResponse(int id, String name, int qtype, int rcode, List<Answer> answers) {
        Bytes b = new Bytes();
        b.u16(id).u16(0x8180 | rcode).u16(1).u16(answers.size()).u16(0).u16(0);
        b.name(name).u16(qtype).u16(1);
        for (Answer a : answers) {
            b.u16(0xc00c).u16(a.type()).u16(1).u32(a.ttl());
            byte[] rdata = switch (a.type()) {
                case 1, 28 -> IpAddresses.parse(a.data());
                case 16 -> txt(a.data());
                case 5 -> new Bytes().name(a.data()).toArray();
                default -> throw new IllegalArgumentException("type " + a.type());
            };
            b.u16(rdata.length).raw(rdata);
        }
        return b.toArray();
    }

    /** LLMNR query (RFC 4795 section 2.1.1): the DNS layout, all flags clear, one question. */
    static byte[] llmnrQuery(int id, String name, int qtype) {
        return new Bytes().u16(id).u16(0).u16(1).u16(0).u16(0).u16(0).name(name).u16(qtype).u16(1).toArray();
    }

    /** LLMNR response claiming the name: QR set, the question repeated, one A record with a short TTL. */
    static byte[] llmnrResponse(int id, String name, String address) {
        return new Bytes().u16(id).u16(0x8000).u16(1).u16(1).u16(0).u16(0).name(name).u16(1).u16(1)
                .name(name).u16(1).u16(1).u32(30).u16(4).raw(IpAddresses.parse(address)).toArray();
    }

    private static byte[] txt(String text) {
        Bytes b = new Bytes();
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        for (int off = 0; off < t.length; off += 255) {
            int len = Math.min(255, t.length - off);
            b.u8(len).raw(java.util.Arrays.copyOfRange(t, off, off + len));
        }
        return b.toArray();
    }

    // ---- TLS 1.2/1.3 handshake records (RFC 8446) ----

    static byte[] tlsClientHello(String serverName, List<String> alpn) {
        Bytes ext = new Bytes();
        // server_name
        Bytes sni = new Bytes();
        byte[] host = serverName.getBytes(StandardCharsets.US_ASCII);
        sni.u16(host.length + 3).u8(0).u16(host.length).raw(host);
        ext.u16(0x0000).u16(sni.size()).raw(sni.toArray());
        // extended_master_secret, renegotiation_info
        ext.u16(0x0017).u16(0);
        ext.u16(0xff01).u16(1).u8(0);
        // supported_groups: x25519, secp256r1, secp384r1
        ext.u16(0x000a).u16(8).u16(6).u16(0x001d).u16(0x0017).u16(0x0018);
        // ec_point_formats: uncompressed
        ext.u16(0x000b).u16(2).u8(1).u8(0);
        // session_ticket
        ext.u16(0x0023).u16(0);
        // ALPN
        if (!alpn.isEmpty()) {
            Bytes protos = new Bytes();
            for (String p : alpn) {
                byte[] pb = p.getBytes(StandardCharsets.US_ASCII);
                protos.u8(pb.length).raw(pb);
            }
            ext.u16(0x0010).u16(protos.size() + 2).u16(protos.size()).raw(protos.toArray());
        }
        // signature_algorithms
        int[] sigs = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601};
        ext.u16(0x000d).u16(2 + sigs.length * 2).u16(sigs.length * 2);
        for (int s : sigs) {
            ext.u16(s);
        }
        // supported_versions: TLS 1.3, 1.2
        ext.u16(0x002b).u16(5).u8(4).u16(0x0304).u16(0x0303);
        // key_share: x25519
        ext.u16(0x0033).u16(38).u16(36).u16(0x001d).u16(32).raw(random(32));

        int[] suites = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014,
            0x009c, 0x009d, 0x002f, 0x0035};
        Bytes body = new Bytes();
        body.u16(0x0303).raw(random(32)).u8(32).raw(random(32));
        body.u16(suites.length * 2);
        for (int s : suites) {
            body.u16(s);
        }
        body.u8(1).u8(0).u16(ext.size()).raw(ext.toArray());
        return record(handshake(1, body.toArray()));
    }

    static byte[] tlsServerHelloTls12(int cipher) {
        Bytes ext = new Bytes();
        ext.u16(0xff01).u16(1).u8(0);
        ext.u16(0x000b).u16(2).u8(1).u8(0);
        ext.u16(0x0017).u16(0);
        Bytes body = new Bytes();
        body.u16(0x0303).raw(random(32)).u8(32).raw(random(32)).u16(cipher).u8(0).u16(ext.size()).raw(ext.toArray());
        Bytes out = new Bytes();
        out.raw(record(handshake(2, body.toArray())));
        return out.toArray();
    }

    /** Opaque TLS application data of the given size (what an encrypted beacon's request looks like on the wire). */
    static byte[] tlsApplicationData(int length) {
        Bytes b = new Bytes();
        b.u8(23).u16(0x0303).u16(length).raw(random(length));
        return b.toArray();
    }

    private static byte[] handshake(int type, byte[] body) {
        Bytes b = new Bytes();
        b.u8(type).u24(body.length).raw(body);
        return b.toArray();
    }

    private static byte[] record(byte[] handshake) {
        Bytes b = new Bytes();
        b.u8(22).u16(0x0301).u16(handshake.length).raw(handshake);
        return b.toArray();
    }

    // ---- HTTP/1.1 ----

    static byte[] httpGet(String host, String uri, String userAgent) {
        return ascii("GET " + uri + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent
                + "\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    static byte[] httpPost(String host, String uri, String userAgent, byte[] body) {
        Bytes b = new Bytes();
        b.raw(ascii("POST " + uri + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n\r\n"));
        b.raw(body);
        return b.toArray();
    }

    static byte[] httpResponse(int status, String reason, String contentType, byte[] body) {
        Bytes b = new Bytes();
        b.raw(ascii("HTTP/1.1 " + status + " " + reason + "\r\nServer: nginx\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"));
        b.raw(body);
        return b.toArray();
    }

    /** A Windows PE header followed by filler: what an executable download starts with. */
    static byte[] portableExecutable(int size) {
        byte[] b = random(size);
        b[0] = 'M';
        b[1] = 'Z';
        return b;
    }

    // ---- RDP, SNMP, TFTP (SSH, SMB and DCE/RPC have their own classes) ----

    /** TPKT + X.224 Connection Request with an mstshash cookie and an RDP negotiation request (MS-RDPBCGR 2.2.1.1). */
    static byte[] rdpConnectionRequest(String user) {
        byte[] cookie = ascii("Cookie: mstshash=" + user + "\r\n");
        Bytes x224 = new Bytes();
        x224.u8(6 + cookie.length + 8).u8(0xe0).u16(0).u16(0).u8(0).raw(cookie);
        x224.u8(1).u8(0).le16(8).le32(0x0000000b); // RDP_NEG_REQ: SSL | HYBRID | HYBRID_EX, as mstsc sends
        Bytes tpkt = new Bytes();
        tpkt.u8(3).u8(0).u16(4 + x224.size()).raw(x224.toArray());
        return tpkt.toArray();
    }

    /** TPKT + X.224 Connection Confirm selecting CredSSP (HYBRID) in an RDP negotiation response (MS-RDPBCGR 2.2.1.2). */
    static byte[] rdpConnectionConfirm() {
        Bytes x224 = new Bytes();
        x224.u8(6 + 8).u8(0xd0).u16(0).u16(0x1234).u8(0);
        x224.u8(2).u8(0x1f).le16(8).le32(0x00000002); // RDP_NEG_RSP: extended client data, ..., HYBRID
        Bytes tpkt = new Bytes();
        tpkt.u8(3).u8(0).u16(4 + x224.size()).raw(x224.toArray());
        return tpkt.toArray();
    }

    /** SNMPv2c GetRequest (RFC 3416) for one OID, BER-encoded. */
    static byte[] snmpGetRequest(String community, int requestId, int[] oid) {
        byte[] varbind = tlv(0x30, concat(tlv(0x06, oidBytes(oid)), new byte[] {0x05, 0x00}));
        byte[] pdu = tlv(0xa0, concat(tlv(0x02, intBytes(requestId)), tlv(0x02, new byte[] {0}),
                tlv(0x02, new byte[] {0}), tlv(0x30, varbind)));
        return tlv(0x30, concat(tlv(0x02, new byte[] {1}), tlv(0x04, ascii(community)), pdu));
    }

    /** TFTP read request (RFC 1350). */
    static byte[] tftpReadRequest(String file) {
        Bytes b = new Bytes();
        b.u16(1).raw(ascii(file)).u8(0).raw(ascii("octet")).u8(0);
        return b.toArray();
    }

    private static byte[] oidBytes(int[] oid) {
        Bytes b = new Bytes();
        b.u8(oid[0] * 40 + oid[1]);
        for (int i = 2; i < oid.length; i++) {
            int v = oid[i];
            if (v >= 128) {
                b.u8(0x80 | (v >>> 7));
            }
            b.u8(v & 0x7f);
        }
        return b.toArray();
    }

    private static byte[] intBytes(int v) {
        return v < 128 ? new byte[] {(byte) v} : new byte[] {(byte) (v >>> 8), (byte) v};
    }

    private static byte[] tlv(int tag, byte[] value) {
        Bytes b = new Bytes();
        b.u8(tag);
        if (value.length < 128) {
            b.u8(value.length);
        } else {
            b.u8(0x82).u16(value.length);
        }
        return b.raw(value).toArray();
    }

    private static byte[] concat(byte[]... parts) {
        Bytes b = new Bytes();
        for (byte[] p : parts) {
            b.raw(p);
        }
        return b.toArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** A growing big-endian (network order) byte buffer with little-endian helpers for SMB/RDP. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Bytes u24(int v) {
            out.write(v >>> 16);
            return u16(v);
        }

        Bytes u32(int v) {
            return u16(v >>> 16).u16(v);
        }

        Bytes le16(int v) {
            out.write(v);
            out.write(v >>> 8);
            return this;
        }

        Bytes le32(int v) {
            return le16(v).le16(v >>> 16);
        }

        Bytes le64(long v) {
            return le32((int) v).le32((int) (v >>> 32));
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Bytes name(String dotted) {
            for (String label : dotted.split("\\.")) {
                byte[] l = ascii(label);
                u8(l.length).raw(l);
            }
            return u8(0);
        }

        int size() {
            return out.size();
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
