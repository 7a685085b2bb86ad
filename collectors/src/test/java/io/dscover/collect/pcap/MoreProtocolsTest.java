package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.DceRpcEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.FtpEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.RdpEvent;
import io.dscover.model.event.SmbEvent;
import io.dscover.model.event.SmtpEvent;
import io.dscover.model.event.SnmpEvent;
import io.dscover.model.event.TftpEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoreProtocolsTest {

    static List<NetworkEvent> tcp(byte[] request, byte[] response, int port) throws IOException {
        return PcapCollectorTest.run(PcapCollectorTest.tcpSession(request, response, port).pcap(1, false, ByteOrder.LITTLE_ENDIAN),
                new InputLedger("t"));
    }

    /**
     * A TCP connection to {@code port} in which client and server take turns: the messages
     * alternate, client first, each in one segment acknowledged by the next.
     */
    static Captures exchange(int port, byte[]... turns) {
        Captures c = new Captures();
        long t = 1_700_000_000_000_000L;
        long cseq = 101;
        long sseq = 501;
        c.add(t, PcapCollectorTest.frame(PcapCollectorTest.CLIENT, PcapCollectorTest.SERVER, Captures.tcp(40000, port, 100, 0, 0x02, new byte[0])));
        c.add(t + 10, PcapCollectorTest.frame(PcapCollectorTest.SERVER, PcapCollectorTest.CLIENT, Captures.tcp(port, 40000, 500, 101, 0x12, new byte[0])));
        c.add(t + 20, PcapCollectorTest.frame(PcapCollectorTest.CLIENT, PcapCollectorTest.SERVER, Captures.tcp(40000, port, 101, 501, 0x10, new byte[0])));
        t += 1000;
        for (int i = 0; i < turns.length; i++, t += 1000) {
            byte[] m = turns[i];
            if (i % 2 == 0) {
                c.add(t, PcapCollectorTest.frame(PcapCollectorTest.CLIENT, PcapCollectorTest.SERVER, Captures.tcp(40000, port, cseq, sseq, 0x18, m)));
                cseq += m.length;
            } else {
                c.add(t, PcapCollectorTest.frame(PcapCollectorTest.SERVER, PcapCollectorTest.CLIENT, Captures.tcp(port, 40000, sseq, cseq, 0x18, m)));
                sseq += m.length;
            }
        }
        c.add(t, PcapCollectorTest.frame(PcapCollectorTest.CLIENT, PcapCollectorTest.SERVER, Captures.tcp(40000, port, cseq, sseq, 0x11, new byte[0])));
        c.add(t + 10, PcapCollectorTest.frame(PcapCollectorTest.SERVER, PcapCollectorTest.CLIENT, Captures.tcp(port, 40000, sseq, cseq + 1, 0x11, new byte[0])));
        c.add(t + 20, PcapCollectorTest.frame(PcapCollectorTest.CLIENT, PcapCollectorTest.SERVER, Captures.tcp(40000, port, cseq + 1, sseq + 1, 0x10, new byte[0])));
        return c;
    }

    static List<NetworkEvent> run(Captures c) throws IOException {
        return PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), new InputLedger("t"));
    }

    static List<NetworkEvent> udp(int port, byte[]... datagrams) throws IOException {
        Captures c = new Captures();
        for (int i = 0; i < datagrams.length; i++) {
            c.add(1_000_000 + i * 1000L, udpFrame(i % 2 == 0, port, datagrams[i]));
        }
        return PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), new InputLedger("t"));
    }

    /** A UDP datagram between the test client (port 40000) and server ({@code port}). */
    static byte[] udpFrame(boolean fromClient, int port, byte[] payload) {
        return Captures.ethernet(Captures.ipv4(fromClient ? PcapCollectorTest.CLIENT : PcapCollectorTest.SERVER,
                fromClient ? PcapCollectorTest.SERVER : PcapCollectorTest.CLIENT, 17,
                Captures.udp(fromClient ? 40000 : port, fromClient ? port : 40000, payload)));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void ftpCommandsPairWithRepliesAndAnnounceTheDataChannel() throws IOException {
        List<NetworkEvent> events = tcp(ascii("USER anonymous\r\nPASS secret\r\nRETR /etc/passwd\r\n"),
                ascii("220 ready\r\n331 password please\r\n230 logged in\r\n150 opening\r\n226 done\r\n"), 21);
        List<FtpEvent> ftp = PcapCollectorTest.only(events, FtpEvent.class);
        assertThat(ftp).extracting(FtpEvent::getFtpCommand).containsExactly("USER", "PASS", "RETR");
        assertThat(ftp.get(1).getFtpArg()).isEqualTo("<hidden>");
        assertThat(ftp.get(2).getFtpReplyCode()).isEqualTo(226L);
        assertThat(ftp.get(2).getUserName()).isEqualTo("anonymous");
        assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isEqualTo("ftp");
    }

    @Test
    void smtpTransactionsCarryEnvelopeAndHeaders() throws IOException {
        List<NetworkEvent> events = tcp(ascii("EHLO client.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\n"
                + "DATA\r\nFrom: A <a@example.org>\r\nSubject: invoice\r\n\r\nbody\r\n.\r\nQUIT\r\n"),
                ascii("220 mx ESMTP\r\n250 hello\r\n250 ok\r\n250 ok\r\n354 go\r\n250 queued\r\n221 bye\r\n"), 25);
        SmtpEvent smtp = PcapCollectorTest.only(events, SmtpEvent.class).get(0);
        assertThat(smtp.getSmtpHelo()).isEqualTo("client.example");
        assertThat(smtp.getSmtpMailFrom()).isEqualTo("a@example.org");
        assertThat(smtp.getSmtpRcptTo()).containsExactly("b@example.net");
        assertThat(smtp.getEmailSubject()).isEqualTo("invoice");
    }

    @Test
    void rdpConnectionRequestGivesTheCookieAndTheNegotiatedProtocol() throws IOException {
        byte[] cookie = ascii("Cookie: mstshash=alice\r\n");
        ByteBuffer cr = ByteBuffer.allocate(11 + cookie.length + 8);
        cr.put((byte) 3).put((byte) 0).putShort((short) (11 + cookie.length + 8)).put((byte) (6 + cookie.length + 8))
                .put((byte) 0xe0).putShort((short) 0).putShort((short) 0).put((byte) 0).put(cookie)
                .put(new byte[] {1, 0, 8, 0, 3, 0, 0, 0});
        byte[] cc = {3, 0, 0, 19, 14, (byte) 0xd0, 0, 0, 0x12, 0x34, 0, 2, 0, 8, 0, 2, 0, 0, 0};
        RdpEvent rdp = PcapCollectorTest.only(tcp(cr.array(), cc, 3389), RdpEvent.class).get(0);
        assertThat(rdp.getRdpCookie()).isEqualTo("alice");
        assertThat(rdp.getRdpRequestedProtocols()).containsExactly("SSL", "HYBRID");
        assertThat(rdp.getRdpSecurityProtocol()).isEqualTo("HYBRID");
    }

    @Test
    void tftpAndSnmpRequestsAreDissected() throws IOException {
        TftpEvent tftp = PcapCollectorTest.only(udp(69, ascii("\u0000\u0001pxelinux.0\u0000octet\u0000")), TftpEvent.class).get(0);
        assertThat(tftp.getTftpOperation()).isEqualTo("read");
        assertThat(tftp.getFileName()).isEqualTo("pxelinux.0");
        // GetRequest, community "public", one varbind 1.3.6.1.2.1.1.1.0
        byte[] snmp = {0x30, 0x26, 0x02, 0x01, 0x01, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c', (byte) 0xa0, 0x19, 0x02, 0x01, 0x01,
            0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00,
            0x05, 0x00};
        SnmpEvent e = PcapCollectorTest.only(udp(161, snmp), SnmpEvent.class).get(0);
        assertThat(e.getSnmpVersion()).isEqualTo("2c");
        assertThat(e.getSnmpCommunity()).isEqualTo("public");
        assertThat(e.getSnmpPduType()).isEqualTo("get");
        assertThat(e.getSnmpOids()).containsExactly("1.3.6.1.2.1.1.1.0");
    }

    @Test
    void dceRpcOverTcpNamesInterfaceAndOperation() throws IOException {
        ByteBuffer bind = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        bind.put(new byte[] {5, 0, 11, 3, 0x10, 0, 0, 0}).putShort((short) 72).putShort((short) 0).putInt(1);
        bind.putShort((short) 4280).putShort((short) 4280).putInt(0).put((byte) 1).put(new byte[3]);
        bind.putShort((short) 0).put((byte) 1).put((byte) 0);
        bind.put(uuid("367abb81-9844-35f1-ad32-98f038001003")).putInt(2);
        bind.put(uuid("8a885d04-1ceb-11c9-9fe8-08002b104860")).putInt(2);
        ByteBuffer req = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        req.put(new byte[] {5, 0, 0, 3, 0x10, 0, 0, 0}).putShort((short) 24).putShort((short) 0).putInt(2)
                .putInt(0).putShort((short) 0).putShort((short) 12);
        ByteBuffer resp = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        resp.put(new byte[] {5, 0, 2, 3, 0x10, 0, 0, 0}).putShort((short) 24).putShort((short) 0).putInt(2).putInt(0).putInt(0);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        client.writeBytes(bind.array());
        client.writeBytes(req.array());
        DceRpcEvent e = PcapCollectorTest.only(tcp(client.toByteArray(), resp.array(), 49155), DceRpcEvent.class).get(0);
        assertThat(e.getDceRpcEndpoint()).isEqualTo("svcctl");
        assertThat(e.getDceRpcOperation()).isEqualTo("CreateServiceW");
    }

    static byte[] uuid(String text) {
        String h = text.replace("-", "");
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        // the first three fields are little-endian on the wire
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    }

    @Test
    void smb2TreeConnectCreateAndNtlmLogonBecomeEvents() throws IOException {
        byte[] path = "\\\\fileserver\\ADMIN$".getBytes(StandardCharsets.UTF_16LE);
        byte[] name = "evil.exe".getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        // SESSION_SETUP with an NTLMSSP AUTHENTICATE for CORP\bob from WS1
        byte[] ntlm = ntlmAuthenticateMessage("CORP", "bob", "WS1");
        ByteBuffer ss = smb2(1, false, 1, 0, 24 + ntlm.length);
        ss.putShort((short) 25).put((byte) 0).put((byte) 1).putInt(0).putInt(0).putShort((short) (64 + 24))
                .putShort((short) ntlm.length).putLong(0).put(ntlm);
        nbss(client, ss);
        ByteBuffer ssr = smb2(1, true, 1, 0, 8);
        ssr.putShort((short) 9).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        nbss(server, ssr);
        ByteBuffer tc = smb2(3, false, 2, 0, 8 + path.length);
        tc.putShort((short) 9).putShort((short) 0).putShort((short) (64 + 8)).putShort((short) path.length).put(path);
        nbss(client, tc);
        ByteBuffer tcr = smb2(3, true, 2, 7, 16);
        tcr.putShort((short) 16).put((byte) 1).put((byte) 0).putInt(0).putInt(0).putInt(0);
        nbss(server, tcr);
        ByteBuffer cr = smb2(5, false, 3, 7, 56 + name.length);
        cr.putShort((short) 57).put((byte) 0).put((byte) 0).putInt(0).putLong(0).putLong(0).putInt(0).putInt(0).putInt(0)
                .putInt(2).putInt(0).putShort((short) (64 + 56)).putShort((short) name.length).putInt(0).putInt(0).put(name);
        nbss(client, cr);
        ByteBuffer crr = smb2(5, true, 3, 7, 88);
        crr.putShort((short) 89).put(new byte[6]).put(new byte[32]).putLong(4096).putLong(1234).putInt(0).putInt(0)
                .put(new byte[16]).putInt(0).putInt(0);
        nbss(server, crr);
        List<NetworkEvent> events = tcp(client.toByteArray(), server.toByteArray(), 445);
        List<SmbEvent> smb = PcapCollectorTest.only(events, SmbEvent.class);
        assertThat(smb).extracting(SmbEvent::getSmbAction).containsExactly("tree_connect", "file_open");
        assertThat(smb.get(0).getSmbPath()).isEqualTo("\\\\fileserver\\ADMIN$");
        assertThat(smb.get(0).getSmbShareType()).isEqualTo("DISK");
        assertThat(smb.get(1).getFileName()).isEqualTo("evil.exe");
        assertThat(smb.get(1).getFileSize()).isEqualTo(1234L);
        NtlmEvent n = PcapCollectorTest.only(events, NtlmEvent.class).get(0);
        assertThat(n.getUserName()).isEqualTo("bob");
        assertThat(n.getUserDomain()).isEqualTo("CORP");
        assertThat(n.getNtlmHostname()).isEqualTo("WS1");
        assertThat(n.getNtlmSuccess()).isTrue();
        assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isEqualTo("smb");
    }

    private static ByteBuffer smb2(int command, boolean response, long messageId, int treeId, int bodyLen) {
        ByteBuffer b = ByteBuffer.allocate(64 + bodyLen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xfe, 'S', 'M', 'B'}).putShort((short) 64).putShort((short) 0).putInt(0)
                .putShort((short) command).putShort((short) 1).putInt(response ? 1 : 0).putInt(0).putLong(messageId)
                .putInt(0).putInt(treeId).putLong(0x1122).put(new byte[16]);
        return b;
    }

    private static void nbss(ByteArrayOutputStream out, ByteBuffer smb) {
        int len = smb.capacity();
        out.write(0);
        out.write(len >> 16);
        out.write(len >> 8);
        out.write(len);
        out.writeBytes(smb.array());
    }

    static byte[] ntlmAuthenticateMessage(String domain, String user, String host) {
        byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] h = host.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(64 + d.length + u.length + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("NTLMSSP\u0000")).putInt(3);
        b.putShort((short) 0).putShort((short) 0).putInt(64); // LM
        b.putShort((short) 0).putShort((short) 0).putInt(64); // NT
        b.putShort((short) d.length).putShort((short) d.length).putInt(64);
        b.putShort((short) u.length).putShort((short) u.length).putInt(64 + d.length);
        b.putShort((short) h.length).putShort((short) h.length).putInt(64 + d.length + u.length);
        b.putShort((short) 0).putShort((short) 0).putInt(0); // session key
        b.putInt(1); // NEGOTIATE_UNICODE
        b.put(d).put(u).put(h);
        return b.array();
    }
}
