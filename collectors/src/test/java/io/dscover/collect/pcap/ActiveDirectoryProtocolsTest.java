package io.dscover.collect.pcap;

import static io.dscover.collect.pcap.Asn1.app;
import static io.dscover.collect.pcap.Asn1.bits32;
import static io.dscover.collect.pcap.Asn1.ctx;
import static io.dscover.collect.pcap.Asn1.generalString;
import static io.dscover.collect.pcap.Asn1.integer;
import static io.dscover.collect.pcap.Asn1.octets;
import static io.dscover.collect.pcap.Asn1.seq;
import static io.dscover.collect.pcap.MoreProtocolsTest.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.DceRpcEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.KerberosEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.SmbEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The Windows-domain protocols attack tools use: Kerberos (Kerberoasting, AS-REP roasting, user
 * enumeration), SMB1 (old psexec, MS17-010 scanners, EternalBlue and DoublePulsar) and NTLM inside
 * HTTP. The messages are built here byte for byte from the specifications (RFC 4120, MS-CIFS,
 * MS-NLMP); their encodings were checked once against tshark's dissectors.
 */
class ActiveDirectoryProtocolsTest {

    static final String REALM = "CORP.LOCAL";

    // ------------------------------------------------------------------ Kerberos

    static byte[] principal(int type, String... parts) {
        byte[][] strings = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            strings[i] = generalString(parts[i]);
        }
        return seq(ctx(0, integer(type)), ctx(1, seq(strings)));
    }

    static byte[] kdcRequest(boolean as, String client, String[] service, int[] etypes, byte[] padata) {
        byte[][] et = new byte[etypes.length][];
        for (int i = 0; i < etypes.length; i++) {
            et[i] = integer(etypes[i]);
        }
        byte[] body = seq(ctx(0, bits32(1, 8, 27)), // forwardable, renewable, renewable-ok
                client == null ? new byte[0] : ctx(1, principal(1, client)),
                ctx(2, generalString(REALM)),
                ctx(3, principal(2, service)),
                ctx(5, Asn1.tlv(0x18, ascii("20370913024805Z"))),
                ctx(7, integer(0x1234567)),
                ctx(8, seq(et)));
        return app(as ? 10 : 12, seq(ctx(1, integer(5)), ctx(2, integer(as ? 10 : 12)),
                padata == null ? new byte[0] : ctx(3, seq(padata)), ctx(4, body)));
    }

    static byte[] kdcReply(boolean as, String client, String[] service, int ticketEtype) {
        byte[] ticket = app(1, seq(ctx(0, integer(5)), ctx(1, generalString(REALM)), ctx(2, principal(2, service)),
                ctx(3, seq(ctx(0, integer(ticketEtype)), ctx(1, integer(2)), ctx(2, octets(new byte[64]))))));
        return app(as ? 11 : 13, seq(ctx(0, integer(5)), ctx(1, integer(as ? 11 : 13)), ctx(3, generalString(REALM)),
                ctx(4, principal(1, client)), ctx(5, ticket),
                ctx(6, seq(ctx(0, integer(18)), ctx(1, integer(1)), ctx(2, octets(new byte[48]))))));
    }

    static byte[] krbError(int code, String client, String[] service) {
        return app(30, seq(ctx(0, integer(5)), ctx(1, integer(30)), ctx(4, Asn1.tlv(0x18, ascii("20240101000000Z"))),
                ctx(5, integer(0)), ctx(6, integer(code)),
                client == null ? new byte[0] : ctx(8, principal(1, client)),
                ctx(9, generalString(REALM)), ctx(10, principal(2, service))));
    }

    static byte[] tcpRecord(byte[] message) {
        return ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).array();
    }

    static final String[] KRBTGT = {"krbtgt", REALM};
    static final String[] MSSQL = {"MSSQLSvc", "sql01.corp.local:1433"};

    @Test
    void asRoastingKerberoastingAndUserEnumerationAreKerberosEventsOverUdpAndTcp() throws IOException {
        byte[] encTimestamp = seq(ctx(1, integer(2)), ctx(2, octets(new byte[56])));
        List<NetworkEvent> events = MoreProtocolsTest.udp(88,
                kdcRequest(true, "alice", KRBTGT, new int[] {18, 17, 23}, null),
                krbError(25, null, KRBTGT));
        events = new java.util.ArrayList<>(events);
        events.addAll(MoreProtocolsTest.udp(88,
                kdcRequest(true, "ghost", KRBTGT, new int[] {23}, null),
                krbError(6, null, KRBTGT)));
        events.addAll(MoreProtocolsTest.udp(88,
                kdcRequest(true, "alice", KRBTGT, new int[] {18}, encTimestamp),
                kdcReply(true, "alice", KRBTGT, 18)));
        // Kerberoasting: a TGS request for a service account's SPN asking for RC4, over TCP
        events.addAll(MoreProtocolsTest.tcp(tcpRecord(kdcRequest(false, null, MSSQL, new int[] {23}, encTimestamp)),
                tcpRecord(kdcReply(false, "alice", MSSQL, 23)), 88));

        List<KerberosEvent> krb = PcapCollectorTest.only(events, KerberosEvent.class);
        assertThat(krb).extracting(KerberosEvent::getKerberosRequestType, KerberosEvent::getKerberosClient,
                KerberosEvent::getKerberosService, KerberosEvent::getKerberosSuccess, KerberosEvent::getKerberosErrorMsg,
                KerberosEvent::getKerberosCipher).containsExactly(
                        tuple("AS", "alice/CORP.LOCAL", "krbtgt/CORP.LOCAL", false, "KDC_ERR_PREAUTH_REQUIRED", null),
                        tuple("AS", "ghost/CORP.LOCAL", "krbtgt/CORP.LOCAL", false, "KDC_ERR_C_PRINCIPAL_UNKNOWN", null),
                        tuple("AS", "alice/CORP.LOCAL", "krbtgt/CORP.LOCAL", true, null, "aes256-cts-hmac-sha1-96"),
                        tuple("TGS", "alice/CORP.LOCAL", "MSSQLSvc/sql01.corp.local:1433", true, null, "rc4-hmac"));
        assertThat(krb).allSatisfy(k -> {
            assertThat(k.getKerberosForwardable()).isTrue();
            assertThat(k.getKerberosRenewable()).isTrue();
            assertThat(k.getDestinationPort()).isEqualTo(88L);
        });
        // the event carries the request's time, not the reply's
        assertThat(krb.get(0).getLogRecord()).isEqualTo(1L);
        List<FlowEvent> flows = PcapCollectorTest.only(events, FlowEvent.class);
        assertThat(flows).extracting(FlowEvent::getNetworkProtocol).containsExactly("krb", "krb", "krb", "krb_tcp");
    }

    @Test
    void garbageOnPort88IsNotKerberosAndBrokenMessagesAreCounted() throws IOException {
        List<NetworkEvent> events = MoreProtocolsTest.udp(88, ascii("hello there, not ASN.1"), ascii("nor this"));
        assertThat(PcapCollectorTest.only(events, KerberosEvent.class)).isEmpty();
        assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isNull();
        byte[] good = kdcRequest(true, "bob", KRBTGT, new int[] {18}, null);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 20);
        InputLedger ledger = new InputLedger("t");
        Captures c = new Captures();
        c.add(1, MoreProtocolsTest.udpFrame(true, 88, good));
        c.add(2, MoreProtocolsTest.udpFrame(true, 88, cut));
        List<NetworkEvent> more = PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), ledger);
        assertThat(PcapCollectorTest.only(more, KerberosEvent.class)).hasSize(1);
        assertThat(ledger.rejectedByReason()).containsEntry("malformed Kerberos message", 1L);
    }

    // ------------------------------------------------------------------ SMB1

    /** One command of an SMB1 message: its parameter words and a byte block made knowing where it starts. */
    record Block(int command, byte[] words, IntFunction<byte[]> bytes) {
    }

    static final int FLAGS2 = 0xc843; // unicode, NT status, extended attributes, long names

    /** An SMB1 message of one or more chained (AndX) commands, in NetBIOS session framing. */
    static byte[] smb1(boolean reply, long status, int tid, int mid, Block... blocks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {(byte) 0xff, 'S', 'M', 'B'}).put((byte) blocks[0].command).putInt((int) status)
                .put((byte) (reply ? 0x98 : 0x18)).putShort((short) FLAGS2).putShort((short) 0).put(new byte[8])
                .putShort((short) 0).putShort((short) tid).putShort((short) 0xfeff).putShort((short) 100).putShort((short) mid);
        body.writeBytes(h.array());
        for (int i = 0; i < blocks.length; i++) {
            Block bl = blocks[i];
            byte[] words = bl.words.clone();
            int bytesAt = body.size() + 1 + words.length + 2;
            byte[] bytes = bl.bytes.apply(bytesAt);
            if (words.length >= 4 && andX(bl.command)) {
                int next = bytesAt + bytes.length;
                words[0] = (byte) (i + 1 < blocks.length ? blocks[i + 1].command : 0xff);
                words[2] = (byte) (i + 1 < blocks.length ? next : 0);
                words[3] = (byte) ((i + 1 < blocks.length ? next : 0) >> 8);
            }
            body.write(words.length / 2);
            body.writeBytes(words);
            body.write(bytes.length);
            body.write(bytes.length >> 8);
            body.writeBytes(bytes);
        }
        byte[] smb = body.toByteArray();
        return ByteBuffer.allocate(4 + smb.length).putInt(smb.length).put(smb).array();
    }

    private static boolean andX(int command) {
        return command == 0x73 || command == 0x75 || command == 0xa2 || command == 0x2e || command == 0x2f;
    }

    static byte[] words(int n, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer w = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(w);
        return w.array();
    }

    /** A NUL-terminated UTF-16LE string, with the pad byte that aligns it when it would start at an odd offset. */
    static byte[] unicode(int at, String s) {
        byte[] text = (s + "\0").getBytes(StandardCharsets.UTF_16LE);
        if ((at & 1) == 0) {
            return text;
        }
        byte[] padded = new byte[text.length + 1];
        System.arraycopy(text, 0, padded, 1, text.length);
        return padded;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static IntFunction<byte[]> none() {
        return at -> new byte[0];
    }

    static byte[] dceBind() {
        ByteBuffer bind = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        bind.put(new byte[] {5, 0, 11, 3, 0x10, 0, 0, 0}).putShort((short) 72).putShort((short) 0).putInt(1);
        bind.putShort((short) 4280).putShort((short) 4280).putInt(0).put((byte) 1).put(new byte[3]);
        bind.putShort((short) 0).put((byte) 1).put((byte) 0);
        bind.put(MoreProtocolsTest.uuid("367abb81-9844-35f1-ad32-98f038001003")).putInt(2);
        bind.put(MoreProtocolsTest.uuid("8a885d04-1ceb-11c9-9fe8-08002b104860")).putInt(2);
        return bind.array();
    }

    static byte[] dcePdu(int type, int callId, int opnum) {
        ByteBuffer p = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        p.put(new byte[] {5, 0, (byte) type, 3, 0x10, 0, 0, 0}).putShort((short) 24).putShort((short) 0).putInt(callId)
                .putInt(0).putShort((short) 0).putShort((short) opnum);
        return p.array();
    }

    @Test
    void smb1SessionTreeConnectNamedPipeRpcAndTheMs17010ProbesBecomeEvents() throws IOException {
        List<NetworkEvent> events = MoreProtocolsTest.run(MoreProtocolsTest.exchange(445, smb1PipeSession()));
        List<SmbEvent> smb = PcapCollectorTest.only(events, SmbEvent.class);
        assertThat(smb).extracting(SmbEvent::getSmbVersion).containsOnly("SMB1");
        assertThat(smb).extracting(SmbEvent::getSmbAction, SmbEvent::getSmbPath, SmbEvent::getFileName, SmbEvent::getSmbStatus)
                .containsExactly(
                        tuple("negotiate", null, null, "STATUS_SUCCESS"),
                        tuple("tree_connect", "\\\\10.0.0.20\\IPC$", null, "STATUS_SUCCESS"),
                        tuple("pipe_open", "\\\\10.0.0.20\\IPC$", "\\svcctl", "STATUS_SUCCESS"),
                        tuple("trans_peek_nmpipe", "\\\\10.0.0.20\\IPC$", "\\PIPE\\", "STATUS_INSUFF_SERVER_RESOURCES"),
                        tuple("trans2_session_setup", "\\\\10.0.0.20\\IPC$", null, "STATUS_NOT_IMPLEMENTED"));
        assertThat(smb.get(1).getSmbShareType()).isEqualTo("PIPE");
        assertThat(smb.get(1).getSmbService()).isEqualTo("IPC");
        NtlmEvent logon = PcapCollectorTest.only(events, NtlmEvent.class).get(0);
        assertThat(logon.getUserName()).isEqualTo("administrator");
        assertThat(logon.getUserDomain()).isEqualTo("CORP");
        assertThat(logon.getNtlmSuccess()).isTrue();
        DceRpcEvent rpc = PcapCollectorTest.only(events, DceRpcEvent.class).get(0);
        assertThat(rpc.getDceRpcEndpoint()).isEqualTo("svcctl");
        assertThat(rpc.getDceRpcOperation()).isEqualTo("CreateServiceW");
        assertThat(rpc.getDceRpcNamedPipe()).isEqualTo("\\svcctl");
        assertThat(rpc.getDceRpcRtt()).isNotNull();
        assertThat(PcapCollectorTest.only(events, FlowEvent.class).get(0).getNetworkProtocol()).isEqualTo("smb,dce_rpc");
    }

    /**
     * An SMB1 session as old psexec-style tools and MS17-010 scanners make it: negotiate, a logon
     * chained with a tree connect to IPC$, the svcctl pipe opened, bound and called, a
     * PeekNamedPipe probe and a TRANS2 SESSION_SETUP. Requests and responses in turn.
     */
    static byte[][] smb1PipeSession() {
        List<byte[]> turns = new java.util.ArrayList<>();
        // NEGOTIATE: NT LM 0.12
        turns.add(smb1(false, 0, 0, 1, new Block(0x72, new byte[0], at -> concat(new byte[] {2}, ascii("NT LM 0.12\0")))));
        turns.add(smb1(true, 0, 0, 1, new Block(0x72, words(17, w -> w.putShort((short) 0)), none())));
        // SESSION_SETUP_ANDX without NTLMSSP (CORP\administrator) chained with TREE_CONNECT_ANDX to IPC$
        Block setup = new Block(0x73, words(13, w -> {
            w.putInt(0).putShort((short) 4356).putShort((short) 50).putShort((short) 0).putInt(0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0xd4);
        }), at -> {
            byte[] account = unicode(at, "administrator");
            byte[] domain = unicode(at + account.length, "CORP");
            return concat(account, domain, unicode(at + account.length + domain.length, "Unix"));
        });
        Block ipc = new Block(0x75, words(4, w -> w.putInt(0).putShort((short) 0).putShort((short) 1)),
                at -> concat(new byte[1], unicode(at + 1, "\\\\10.0.0.20\\IPC$"), ascii("?????\0")));
        turns.add(smb1(false, 0, 0, 2, setup, ipc));
        turns.add(smb1(true, 0, 2048, 2, new Block(0x73, words(3, w -> w.putInt(0).putShort((short) 0)), none()),
                new Block(0x75, words(3, w -> w.putInt(0).putShort((short) 1)), at -> ascii("IPC\0\0"))));
        // NT_CREATE_ANDX of the svcctl pipe, bound and called (CreateServiceW) through WRITE_ANDX and TRANSACTION
        turns.add(smb1(false, 0, 2048, 3, new Block(0xa2, ntCreateWords("\\svcctl"), at -> unicode(at, "\\svcctl"))));
        turns.add(smb1(true, 0, 2048, 3, new Block(0xa2, ntCreateResponseWords(0x4000, 0, 2), none())));
        byte[] bind = dceBind();
        turns.add(smb1(false, 0, 2048, 4, new Block(0x2f, writeWords(0x4000, bind.length, 32 + 1 + 24 + 2 + 1),
                at -> concat(new byte[1], bind))));
        turns.add(smb1(true, 0, 2048, 4, new Block(0x2f, words(6, w -> w.putInt(0).putShort((short) bind.length)), none())));
        byte[] call = dcePdu(0, 2, 12);
        turns.add(smb1(false, 0, 2048, 5, new Block(0x25, transactionWords(0x26, 0x4000, call.length, 32 + 1 + 32 + 2 + 1),
                at -> concat(new byte[1], call))));
        byte[] answer = dcePdu(2, 2, 0);
        turns.add(smb1(true, 0, 2048, 5, new Block(0x25, words(10, w -> w.putShort((short) 0).putShort((short) answer.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) answer.length).putShort((short) (32 + 1 + 20 + 2 + 1)).putShort((short) 0).putShort((short) 0)),
                at -> concat(new byte[1], answer))));
        // the MS17-010 check: PeekNamedPipe on FID 0 answered STATUS_INSUFF_SERVER_RESOURCES; a DoublePulsar ping
        turns.add(smb1(false, 0, 2048, 6, new Block(0x25, transactionWords(0x23, 0, 0, 0), at -> unicode(at, "\\PIPE\\"))));
        turns.add(smb1(true, 0xC0000205L, 2048, 6, new Block(0x25, new byte[0], none())));
        turns.add(smb1(false, 0, 2048, 7, new Block(0x32, transactionWords(0x0e, -1, 0, 0), none())));
        turns.add(smb1(true, 0xC0000002L, 2048, 7, new Block(0x32, new byte[0], none())));
        return turns.toArray(new byte[0][]);
    }

    @Test
    void smb1FileCopyToAnAdminShareIsAnOpenAndAWrite() throws IOException {
        List<byte[]> turns = new java.util.ArrayList<>();
        turns.add(smb1(false, 0, 0, 1, new Block(0x75, words(4, w -> w.putInt(0xff).putShort((short) 0).putShort((short) 1)),
                at -> concat(new byte[1], unicode(at + 1, "\\\\10.0.0.20\\ADMIN$"), ascii("?????\0")))));
        turns.add(smb1(true, 0, 7, 1, new Block(0x75, words(3, w -> w.putInt(0xff).putShort((short) 1)), at -> ascii("A:\0NTFS\0"))));
        turns.add(smb1(false, 0, 7, 2, new Block(0xa2, ntCreateWords("PSEXESVC.exe"), at -> unicode(at, "PSEXESVC.exe"))));
        turns.add(smb1(true, 0, 7, 2, new Block(0xa2, ntCreateResponseWords(0x4001, 0, 0), none())));
        byte[] data = new byte[3000];
        data[0] = 'M';
        data[1] = 'Z';
        turns.add(smb1(false, 0, 7, 3, new Block(0x2f, writeWords(0x4001, data.length, 32 + 1 + 24 + 2 + 1),
                at -> concat(new byte[1], data))));
        turns.add(smb1(true, 0, 7, 3, new Block(0x2f, words(6, w -> w.putInt(0xff).putShort((short) data.length)), none())));
        // a second write of the same file is not another event
        turns.add(smb1(false, 0, 7, 4, new Block(0x2f, writeWords(0x4001, 10, 32 + 1 + 24 + 2 + 1),
                at -> concat(new byte[1], new byte[10]))));
        List<SmbEvent> smb = PcapCollectorTest.only(MoreProtocolsTest.run(MoreProtocolsTest.exchange(445, turns.toArray(new byte[0][]))), SmbEvent.class);
        assertThat(smb).extracting(SmbEvent::getSmbAction, SmbEvent::getSmbPath, SmbEvent::getFileName).containsExactly(
                tuple("tree_connect", "\\\\10.0.0.20\\ADMIN$", null),
                tuple("file_open", "\\\\10.0.0.20\\ADMIN$", "PSEXESVC.exe"),
                tuple("file_write", "\\\\10.0.0.20\\ADMIN$", "PSEXESVC.exe"));
        assertThat(smb.get(0).getSmbShareType()).isEqualTo("DISK");
    }

    static byte[] ntCreateWords(String name) {
        int nameLen = (name.length() + 1) * 2;
        return words(24, w -> w.putInt(0xff).put((byte) 0).putShort((short) nameLen).putInt(0).putInt(0).putInt(0x0002019f)
                .putLong(0).putInt(0).putInt(3).putInt(1).putInt(0x40).putInt(2).put((byte) 0));
    }

    static byte[] ntCreateResponseWords(int fid, long size, int resourceType) {
        return words(34, w -> w.putInt(0xff).put((byte) 0).putShort((short) fid).putInt(1).putLong(0).putLong(0).putLong(0)
                .putLong(0).putInt(0x80).putLong(size).putLong(size).putShort((short) resourceType).putShort((short) 0)
                .put((byte) 0));
    }

    static byte[] writeWords(int fid, int dataLen, int dataOffset) {
        return words(12, w -> w.putInt(0xff).putShort((short) fid).putInt(0).putInt(0).putShort((short) 8)
                .putShort((short) dataLen).putShort((short) 0).putShort((short) dataLen).putShort((short) dataOffset));
    }

    /** TRANSACTION/TRANSACTION2 parameter words with two setup words (subcommand, FID) or one when fid is -1. */
    static byte[] transactionWords(int sub, int fid, int dataLen, int dataOffset) {
        int setup = fid < 0 ? 1 : 2;
        return words(14 + setup, w -> {
            w.putShort((short) 0).putShort((short) dataLen).putShort((short) 0).putShort((short) 1024).put((byte) 0)
                    .put((byte) 0).putShort((short) 0).putInt(0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) dataLen).putShort((short) dataOffset).put((byte) setup)
                    .put((byte) 0).putShort((short) sub);
            if (fid >= 0) {
                w.putShort((short) fid);
            }
        });
    }

    // ------------------------------------------------------------------ NTLM over HTTP

    @Test
    void ntlmInAnHttpAuthorizationHeaderIsALogonWithTheResponsesOutcome() throws IOException {
        String token = Base64.getEncoder().encodeToString(MoreProtocolsTest.ntlmAuthenticateMessage("CORP", "svc_web", "KALI"));
        byte[] request = ascii("GET /ews/exchange.asmx HTTP/1.1\r\nHost: mail.corp.local\r\nAuthorization: NTLM " + token
                + "\r\n\r\nGET /owa HTTP/1.1\r\nHost: mail.corp.local\r\nAuthorization: Negotiate " + token + "\r\n\r\n");
        byte[] response = ascii("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        List<NetworkEvent> events = MoreProtocolsTest.tcp(request, response, 80);
        assertThat(PcapCollectorTest.only(events, HttpEvent.class)).hasSize(2);
        assertThat(PcapCollectorTest.only(events, NtlmEvent.class))
                .extracting(NtlmEvent::getUserName, NtlmEvent::getUserDomain, NtlmEvent::getNtlmHostname,
                        NtlmEvent::getNtlmSuccess, NtlmEvent::getNtlmStatus)
                .containsExactly(tuple("svc_web", "CORP", "KALI", false, "401"), tuple("svc_web", "CORP", "KALI", true, "200"));
    }
}
