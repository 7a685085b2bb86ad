package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.CollectorOptions;
import io.dscover.collect.Input;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.DceRpcEvent;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.FtpEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.KerberosEvent;
import io.dscover.model.event.LogEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NoticeEvent;
import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.RdpEvent;
import io.dscover.model.event.SmbEvent;
import io.dscover.model.event.SmtpEvent;
import io.dscover.model.event.SnmpEvent;
import io.dscover.model.event.SshEvent;
import io.dscover.model.event.TftpEvent;
import io.dscover.model.event.TlsEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which events each Zeek log becomes, field by field. */
class ZeekLogMappingTest {

    private static String log(String path, String fields, String types, String... rows) {
        return "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t" + path + "\n#fields\t"
                + fields.replace(' ', '\t') + "\n#types\t" + types.replace(' ', '\t') + "\n" + String.join("\n", rows) + "\n";
    }

    private static final String ID = "ts uid id.orig_h id.orig_p id.resp_h id.resp_p ";
    private static final String ID_TYPES = "time string addr port addr port ";
    private static final String ID_ROW = "1714557600.000000\tC1\t10.1.20.15\t50000\t10.1.7.7\t";

    @Test
    void connRowsAreAConnectionCreationAndAFlowOfTheSameConnection() {
        ZeekReading.Result r = ZeekReading.file(ZeekReading.fixture("tsv/conn.log"));

        assertThat(r.ledger().recordsRead()).isEqualTo(12);
        assertThat(r.ofType("connection")).hasSize(12);
        assertThat(r.ofType("flow")).hasSize(12);
        ConnectionEvent c = (ConnectionEvent) r.events().get(0);
        FlowEvent f = (FlowEvent) r.events().get(1);
        assertThat(c.component()).isEqualTo(DataComponent.CONNECTION_CREATION);
        assertThat(f.component()).isEqualTo(DataComponent.TRAFFIC_FLOW);
        for (NetworkEvent e : List.of(c, f)) {
            assertThat(e.getTs()).isEqualTo(1_714_557_600_012_345_000L);
            assertThat(e.getTsPrecision()).isEqualTo(6);
            assertThat(e.getEventProvider()).isEqualTo("zeek");
            assertThat(e.getEventDataset()).isEqualTo("zeek.conn");
            assertThat(e.getConnectionUid()).isEqualTo("CUM0KZ3MLUfNB0cl11");
            assertThat(e.getSourceIp()).isEqualTo("10.1.20.15");
            assertThat(e.getSourcePort()).isEqualTo(52344L);
            assertThat(e.getDestinationIp()).isEqualTo("93.184.216.34");
            assertThat(e.getDestinationPort()).isEqualTo(443L);
            assertThat(e.getNetworkTransport()).isEqualTo("tcp");
            assertThat(e.getNetworkType()).isEqualTo("ipv4");
            assertThat(e.getNetworkCommunityId()).isEqualTo("1:" + communityIdOf("10.1.20.15", 52344, "93.184.216.34", 443, 6));
            assertThat(e.getLogRecord()).isEqualTo(9L);
        }
        assertThat(c.getNetworkDirection()).isEqualTo("outbound");
        assertThat(f.getNetworkProtocol()).isEqualTo("ssl");
        assertThat(f.getEventDuration()).isEqualTo(12_345_678_000L);
        assertThat(f.getSourceBytes()).isEqualTo(1532L);
        assertThat(f.getDestinationBytes()).isEqualTo(48210L);
        assertThat(f.getNetworkBytes()).isEqualTo(1532L + 48210L);
        assertThat(f.getSourcePackets()).isEqualTo(24L);
        assertThat(f.getDestinationPackets()).isEqualTo(38L);
        assertThat(f.getNetworkPackets()).isEqualTo(62L);
        assertThat(f.getSourceIpBytes()).isEqualTo(2804L);
        assertThat(f.getDestinationIpBytes()).isEqualTo(50198L);
        assertThat(f.getFlowState()).isEqualTo("SF");
        assertThat(f.getFlowHistory()).isEqualTo("ShADadFf");
        assertThat(f.getFlowMissedBytes()).isZero();
        assertThat(f.getFlowLocalOrig()).isTrue();
        assertThat(f.getFlowLocalResp()).isFalse();
        assertThat(f.getFlowTunnelParents()).isNull();
        assertThat(f.extra()).containsEntry("zeek.orig_l2_addr", "00:50:56:a1:0b:33")
                .containsEntry("zeek.resp_l2_addr", "00:0c:29:44:11:02").hasSize(2);
        assertThat(c.extra()).isEmpty();
    }

    @Test
    void connRowsKeepStatesTunnelsIcmpAndIpv6() {
        List<FlowEvent> flows = ZeekReading.file(ZeekReading.fixture("tsv/conn.log")).ofType("flow").stream()
                .map(FlowEvent.class::cast).toList();

        assertThat(flows).extracting(FlowEvent::getFlowState)
                .containsExactly("SF", "SF", "S0", "REJ", "OTH", "OTH", "OTH", "RSTO", "SF", "SF", "OTH", "S1");
        FlowEvent scan = flows.get(2);
        assertThat(scan.getNetworkDirection()).isEqualTo("inbound");
        FlowEvent ping = flows.get(4);
        assertThat(ping.getNetworkTransport()).isEqualTo("icmp");
        assertThat(ping.getSourcePort()).as("ICMP type").isEqualTo(8L);
        assertThat(ping.getNetworkCommunityId()).isEqualTo("1:" + communityIdOf("10.1.20.15", 8, "10.1.0.1", 0, 1));
        FlowEvent unreachable = flows.get(5);
        assertThat(unreachable.getEventDuration()).isNull();
        assertThat(unreachable.getSourceBytes()).isNull();
        assertThat(unreachable.getNetworkBytes()).isNull();
        FlowEvent neighbour = flows.get(6);
        assertThat(neighbour.getNetworkTransport()).as("Zeek logs ICMPv6 as icmp").isEqualTo("ipv6-icmp");
        assertThat(neighbour.getNetworkType()).isEqualTo("ipv6");
        assertThat(neighbour.getDestinationIp()).isEqualTo("ff02::1:ff00:53");
        assertThat(flows.get(7).getNetworkProtocol()).isEqualTo("ssl,quic");
        assertThat(flows.get(8).getFlowMissedBytes()).isEqualTo(1460L);
        FlowEvent teredo = flows.get(9);
        assertThat(teredo.getNetworkDirection()).as("F/F may only mean local_nets is not configured").isNull();
        assertThat(teredo.extra()).containsEntry("zeek.orig_l2_addr", "");
        assertThat(flows.get(10).getFlowTunnelParents()).containsExactly("Ck51lg1bScffFj34Ri", "CHhAvVGS1DHFjwGM9");
        assertThat(flows.get(11).getFlowLocalResp()).isNull();
        assertThat(flows.get(11).getNetworkDirection()).isNull();
    }

    @Test
    void aCommunityIdColumnIsTakenAsIsAndVlanFillsTheVlanId() {
        ZeekReading.Result r = ZeekReading.text("conn.log", log("conn", ID + "proto community_id vlan", ID_TYPES + "enum string int",
                ID_ROW + "445\ttcp\t1:AAAAAAAAAAAAAAAAAAAAAAAAAAA=\t120"));

        assertThat(r.events()).allSatisfy(e -> {
            assertThat(e.getNetworkCommunityId()).isEqualTo("1:AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
            assertThat(e.getNetworkVlanId()).isEqualTo(120L);
        });
    }

    @Test
    void dnsLogRowsSayWhichNameServiceCarriedThem() {
        String log = String.join("\n",
                "#separator \\x09",
                "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\tanswers",
                "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tvector[string]",
                "1714557600.1\tC1\t10.1.20.15\t51000\t10.1.0.53\t53\tudp\texample.com\t-",
                "1714557600.2\tC2\t10.1.20.15\t51001\t224.0.0.252\t5355\tudp\tfileserv\t-",
                "1714557600.3\tC3\t10.1.20.66\t5355\t10.1.20.15\t51001\tudp\tfileserv\t10.1.20.66",
                "1714557600.4\tC4\t10.1.20.15\t137\t10.1.20.255\t137\tudp\tFILESERV\t-",
                "1714557600.5\tC5\t10.1.20.15\t5353\t224.0.0.251\t5353\tudp\tprinter.local\t-",
                "");
        List<String> protocols = ZeekReading.text("dns.log", log).events().stream()
                .filter(DnsEvent.class::isInstance).map(e -> ((DnsEvent) e).getDnsProtocol()).toList();

        assertThat(protocols).containsExactly("dns", "llmnr", "llmnr", "nbns", "mdns");
    }

    @Test
    void dnsNamesFollowTheSchemaNotZeek() {
        List<DnsEvent> dns = ZeekReading.file(ZeekReading.fixture("tsv/dns.log")).events().stream()
                .map(DnsEvent.class::cast).toList();

        DnsEvent a = dns.get(0);
        assertThat(a.component()).isEqualTo(DataComponent.TRAFFIC_FLOW);
        assertThat(a.getDnsQuestionName()).isEqualTo("www.example.com");
        assertThat(a.getDnsQuestionClass()).isEqualTo("IN");
        assertThat(a.getDnsQuestionType()).isEqualTo("A");
        assertThat(a.getDnsResponseCode()).isEqualTo("NOERROR");
        assertThat(a.getDnsId()).isEqualTo(36329L);
        assertThat(a.getDnsRtt()).isEqualTo(870_000L);
        assertThat(a.getDnsHeaderFlags()).containsExactly("RD", "RA");
        assertThat(a.getDnsAnswers()).containsExactly("93.184.216.34");
        assertThat(a.getDnsAnswerTtls()).containsExactly(86_400L);
        assertThat(a.getDnsRejected()).isFalse();
        assertThat(a.getNetworkTransport()).isEqualTo("udp");
        assertThat(a.extra()).containsEntry("zeek.Z", 0L);
        assertThat(dns.get(1).getDnsResponseCode()).isEqualTo("NXDOMAIN");
        assertThat(dns.get(1).getDnsAnswers()).isNull();
        assertThat(dns.get(2).getDnsAnswers()).containsExactly("TXT 27 aGVsbG8sIHdvcmxk, again", "TXT 5 hello");
        assertThat(dns.get(2).getDnsHeaderFlags()).containsExactly("AA", "RD", "RA");
        assertThat(dns.get(3).getDnsQuestionType()).isEqualTo("ANY");
        assertThat(dns.get(3).getDnsAnswers()).isEmpty();
        assertThat(dns.get(3).getNetworkTransport()).isEqualTo("tcp");
        assertThat(dns.get(4).getDnsQuestionType()).isEqualTo("TYPE65399");
        assertThat(dns.get(4).getDnsQuestionClass()).isEqualTo("CH");
        assertThat(dns.get(4).getDnsHeaderFlags()).isEmpty();
    }

    @Test
    void httpHostLosesItsPortAndMimeListsKeepTheirFirstEntry() {
        List<HttpEvent> http = ZeekReading.file(ZeekReading.fixture("tsv/http.log")).events().stream()
                .map(HttpEvent.class::cast).toList();

        HttpEvent get = http.get(0);
        assertThat(get.getHttpRequestMethod()).isEqualTo("GET");
        assertThat(get.getUrlDomain()).isEqualTo("update.example.com");
        assertThat(get.getHttpVersion()).isEqualTo("1.1");
        assertThat(get.getHttpResponseStatusCode()).isEqualTo(200L);
        assertThat(get.getHttpResponseStatusPhrase()).isEqualTo("OK");
        assertThat(get.getHttpResponseBodyBytes()).isEqualTo(1_048_576L);
        assertThat(get.getHttpResponseMimeType()).isEqualTo("application/x-dosexec");
        assertThat(get.getHttpTransDepth()).isEqualTo(1L);
        assertThat(get.getNetworkTransport()).isEqualTo("tcp");
        assertThat(get.extra()).containsEntry("zeek.resp_fuids", List.of("FrEAbN2hhbyLSVbnee"));
        assertThat(http.get(1).getUrlDomain()).isEqualTo("2001:db8::80");
        assertThat(http.get(1).getHttpRequestMimeType()).isEqualTo("application/octet-stream");
        assertThat(http.get(2).getHttpRequestReferrer()).isEqualTo("http://ref.example/");
        assertThat(HttpMapper.hostWithoutPort("fe80::1")).isEqualTo("fe80::1");
        assertThat(HttpMapper.hostWithoutPort("example.com:http")).isEqualTo("example.com:http");
    }

    @Test
    void sslJoinsTheX509LogOfItsFolder(@TempDir Path dir) throws IOException {
        Files.copy(ZeekReading.fixture("tsv/ssl.log"), dir.resolve("ssl.log"));
        Files.copy(ZeekReading.fixture("json/x509.json"), dir.resolve("x509.json"));

        List<TlsEvent> tls = ZeekReading.file(dir.resolve("ssl.log")).events().stream().map(TlsEvent.class::cast).toList();

        TlsEvent t = tls.get(0);
        assertThat(t.getTlsVersion()).isEqualTo("1.2");
        assertThat(t.getTlsVersionProtocol()).isEqualTo("tls");
        assertThat(t.getTlsCipher()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(t.getTlsCurve()).isEqualTo("x25519");
        assertThat(t.getTlsClientServerName()).isEqualTo("www.example.com");
        assertThat(t.getTlsNextProtocol()).isEqualTo("h2");
        assertThat(t.getTlsEstablished()).isTrue();
        assertThat(t.getTlsResumed()).isFalse();
        assertThat(t.getTlsClientJa3()).isEqualTo("771b4b8bb5f7d2a0a8a8e8c2e4a5d3a1");
        assertThat(t.getTlsServerJa3s()).isEqualTo("f4febc55ea12b31ae17cfb7e614afda8");
        assertThat(t.getTlsServerSubject()).startsWith("CN=www.example.com,O=Internet Corporation");
        assertThat(t.getTlsServerIssuer()).isEqualTo("CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1,O=DigiCert Inc,C=US");
        assertThat(t.getTlsServerNotBefore()).isEqualTo(1_705_276_800_000_000_000L);
        assertThat(t.getTlsServerNotAfter()).isEqualTo(1_737_072_000_999_999_000L);
        assertThat(t.getTlsServerSubjectAltNames()).containsExactly("www.example.com", "example.com", "example.net");
        assertThat(t.getTlsServerHashSha256()).isEqualTo("6bacfa4536150ed996f2b0c05ab6e345a257225f449aeb9d2018ccd88f4ede43");
        assertThat(t.extra()).containsEntry("zeek.ssl_history", "CsxknGIti").containsKey("zeek.cert_chain_fps");
        assertThat(tls.get(1).getTlsVersion()).isEqualTo("1.3");
        assertThat(tls.get(1).getTlsServerSubject()).isNull();
        assertThat(tls.get(2).getTlsVersionProtocol()).isEqualTo("dtls");
        assertThat(tls.get(2).getNetworkTransport()).isEqualTo("udp");
    }

    @Test
    void olderZeekJoinsByFileIdAndCanBeToldNotToJoin(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ssl.2019-01-01-00-00-00.log"), log("ssl", ID + "version subject cert_chain_fuids",
                ID_TYPES + "string string vector[string]", ID_ROW + "443\tTLSv10\t-\tFp1Cbx2KlEGrpYUDod,FT1mxz3hqH0UrkdIc2"));
        Files.writeString(dir.resolve("x509.2019-01-01-00-00-00.log"), log("x509",
                "ts id certificate.subject certificate.issuer certificate.not_valid_before san.dns",
                "time string string string time vector[string]",
                "1714557600.000000\tFp1Cbx2KlEGrpYUDod\tCN=old.example\tCN=Old CA\t1500000000.000000\told.example"));
        Path ssl = dir.resolve("ssl.2019-01-01-00-00-00.log");

        TlsEvent joined = (TlsEvent) ZeekReading.read(Input.of(ssl), CollectorOptions.empty(), List.of()).only();
        TlsEvent alone = (TlsEvent) ZeekReading.read(Input.of(ssl),
                CollectorOptions.of(java.util.Map.of("zeek.x509", "off")), List.of()).only();

        assertThat(joined.getTlsServerSubject()).isEqualTo("CN=old.example");
        assertThat(joined.getTlsServerIssuer()).isEqualTo("CN=Old CA");
        assertThat(joined.getTlsServerNotBefore()).isEqualTo(1_500_000_000_000_000_000L);
        assertThat(joined.getTlsServerSubjectAltNames()).containsExactly("old.example");
        assertThat(alone.getTlsServerSubject()).isNull();
    }

    @Test
    void smbLogsAreTreeConnectsAndFileActions() {
        List<NetworkEvent> mapping = ZeekReading.file(ZeekReading.fixture("tsv/smb_mapping.log")).events();
        List<NetworkEvent> files = ZeekReading.file(ZeekReading.fixture("tsv/smb_files.log")).events();

        SmbEvent admin = (SmbEvent) mapping.get(0);
        assertThat(admin.getSmbAction()).isEqualTo("tree_connect");
        assertThat(admin.getSmbPath()).isEqualTo("\\\\10.1.7.7\\ADMIN$");
        assertThat(admin.getSmbShareType()).isEqualTo("DISK");
        assertThat(admin.extra()).containsEntry("zeek.native_file_system", "NTFS");
        assertThat(((SmbEvent) mapping.get(1)).getSmbService()).isEqualTo("IPC");
        SmbEvent write = (SmbEvent) files.get(0);
        assertThat(write.getSmbAction()).isEqualTo("file_write");
        assertThat(write.getFileName()).isEqualTo("PSEXESVC.exe");
        assertThat(write.getFileSize()).isEqualTo(381_816L);
        assertThat(write.getNetworkTransport()).isEqualTo("tcp");
        assertThat(write.extra()).containsEntry("zeek.times.modified", "2024-05-01T10:00:19.123456Z");
    }

    @Test
    void smbCommandsAreLowerCased() {
        SmbEvent e = (SmbEvent) ZeekReading.text("smb_cmd.log", log("smb_cmd", ID + "command sub_command argument status rtt version tree tree_service",
                ID_TYPES + "string string string string interval string string string",
                ID_ROW + "445\tTREE_CONNECT\t-\t\\\\\\\\10.1.7.7\\\\C$\tSUCCESS\t0.000300\tSMB2\t\\\\\\\\10.1.7.7\\\\C$\t-")).only();

        assertThat(e.getSmbAction()).isEqualTo("tree_connect");
        assertThat(e.getSmbStatus()).isEqualTo("SUCCESS");
        assertThat(e.getSmbVersion()).isEqualTo("SMB2");
        assertThat(e.getSmbPath()).isEqualTo("\\\\10.1.7.7\\C$");
    }

    @Test
    void noticesAboutHostsTakeTheirAddressesFromSrcAndDst() {
        List<NoticeEvent> notices = ZeekReading.file(ZeekReading.fixture("tsv/notice.log")).events().stream()
                .map(NoticeEvent.class::cast).toList();

        NoticeEvent scan = notices.get(0);
        assertThat(scan.getNoticeNote()).isEqualTo("Scan::Port_Scan");
        assertThat(scan.getNoticeMsg()).startsWith("198.51.100.23 scanned at least 15 unique ports");
        assertThat(scan.getSourceIp()).isEqualTo("198.51.100.23");
        assertThat(scan.getDestinationIp()).isEqualTo("10.1.5.20");
        assertThat(scan.getNoticeActions()).containsExactly("Notice::ACTION_LOG", "Notice::ACTION_EMAIL");
        assertThat(scan.extra()).containsEntry("zeek.suppress_for", 3_600_000_000_000L)
                .containsEntry("zeek.remote_location.latitude", 52.3759);
        NoticeEvent cert = notices.get(1);
        assertThat(cert.getConnectionUid()).isEqualTo("CUM0KZ3MLUfNB0cl11");
        assertThat(cert.getNetworkTransport()).isEqualTo("tcp");
        assertThat(cert.getNetworkCommunityId()).isNotNull();
    }

    @Test
    void everyOtherProtocolLogMapsItsColumns() {
        SshEvent ssh = (SshEvent) ZeekReading.text("ssh.log", log("ssh",
                ID + "version auth_success auth_attempts direction client server cipher_alg mac_alg compression_alg kex_alg host_key_alg host_key hassh hasshServer",
                ID_TYPES + "count bool count enum string string string string string string string string string string",
                ID_ROW + "22\t2\tF\t6\tINBOUND\tSSH-2.0-libssh_0.9.6\tSSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6\tchacha20-poly1305@openssh.com"
                        + "\tumac-64-etm@openssh.com\tnone\tcurve25519-sha256\tssh-ed25519\t2d:37:6b:11\tb5752e36ba6c5979a575e43178908adf"
                        + "\tb12d2871a1189eff20364cf5333619ee")).only();
        assertThat(ssh.getSshVersion()).isEqualTo(2L);
        assertThat(ssh.getSshAuthSuccess()).isFalse();
        assertThat(ssh.getSshAuthAttempts()).isEqualTo(6L);
        assertThat(ssh.getSshClient()).isEqualTo("SSH-2.0-libssh_0.9.6");
        assertThat(ssh.getSshServer()).isEqualTo("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6");
        assertThat(ssh.getSshCipher()).isEqualTo("chacha20-poly1305@openssh.com");
        assertThat(ssh.getSshMac()).isEqualTo("umac-64-etm@openssh.com");
        assertThat(ssh.getSshKex()).isEqualTo("curve25519-sha256");
        assertThat(ssh.getSshHostKey()).isEqualTo("2d:37:6b:11");
        assertThat(ssh.getSshHassh()).isEqualTo("b5752e36ba6c5979a575e43178908adf");
        assertThat(ssh.getSshHasshServer()).isEqualTo("b12d2871a1189eff20364cf5333619ee");
        assertThat(ssh.extra()).containsEntry("zeek.direction", "INBOUND").containsEntry("zeek.host_key_alg", "ssh-ed25519");

        RdpEvent rdp = (RdpEvent) ZeekReading.text("rdp.log", log("rdp",
                ID + "cookie result security_protocol client_channels keyboard_layout client_build client_name",
                ID_TYPES + "string string string vector[string] string string string",
                ID_ROW + "3389\tAWAKECODI\tencrypted\tHYBRID\trdpdr,rdpsnd\tEnglish - United States\tRDP 8.1\tWS-0042")).only();
        assertThat(rdp.getRdpCookie()).isEqualTo("AWAKECODI");
        assertThat(rdp.getRdpResult()).isEqualTo("encrypted");
        assertThat(rdp.getRdpSecurityProtocol()).isEqualTo("HYBRID");
        assertThat(rdp.getRdpKeyboardLayout()).isEqualTo("English - United States");
        assertThat(rdp.getRdpClientBuild()).isEqualTo("RDP 8.1");
        assertThat(rdp.getRdpClientName()).isEqualTo("WS-0042");
        assertThat(rdp.extra()).containsEntry("zeek.client_channels", List.of("rdpdr", "rdpsnd"));

        FtpEvent ftp = (FtpEvent) ZeekReading.text("ftp.log", log("ftp",
                ID + "user password command arg mime_type file_size reply_code reply_msg data_channel.passive data_channel.orig_h data_channel.resp_h data_channel.resp_p fuid",
                ID_TYPES + "string string string string string count count string bool addr addr port string",
                ID_ROW + "21\tanonymous\tftp@example.com\tRETR\tftp://10.1.7.7/pub/tools.zip\tapplication/zip\t77\t226\tTransfer complete.\tT\t10.1.20.15\t10.1.7.7\t57086\tFsjCjs2KrmDNbVy1Y9")).only();
        assertThat(ftp.getUserName()).isEqualTo("anonymous");
        assertThat(ftp.getFtpCommand()).isEqualTo("RETR");
        assertThat(ftp.getFtpArg()).isEqualTo("ftp://10.1.7.7/pub/tools.zip");
        assertThat(ftp.getFileSize()).isEqualTo(77L);
        assertThat(ftp.getFtpReplyCode()).isEqualTo(226L);
        assertThat(ftp.getFtpReplyMsg()).isEqualTo("Transfer complete.");
        assertThat(ftp.extra()).containsEntry("zeek.password", "ftp@example.com").containsEntry("zeek.data_channel.resp_p", 57_086L);

        SmtpEvent smtp = (SmtpEvent) ZeekReading.text("smtp.log", log("smtp",
                ID + "trans_depth helo mailfrom rcptto from to subject user_agent tls last_reply path",
                ID_TYPES + "count string string set[string] string set[string] string string bool string vector[addr]",
                ID_ROW + "25\t1\tGP\tgurpartap@patriots.in\traj@yahoo.co.in,ops@example.com\t\"Gurpartap Singh\" <gurpartap@patriots.in>"
                        + "\t<raj@yahoo.co.in>\tInvoice 2024-05\tMicrosoft Office Outlook 12.0\tF\t250 OK id=1Mugho\t74.53.140.153,10.10.1.4")).only();
        assertThat(smtp.getSmtpHelo()).isEqualTo("GP");
        assertThat(smtp.getSmtpMailFrom()).isEqualTo("gurpartap@patriots.in");
        assertThat(smtp.getSmtpRcptTo()).containsExactly("raj@yahoo.co.in", "ops@example.com");
        assertThat(smtp.getEmailFromAddress()).isEqualTo("\"Gurpartap Singh\" <gurpartap@patriots.in>");
        assertThat(smtp.getEmailToAddress()).containsExactly("<raj@yahoo.co.in>");
        assertThat(smtp.getEmailSubject()).isEqualTo("Invoice 2024-05");
        assertThat(smtp.getSmtpUserAgent()).isEqualTo("Microsoft Office Outlook 12.0");
        assertThat(smtp.getSmtpTls()).isFalse();
        assertThat(smtp.getSmtpLastReply()).isEqualTo("250 OK id=1Mugho");
        assertThat(smtp.extra()).containsEntry("zeek.path", List.of("74.53.140.153", "10.10.1.4"));

        SnmpEvent snmp = (SnmpEvent) ZeekReading.text("snmp.log", log("snmp",
                ID + "duration version community get_requests get_bulk_requests get_responses set_requests display_string up_since",
                ID_TYPES + "interval string string count count count count string time",
                ID_ROW + "161\t0.002000\t2c\tpublic\t3\t0\t3\t1\tLinux gw 5.15\t1714000000.000000")).only();
        assertThat(snmp.getSnmpVersion()).isEqualTo("2c");
        assertThat(snmp.getSnmpCommunity()).isEqualTo("public");
        assertThat(snmp.getSnmpGetRequests()).isEqualTo(3L);
        assertThat(snmp.getSnmpGetBulkRequests()).isZero();
        assertThat(snmp.getSnmpGetResponses()).isEqualTo(3L);
        assertThat(snmp.getSnmpSetRequests()).isEqualTo(1L);
        assertThat(snmp.getNetworkTransport()).isEqualTo("udp");

        TftpEvent tftp = (TftpEvent) ZeekReading.text("tftp.log", log("tftp", ID + "wrq fname mode uid_data size",
                ID_TYPES + "bool string string string count", ID_ROW + "69\tT\trunning-config\toctet\tCx1\t2048")).only();
        assertThat(tftp.getTftpOperation()).isEqualTo("write");
        assertThat(tftp.getFileName()).isEqualTo("running-config");
        assertThat(tftp.getTftpMode()).isEqualTo("octet");

        NtlmEvent ntlm = (NtlmEvent) ZeekReading.file(ZeekReading.fixture("tsv/ntlm.log")).only();
        assertThat(ntlm.getUserName()).isEqualTo("jdoe");
        assertThat(ntlm.getNtlmHostname()).isEqualTo("WS-0042");
        assertThat(ntlm.getUserDomain()).isEqualTo("CORP");
        assertThat(ntlm.getNtlmServerDnsComputerName()).isEqualTo("fs01.corp.example");
        assertThat(ntlm.getNtlmSuccess()).isTrue();
        assertThat(ntlm.extra()).containsEntry("zeek.server_nb_computer_name", "FS01");

        KerberosEvent krb = (KerberosEvent) ZeekReading.text("kerberos.log", log("kerberos",
                ID + "request_type client service success error_msg from till cipher forwardable renewable",
                ID_TYPES + "string string string bool string time time string bool bool",
                ID_ROW + "88\tTGS\tjdoe/CORP.EXAMPLE\tMSSQLSvc/db01.corp.example:1433\tT\t-\t-\t2037-09-13\trc4-hmac\tT\tT")).only();
        assertThat(krb.getKerberosRequestType()).isEqualTo("TGS");
        assertThat(krb.getKerberosClient()).isEqualTo("jdoe/CORP.EXAMPLE");
        assertThat(krb.getKerberosService()).isEqualTo("MSSQLSvc/db01.corp.example:1433");
        assertThat(krb.getKerberosSuccess()).isTrue();
        assertThat(krb.getKerberosCipher()).isEqualTo("rc4-hmac");
        assertThat(krb.getKerberosForwardable()).isTrue();
        assertThat(krb.getNetworkTransport()).as("Kerberos runs over TCP and UDP; the log does not say").isNull();

        DceRpcEvent rpc = (DceRpcEvent) ZeekReading.text("dce_rpc.log", log("dce_rpc", ID + "rtt named_pipe endpoint operation",
                ID_TYPES + "interval string string string", ID_ROW + "445\t0.000431\t\\\\pipe\\\\svcctl\tsvcctl\tCreateServiceW")).only();
        assertThat(rpc.getDceRpcRtt()).isEqualTo(431_000L);
        assertThat(rpc.getDceRpcNamedPipe()).isEqualTo("\\pipe\\svcctl");
        assertThat(rpc.getDceRpcEndpoint()).isEqualTo("svcctl");
        assertThat(rpc.getDceRpcOperation()).isEqualTo("CreateServiceW");
    }

    @Test
    void unknownLogsAreLogEventsAndTunnelsKnowTheirTransport() {
        LogEvent gre = (LogEvent) ZeekReading.text("tunnel.log", log("tunnel", ID + "tunnel_type action",
                ID_TYPES + "enum enum", "1714557600.000000\tCHhAvVGS1DHFjwGM9\t172.27.1.66\t0\t66.59.109.137\t0\tTunnel::GRE\tTunnel::DISCOVER")).only();
        LogEvent files = (LogEvent) ZeekReading.text("files.log", log("files", "ts fuid uid id.orig_h id.orig_p id.resp_h id.resp_p source md5",
                "time string string addr port addr port string string",
                "1714557600.000000\tFgN3AE3of2TRIqaeQe\tC1\t10.0.0.1\t1000\t10.0.0.2\t80\tHTTP\t7af07aca6d5c6e8e87fe4bb34786edc0")).only();

        assertThat(gre.getEventDataset()).isEqualTo("zeek.tunnel");
        assertThat(gre.getNetworkTransport()).isEqualTo("gre");
        assertThat(gre.getNetworkCommunityId()).isNotNull();
        assertThat(gre.extra()).containsEntry("zeek.tunnel_type", "Tunnel::GRE").containsEntry("zeek.action", "Tunnel::DISCOVER");
        assertThat(files.getConnectionUid()).isEqualTo("C1");
        assertThat(files.getNetworkTransport()).isNull();
        assertThat(files.extra()).containsEntry("zeek.fuid", "FgN3AE3of2TRIqaeQe").containsEntry("zeek.md5", "7af07aca6d5c6e8e87fe4bb34786edc0");
    }

    /** Community ID v1 of a tuple (without the "1:" prefix), computed here from the specification. */
    static String communityIdOf(String src, int sport, String dst, int dport, int proto) {
        try {
            byte[] s = java.net.InetAddress.getByName(src).getAddress();
            byte[] d = java.net.InetAddress.getByName(dst).getAddress();
            if (proto == 1 && sport == 8) {
                dport = 0; // echo request pairs with echo reply
            }
            boolean swap = java.util.Arrays.compareUnsigned(s, d) > 0 || (java.util.Arrays.equals(s, d) && sport > dport);
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.write(0);
            b.write(0);
            b.write(swap ? d : s);
            b.write(swap ? s : d);
            b.write(proto);
            b.write(0);
            int a = swap ? dport : sport;
            int z = swap ? sport : dport;
            b.write(a >> 8);
            b.write(a);
            b.write(z >> 8);
            b.write(z);
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-1").digest(b.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
