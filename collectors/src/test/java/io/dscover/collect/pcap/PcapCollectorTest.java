package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.InputSample;
import io.dscover.model.event.CommunityId;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.SshEvent;
import io.dscover.model.event.TlsEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PcapCollectorTest {

    static final byte[] CLIENT = Captures.ip4("10.0.0.9");
    static final byte[] SERVER = Captures.ip4("10.0.0.20");

    static List<NetworkEvent> run(byte[] capture, InputLedger ledger) throws IOException {
        List<NetworkEvent> events = new ArrayList<>();
        try (EventSource s = new PcapCollector().open(Input.ofStream("test.pcap", () -> new ByteArrayInputStream(capture)),
                new CollectorContext(CollectorOptions.empty(), ledger, List.of()))) {
            s.readAll(events::add);
        }
        return events;
    }

    static <T> List<T> only(List<NetworkEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A full TCP session: handshake, request, response, FIN both ways. */
    static Captures tcpSession(byte[] request, byte[] response, int port) {
        Captures c = new Captures();
        long t = 1_700_000_000_000_000L;
        c.add(t, frame(CLIENT, SERVER, Captures.tcp(40000, port, 100, 0, 0x02, new byte[0])));
        c.add(t + 1000, frame(SERVER, CLIENT, Captures.tcp(port, 40000, 500, 101, 0x12, new byte[0])));
        c.add(t + 2000, frame(CLIENT, SERVER, Captures.tcp(40000, port, 101, 501, 0x10, new byte[0])));
        int half = request.length / 2;
        c.add(t + 3000, frame(CLIENT, SERVER, Captures.tcp(40000, port, 101, 501, 0x18, java.util.Arrays.copyOf(request, half))));
        c.add(t + 3500, frame(CLIENT, SERVER, Captures.tcp(40000, port, 101 + half, 501, 0x18,
                java.util.Arrays.copyOfRange(request, half, request.length))));
        c.add(t + 4000, frame(SERVER, CLIENT, Captures.tcp(port, 40000, 501, 101 + request.length, 0x18, response)));
        c.add(t + 5000, frame(CLIENT, SERVER, Captures.tcp(40000, port, 101 + request.length, 501 + response.length, 0x11, new byte[0])));
        c.add(t + 6000, frame(SERVER, CLIENT, Captures.tcp(port, 40000, 501 + response.length, 102 + request.length, 0x11, new byte[0])));
        c.add(t + 7000, frame(CLIENT, SERVER, Captures.tcp(40000, port, 102 + request.length, 502 + response.length, 0x10, new byte[0])));
        return c;
    }

    static byte[] frame(byte[] src, byte[] dst, byte[] tcp) {
        return Captures.ethernet(Captures.ipv4(src, dst, 6, tcp));
    }

    @Test
    void aCompleteTcpSessionIsOneFlowWithZeekStateAndHistory() throws IOException {
        byte[] req = "GET /index.html HTTP/1.1\r\nHost: example.org:8080\r\nUser-Agent: curl/8.5\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] resp = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII);
        InputLedger ledger = new InputLedger("t");
        List<NetworkEvent> events = run(tcpSession(req, resp, 80).pcap(1, false, ByteOrder.LITTLE_ENDIAN), ledger);

        ConnectionEvent conn = only(events, ConnectionEvent.class).get(0);
        FlowEvent flow = only(events, FlowEvent.class).get(0);
        HttpEvent http = only(events, HttpEvent.class).get(0);
        assertThat(conn.getSourceIp()).isEqualTo("10.0.0.9");
        assertThat(conn.getDestinationPort()).isEqualTo(80L);
        assertThat(conn.getTcpFlags()).containsExactly("SYN");
        assertThat(flow.getFlowState()).isEqualTo("SF");
        assertThat(flow.getFlowHistory()).isEqualTo("ShADdFf");
        assertThat(flow.getSourceBytes()).isEqualTo((long) req.length);
        assertThat(flow.getDestinationBytes()).isEqualTo((long) resp.length);
        assertThat(flow.getSourcePackets()).isEqualTo(6L);
        assertThat(flow.getDestinationPackets()).isEqualTo(3L);
        // as in Zeek, the last ACK after both FINs does not extend the connection
        assertThat(flow.getEventDuration()).isEqualTo(6_000_000L);
        assertThat(flow.getNetworkProtocol()).isEqualTo("http");
        assertThat(flow.getConnectionUid()).isEqualTo(conn.getConnectionUid()).isEqualTo(http.getConnectionUid());
        assertThat(flow.getNetworkCommunityId()).isEqualTo(CommunityId.of("10.0.0.9", 40000L, "10.0.0.20", 80L, "tcp"));
        assertThat(http.getHttpRequestMethod()).isEqualTo("GET");
        assertThat(http.getUrlOriginal()).isEqualTo("/index.html");
        assertThat(http.getUrlDomain()).isEqualTo("example.org");
        assertThat(http.getUserAgentOriginal()).isEqualTo("curl/8.5");
        assertThat(http.getHttpResponseStatusCode()).isEqualTo(200L);
        assertThat(http.getHttpResponseMimeType()).isEqualTo("text/html");
        assertThat(http.getHttpResponseBodyBytes()).isEqualTo(5L);
        assertThat(http.getLogRecord()).isEqualTo(4L);
        assertThat(ledger.rejected()).isZero();
    }

    @Test
    void anUnansweredSynIsS0AndARejectedOneIsREJ() throws IOException {
        Captures c = new Captures();
        long t = 1_700_000_000_000_000L;
        c.add(t, frame(CLIENT, SERVER, Captures.tcp(40001, 22, 7, 0, 0x02, new byte[0])));
        c.add(t + 10, frame(CLIENT, SERVER, Captures.tcp(40002, 23, 9, 0, 0x02, new byte[0])));
        c.add(t + 20, frame(SERVER, CLIENT, Captures.tcp(23, 40002, 0, 10, 0x14, new byte[0])));
        List<FlowEvent> flows = only(run(c.pcap(1, false, ByteOrder.BIG_ENDIAN), new InputLedger("t")), FlowEvent.class);
        assertThat(flows).extracting(FlowEvent::getDestinationPort, FlowEvent::getFlowState, FlowEvent::getFlowHistory)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(22L, "S0", "S"),
                        org.assertj.core.groups.Tuple.tuple(23L, "REJ", "Sr"));
    }

    @Test
    void everyFileFormatAndLinkTypeGivesTheSameFlows() throws IOException {
        byte[] ip = Captures.ipv4(CLIENT, SERVER, 17, Captures.udp(5000, 9999, "ping".getBytes(StandardCharsets.US_ASCII)));
        byte[] back = Captures.ipv4(SERVER, CLIENT, 17, Captures.udp(9999, 5000, "pong!".getBytes(StandardCharsets.US_ASCII)));
        List<byte[]> captures = new ArrayList<>();
        captures.add(twoFrames(Captures.ethernet(ip), Captures.ethernet(back)).pcap(1, false, ByteOrder.LITTLE_ENDIAN));
        captures.add(twoFrames(Captures.ethernet(ip, 100, 200), Captures.ethernet(back, 100, 200)).pcap(1, true, ByteOrder.BIG_ENDIAN));
        captures.add(twoFrames(ip, back).pcap(101, false, ByteOrder.LITTLE_ENDIAN));
        captures.add(twoFrames(sll(ip), sll(back)).pcap(113, false, ByteOrder.LITTLE_ENDIAN));
        captures.add(twoFrames(sll2(ip), sll2(back)).pcap(276, false, ByteOrder.LITTLE_ENDIAN));
        captures.add(twoFrames(loopback(ip), loopback(back)).pcap(0, false, ByteOrder.LITTLE_ENDIAN));
        captures.add(twoFrames(Captures.ethernet(ip), Captures.ethernet(back)).pcapng(1));
        captures.add(gzip(twoFrames(Captures.ethernet(ip), Captures.ethernet(back)).pcapng(1)));
        for (byte[] capture : captures) {
            InputLedger ledger = new InputLedger("t");
            byte[] content = capture[0] == 0x1f ? gunzipViaInput(capture) : capture;
            assertThat(new PcapCollector().probe(new InputSample("x", content))).isEqualTo(100);
            List<FlowEvent> flows = only(run(content, ledger), FlowEvent.class);
            assertThat(flows).hasSize(1);
            FlowEvent f = flows.get(0);
            assertThat(f.getFlowState()).isEqualTo("SF");
            assertThat(f.getFlowHistory()).isEqualTo("Dd");
            assertThat(f.getSourceBytes()).isEqualTo(4L);
            assertThat(f.getDestinationBytes()).isEqualTo(5L);
            assertThat(f.getEventDuration()).isEqualTo(250_000_000L);
            assertThat(ledger.rejected()).isZero();
        }
    }

    private static byte[] gunzipViaInput(byte[] gz) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("cap", ".pcapng.gz");
        java.nio.file.Files.write(tmp, gz);
        try (var in = Input.of(tmp).open()) {
            return in.readAllBytes();
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }

    private static Captures twoFrames(byte[] a, byte[] b) {
        return new Captures().add(1_700_000_000_000_000L, a).add(1_700_000_000_250_000L, b);
    }

    private static byte[] sll(byte[] ip) {
        return ByteBuffer.allocate(16 + ip.length).putShort((short) 0).putShort((short) 1).putShort((short) 6)
                .put(new byte[8]).putShort((short) 0x0800).put(ip).array();
    }

    private static byte[] sll2(byte[] ip) {
        return ByteBuffer.allocate(20 + ip.length).putShort((short) 0x0800).putShort((short) 0).putInt(2)
                .putShort((short) 1).put((byte) 0).put((byte) 6).put(new byte[8]).put(ip).array();
    }

    private static byte[] loopback(byte[] ip) {
        return ByteBuffer.allocate(4 + ip.length).order(ByteOrder.LITTLE_ENDIAN).putInt(2).put(ip).array();
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void damagedCapturesAreCountedWithOffsetsAndKeepTheGoodPackets() throws IOException {
        byte[] ip = Captures.ipv4(CLIENT, SERVER, 17, Captures.udp(5000, 53, new byte[] {1, 2}));
        Captures c = new Captures().add(1_000_000, Captures.ethernet(ip)).add(2_000_000, new byte[0]).add(3_000_000, Captures.ethernet(ip));
        byte[] good = c.pcap(1, false, ByteOrder.LITTLE_ENDIAN);
        // the third record claims a huge length; the file also ends early
        byte[] bad = java.util.Arrays.copyOf(good, good.length - 3);
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 16 + ip.length + 14 + 16 + 8, 5_000_000);
        InputLedger ledger = new InputLedger("t");
        List<NetworkEvent> events = run(bad, ledger);
        assertThat(ledger.recordsRead()).isEqualTo(1);
        assertThat(ledger.rejectedByReason()).containsKeys("empty packet", "capture length too large", "malformed DNS message");
        assertThat(ledger.examples()).anySatisfy(p -> assertThat(p.location()).isEqualTo("packet 3 (offset 100)"));
        assertThat(only(events, FlowEvent.class)).hasSize(1);

        InputLedger notCapture = new InputLedger("t");
        assertThat(run("hello, world, this is not a capture".getBytes(StandardCharsets.US_ASCII), notCapture)).isEmpty();
        assertThat(notCapture.rejectedByReason()).containsKey("not a capture file");
    }

    @Test
    void unknownLinkTypesAndHugeSequenceJumpsAreCountedNotFatal() throws IOException {
        byte[] ip = Captures.ipv4(CLIENT, SERVER, 17, Captures.udp(1, 2, new byte[1]));
        InputLedger garbage = new InputLedger("t");
        assertThat(run(new Captures().add(1, ip).add(2, ip).pcap(9999, false, ByteOrder.LITTLE_ENDIAN), garbage)).isEmpty();
        assertThat(garbage.rejectedByReason()).containsEntry("unsupported link type", 2L);

        // a TCP segment claiming to be two gigabytes ahead of the stream: buffered within the cap, then a gap
        Captures c = tcpSession("GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII), 80);
        c.add(1_800_000_000_000_000L, frame(CLIENT, SERVER, Captures.tcp(40000, 80, 2_000_000_000L, 501, 0x18, new byte[1000])));
        InputLedger ledger = new InputLedger("t");
        List<NetworkEvent> events = run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), ledger);
        assertThat(only(events, HttpEvent.class)).hasSize(1);
        assertThat(only(events, FlowEvent.class)).isNotEmpty();
    }

    @Test
    void dnsTransactionsCarryQuestionAnswersAndRcodeAndSurviveCompressionLoops() throws IOException {
        ByteBuffer q = ByteBuffer.allocate(512);
        q.putShort((short) 0x1234).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putInt(0);
        putName(q, "WWW.Example.org");
        q.putShort((short) 1).putShort((short) 1);
        byte[] query = java.util.Arrays.copyOf(q.array(), q.position());
        ByteBuffer r = ByteBuffer.allocate(512);
        r.putShort((short) 0x1234).putShort((short) 0x8180).putShort((short) 1).putShort((short) 2).putInt(0);
        putName(r, "www.example.org");
        r.putShort((short) 1).putShort((short) 1);
        r.putShort((short) 0xc00c).putShort((short) 5).putShort((short) 1).putInt(300).putShort((short) 6);
        putName(r, "cdn");
        r.position(r.position() - 1).putShort((short) 0xc010);
        r.putShort((short) 0xc00c).putShort((short) 1).putShort((short) 1).putInt(60).putShort((short) 4).put(new byte[] {93, (byte) 184, 1, 1});
        byte[] response = java.util.Arrays.copyOf(r.array(), r.position());
        byte[] loop = {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12, 0, 1, 0, 1};
        Captures c = new Captures()
                .add(1_000_000, Captures.ethernet(Captures.ipv4(CLIENT, SERVER, 17, Captures.udp(5353, 53, query))))
                .add(1_020_000, Captures.ethernet(Captures.ipv4(SERVER, CLIENT, 17, Captures.udp(53, 5353, response))))
                .add(1_030_000, Captures.ethernet(Captures.ipv4(CLIENT, SERVER, 17, Captures.udp(5354, 53, loop))));
        InputLedger ledger = new InputLedger("t");
        List<DnsEvent> dns = only(run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), ledger), DnsEvent.class);
        DnsEvent e = dns.get(0);
        assertThat(e.getDnsQuestionName()).isEqualTo("www.example.org");
        assertThat(e.getDnsQuestionType()).isEqualTo("A");
        assertThat(e.getDnsResponseCode()).isEqualTo("NOERROR");
        assertThat(e.getDnsAnswers()).containsExactly("cdn.example.org", "93.184.1.1");
        assertThat(e.getDnsAnswerTtls()).containsExactly(300L, 60L);
        assertThat(e.getDnsRtt()).isEqualTo(20_000_000L);
        assertThat(e.getTs()).isEqualTo(1_000_000_000L);
        assertThat(ledger.rejectedByReason()).containsEntry("malformed DNS message", 1L);
    }

    private static void putName(ByteBuffer b, String name) {
        for (String label : name.split("\\.")) {
            b.put((byte) label.length()).put(label.getBytes(StandardCharsets.US_ASCII));
        }
        b.put((byte) 0);
    }

    @Test
    void tlsClientHelloGivesSniAlpnAndFingerprints() throws Exception {
        int[] ciphers = {0x0a0a, 0x1301, 0xc02f};
        ByteBuffer ext = ByteBuffer.allocate(256);
        byte[] sni = "secure.example".getBytes(StandardCharsets.US_ASCII);
        ext.putShort((short) 0).putShort((short) (sni.length + 5)).putShort((short) (sni.length + 3)).put((byte) 0)
                .putShort((short) sni.length).put(sni);
        ext.putShort((short) 10).putShort((short) 6).putShort((short) 4).putShort((short) 29).putShort((short) 23);
        ext.putShort((short) 11).putShort((short) 2).put((byte) 1).put((byte) 0);
        ext.putShort((short) 16).putShort((short) 5).putShort((short) 3).put((byte) 2).put("h2".getBytes(StandardCharsets.US_ASCII));
        ext.putShort((short) 13).putShort((short) 6).putShort((short) 4).putShort((short) 0x0403).putShort((short) 0x0804);
        ext.putShort((short) 43).putShort((short) 5).put((byte) 4).putShort((short) 0x0304).putShort((short) 0x0303);
        byte[] exts = java.util.Arrays.copyOf(ext.array(), ext.position());
        ByteBuffer body = ByteBuffer.allocate(512);
        body.putShort((short) 0x0303).put(new byte[32]).put((byte) 0).putShort((short) (ciphers.length * 2));
        for (int cs : ciphers) {
            body.putShort((short) cs);
        }
        body.put((byte) 1).put((byte) 0).putShort((short) exts.length).put(exts);
        int bl = body.position();
        ByteBuffer rec = ByteBuffer.allocate(bl + 9);
        rec.put((byte) 22).putShort((short) 0x0301).putShort((short) (bl + 4)).put((byte) 1).put((byte) 0).putShort((short) bl)
                .put(body.array(), 0, bl);
        TlsEvent tls = only(run(tcpSession(rec.array(), new byte[0], 443).pcap(1, false, ByteOrder.LITTLE_ENDIAN),
                new InputLedger("t")), TlsEvent.class).get(0);
        assertThat(tls.getTlsClientServerName()).isEqualTo("secure.example");
        assertThat(tls.getTlsClientAlpn()).containsExactly("h2");
        String ja3 = "771,4865-49199,0-10-11-16-13-43,29-23,0";
        assertThat(tls.getTlsClientJa3()).isEqualTo(md5(ja3));
        String ja4b = sha12("1301,c02f");
        String ja4c = sha12("000a,000b,000d,002b_0403,0804");
        assertThat(tls.getTlsClientJa4()).isEqualTo("t13d0206h2_" + ja4b + "_" + ja4c);
    }

    @Test
    void sshBannersAndKexinitGiveVersionsAndHassh() throws Exception {
        byte[] clientKex = kexinit("curve25519-sha256", "aes128-ctr", "hmac-sha2-256", "none");
        byte[] client = concat("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII), clientKex);
        byte[] server = concat("SSH-2.0-dropbear\r\n".getBytes(StandardCharsets.US_ASCII),
                kexinit("curve25519-sha256,diffie-hellman-group14-sha1", "aes256-ctr,aes128-ctr", "hmac-sha2-256", "none"));
        List<NetworkEvent> events = run(tcpSession(client, server, 2222).pcap(1, false, ByteOrder.LITTLE_ENDIAN), new InputLedger("t"));
        SshEvent ssh = only(events, SshEvent.class).get(0);
        assertThat(ssh.getSshClient()).isEqualTo("SSH-2.0-OpenSSH_9.6");
        assertThat(ssh.getSshServer()).isEqualTo("SSH-2.0-dropbear");
        assertThat(ssh.getSshVersion()).isEqualTo(2L);
        assertThat(ssh.getSshHassh()).isEqualTo(md5("curve25519-sha256;aes128-ctr;hmac-sha2-256;none"));
        assertThat(ssh.getSshCipher()).isEqualTo("aes128-ctr");
        assertThat(only(events, FlowEvent.class).get(0).getNetworkProtocol()).isEqualTo("ssh");
    }

    private static byte[] kexinit(String kex, String enc, String mac, String comp) {
        String[] lists = {kex, "ssh-ed25519", enc, enc, mac, mac, comp, comp, "", ""};
        ByteBuffer p = ByteBuffer.allocate(1024);
        p.put((byte) 20).put(new byte[16]);
        for (String l : lists) {
            p.putInt(l.length()).put(l.getBytes(StandardCharsets.US_ASCII));
        }
        p.put((byte) 0).putInt(0);
        int payload = p.position();
        int pad = 8 - ((payload + 5) % 8) + 4;
        ByteBuffer pkt = ByteBuffer.allocate(5 + payload + pad);
        pkt.putInt(1 + payload + pad).put((byte) pad).put(p.array(), 0, payload).put(new byte[pad]);
        return pkt.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    static String sha12(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII))).substring(0, 12);
    }
}
