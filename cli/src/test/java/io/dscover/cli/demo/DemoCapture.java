package io.dscover.cli.demo;

import io.dscover.cli.demo.Payloads.Answer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The demo's packet capture: twenty minutes of an office LAN (10.20.1.0/24) in which workstation
 * WS-042 (10.20.1.42) is compromised. Ordinary browsing and name lookups run throughout; the planted
 * activity is what a DS0029 detection engineer expects to find, written byte for byte as the real
 * clients and servers send it (tshark decodes every packet without a malformed or protocol warning
 * other than its own gap in Ed25519 signature parsing):
 * <ul>
 *   <li>TLS beaconing to 203.0.113.50 every 60 s with small jitter (T1071.001, T1573)</li>
 *   <li>a DNS TXT tunnel under t.exfil-demo.example (T1071.004, T1572, T1048.003)</li>
 *   <li>an executable downloaded by PowerShell over HTTP (T1105)</li>
 *   <li>a SYN port scan of the file server from 10.20.1.99 (T1046)</li>
 *   <li>SSH password guessing against the file server: thirty libssh sessions, three refused passwords each (T1021.004, T1110)</li>
 *   <li>an executable copied to the ADMIN$ share of the application server over an NTLM-authenticated SMB 3
 *       session, then RPC to the endpoint mapper of the same host (T1021.002, T1570)</li>
 *   <li>RDP to the domain controller with an administrator cookie, CredSSP over TLS (T1021.001)</li>
 *   <li>large high-entropy ICMP echo payloads (T1095)</li>
 *   <li>an HTTP upload to a non-standard port (T1571, T1048.003)</li>
 *   <li>an SNMP GET with the community "public" (T1602.001) and a TFTP boot-file read (T1542.005)</li>
 *   <li>a burst of NXDOMAIN answers for algorithmic-looking names (T1568.002)</li>
 *   <li>ARP cache poisoning: 10.20.1.99 claims the gateway's address towards WS-042 (T1557.002)</li>
 *   <li>LLMNR poisoning: WS-042's multicast query for {@code wpad} answered by 10.20.1.99 (T1557.001)</li>
 * </ul>
 */
final class DemoCapture {

    static final long START_MICROS = 1_762_246_800_000_000L; // 2025-11-04T09:00:00Z

    static final String RESOLVER = "10.20.1.2";
    static final String DC = "10.20.1.10";
    static final String FILE_SERVER = "10.20.1.30";
    static final String APP_SERVER = "10.20.1.31";
    static final String WS042 = "10.20.1.42";
    static final String SCANNER = "10.20.1.99";
    static final String C2 = "203.0.113.50";
    static final String GATEWAY = "10.20.1.1";

    private final Capture capture = new Capture();
    private final SplittableRandom random = new SplittableRandom(42);
    private int nextPort = 49_700;
    private int nextDnsId = 0x2a00;

    static byte[] generate() {
        Payloads.reseed();
        Frames.reset();
        DemoCapture d = new DemoCapture();
        d.browsing();
        d.beacon();
        d.dnsTunnel();
        d.toolDownload();
        d.portScan();
        d.sshGuessing();
        d.smbThenRpc();
        d.rdp();
        d.icmpTunnel();
        d.uploadToOddPort();
        d.snmpAndTftp();
        d.dgaBurst();
        d.arpPoisoning();
        d.llmnrPoisoning();
        return d.capture.toPcap();
    }

    private long at(double seconds) {
        return START_MICROS + Math.round(seconds * 1_000_000);
    }

    private int ephemeral() {
        return nextPort++;
    }

    private void lookup(double t, String client, String name, int qtype, int rcode, List<Answer> answers) {
        int id = nextDnsId++;
        int port = ephemeral();
        capture.add(at(t), Frames.udp(client, port, RESOLVER, 53, Payloads.dnsQuery(id, name, qtype)));
        capture.add(at(t + 0.012), Frames.udp(RESOLVER, 53, client, port,
                Payloads.dnsResponse(id, name, qtype, rcode, answers)));
    }

    private void browsing() {
        String[][] sites = {
            {"www.example.com", "198.51.100.10"}, {"intranet.acme.example", "10.20.1.80"},
            {"news.example.org", "198.51.100.11"}, {"docs.example.net", "198.51.100.12"},
        };
        for (int i = 0; i < 24; i++) {
            double t = 5 + i * 47.3;
            String client = "10.20.1." + (51 + i % 8);
            String[] site = sites[i % sites.length];
            lookup(t, client, site[0], 1, 0, List.of(new Answer(1, site[1], 300)));
            Capture.Tcp c = capture.new Tcp(client, ephemeral(), site[1], i % 2 == 0 ? 443 : 80, at(t + 0.05), 18_000);
            c.open();
            if (i % 2 == 0) {
                c.clientSends(Payloads.tlsClientHello(site[0], List.of("h2", "http/1.1")))
                        .serverSends(Payloads.tlsServerHelloTls12(0xc02f))
                        .clientSends(Payloads.tlsApplicationData(600))
                        .serverSends(Payloads.tlsApplicationData(9000 + i * 311));
            } else {
                c.clientSends(Payloads.httpGet(site[0], "/index.html?p=" + i,
                                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"))
                        .serverSends(Payloads.httpResponse(200, "OK", "text/html", Payloads.random(3000 + i * 97)));
            }
            c.close();
        }
    }

    private void beacon() {
        lookup(55, WS042, "cdn-update.example.net", 1, 0, List.of(new Answer(1, C2, 60)));
        for (int i = 0; i < 18; i++) {
            double t = 60 + i * 60 + (random.nextDouble() - 0.5) * 3.0;
            Capture.Tcp c = capture.new Tcp(WS042, ephemeral(), C2, 443, at(t), 42_000);
            c.open()
                    .clientSends(Payloads.tlsClientHello("cdn-update.example.net", List.of("http/1.1")))
                    .serverSends(Payloads.tlsServerHelloTls12(0xc030))
                    .clientSends(Payloads.tlsApplicationData(180))
                    .serverSends(Payloads.tlsApplicationData(420))
                    .close();
        }
    }

    private void dnsTunnel() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (int i = 0; i < 40; i++) {
            StringBuilder label = new StringBuilder();
            for (int k = 0; k < 58; k++) {
                label.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = label + "." + i + ".t.exfil-demo.example";
            StringBuilder reply = new StringBuilder();
            for (int k = 0; k < 120; k++) {
                reply.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lookup(300 + i * 3.1, WS042, name, 16, 0, List.of(new Answer(16, reply.toString(), 0)));
        }
    }

    private void toolDownload() {
        String server = "198.51.100.23";
        lookup(249.5, WS042, "files.example-cdn.com", 1, 0, List.of(new Answer(1, server, 300)));
        capture.new Tcp(WS042, ephemeral(), server, 80, at(250), 25_000)
                .open()
                .clientSends(Payloads.httpGet("files.example-cdn.com", "/update/svchost.exe",
                        "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.4522"))
                .serverSends(Payloads.httpResponse(200, "OK", "application/x-msdownload",
                        Payloads.portableExecutable(48_000)))
                .close();
    }

    private void portScan() {
        int[] open = {22, 80, 139, 445};
        for (int port = 1; port <= 200; port++) {
            Capture.Tcp c = capture.new Tcp(SCANNER, 61_000 + port % 3, FILE_SERVER, port, at(600 + port * 0.02), 400);
            boolean isOpen = false;
            for (int o : open) {
                isOpen |= o == port;
            }
            if (isOpen) {
                c.open().reset();
            } else {
                c.refused();
            }
        }
    }

    /**
     * A libssh-based guesser against OpenSSH: each connection exchanges banners, KEXINITs, a
     * curve25519 key exchange and NEWKEYS in clear, then asks for the userauth service and tries
     * three passwords, each refused after OpenSSH's failure delay.
     */
    private void sshGuessing() {
        String[] passwords = {"123456", "admin", "root", "toor", "password", "P@ssw0rd", "qwerty", "letmein", "changeme"};
        for (int i = 0; i < 30; i++) {
            Capture.Tcp c = capture.new Tcp(WS042, ephemeral(), FILE_SERVER, 22, at(700 + i * 2.0), 900)
                    .open()
                    .serverSends(SshMessages.banner(SshMessages.SERVER_SOFTWARE))
                    .clientSends(SshMessages.banner(SshMessages.CLIENT_SOFTWARE))
                    .clientSends(SshMessages.clientKexinit())
                    .serverSends(SshMessages.serverKexinit())
                    .clientSends(SshMessages.ecdhInit())
                    .serverSends(SshMessages.ecdhReplyAndNewKeys())
                    .clientSends(SshMessages.newKeys())
                    .clientSends(SshMessages.serviceRequest())
                    .serverSends(SshMessages.serviceAccept());
            for (int k = 0; k < 3; k++) {
                c.clientSends(SshMessages.passwordRequest("root", passwords[(i * 3 + k) % passwords.length]))
                        .pause(400_000)
                        .serverSends(SshMessages.authFailure());
            }
            c.close();
        }
    }

    /**
     * An executable copied to the ADMIN$ share of the application server over SMB 3 (NTLM session
     * as ACME\administrator), then a lookup in the same host's RPC endpoint mapper.
     */
    private void smbThenRpc() {
        SmbMessages smb = new SmbMessages("ACME", "APP01");
        byte[] payload = Payloads.portableExecutable(48_640);
        capture.new Tcp(WS042, ephemeral(), APP_SERVER, 445, at(800), 700)
                .open()
                .clientSends(smb.negotiateRequest())
                .serverSends(smb.negotiateResponse())
                .clientSends(smb.sessionSetupNegotiate())
                .serverSends(smb.sessionSetupChallenge())
                .clientSends(smb.sessionSetupAuthenticate("ACME", "administrator", "WS-042"))
                .serverSends(smb.sessionSetupSuccess())
                .clientSends(smb.treeConnectRequest("\\\\" + APP_SERVER + "\\ADMIN$"))
                .serverSends(smb.treeConnectResponse())
                .clientSends(smb.createRequest("rWsXqLpB.exe"))
                .serverSends(smb.createResponse(0))
                .clientSends(smb.writeRequest(payload))
                .serverSends(smb.writeResponse(payload.length))
                .clientSends(smb.closeRequest())
                .serverSends(smb.closeResponse())
                .clientSends(smb.treeDisconnectRequest())
                .serverSends(smb.treeDisconnectResponse())
                .clientSends(smb.logoffRequest())
                .serverSends(smb.logoffResponse())
                .close();
        capture.new Tcp(WS042, ephemeral(), APP_SERVER, 135, at(815), 700)
                .open()
                .clientSends(DceRpcMessages.bindEndpointMapper(1))
                .serverSends(DceRpcMessages.bindAck(1, 0x0001_2f4c))
                .clientSends(DceRpcMessages.eptLookup(2))
                .serverSends(DceRpcMessages.eptLookupNothingRegistered(2))
                .close();
    }

    /** mstsc to the domain controller: connection request with the cookie, CredSSP selected, then TLS. */
    private void rdp() {
        capture.new Tcp(WS042, ephemeral(), DC, 3389, at(850), 800)
                .open()
                .clientSends(Payloads.rdpConnectionRequest("administrator"))
                .serverSends(Payloads.rdpConnectionConfirm())
                .clientSends(Payloads.tlsClientHello("DC01", List.of()))
                .serverSends(Payloads.tlsServerHelloTls12(0xc030))
                .clientSends(Payloads.tlsApplicationData(4000))
                .serverSends(Payloads.tlsApplicationData(9000))
                .pause(30_000_000)
                .close();
    }

    private void icmpTunnel() {
        String peer = "203.0.113.99";
        for (int i = 0; i < 20; i++) {
            capture.add(at(900 + i), Frames.icmpEcho(WS042, peer, true, 0x4d2, i, Payloads.random(1000)));
            capture.add(at(900 + i + 0.05), Frames.icmpEcho(peer, WS042, false, 0x4d2, i, Payloads.random(1000)));
        }
    }

    private void uploadToOddPort() {
        capture.new Tcp(WS042, ephemeral(), "203.0.113.80", 8088, at(950), 60_000)
                .open()
                .clientSends(Payloads.httpPost("203.0.113.80:8088", "/api/v2/sync", "python-requests/2.31.0",
                        Payloads.random(200_000)))
                .serverSends(Payloads.httpResponse(200, "OK", "application/json", Payloads.ascii("{\"ok\":true}")))
                .close();
    }

    private void snmpAndTftp() {
        int[] sysDescr = {1, 3, 6, 1, 2, 1, 1, 1, 0};
        capture.add(at(980), Frames.udp(SCANNER, 50_161, "10.20.1.1", 161,
                Payloads.snmpGetRequest("public", 7, sysDescr)));
        capture.add(at(990), Frames.udp("10.20.1.60", 50_069, "10.20.1.5", 69,
                Payloads.tftpReadRequest("pxelinux.0")));
    }

    /**
     * WS-042 learns the gateway's hardware address the ordinary way; later 10.20.1.99 runs an
     * arpspoof-style poisoner, sending it a reply every two seconds that binds the gateway's address
     * to its own MAC, until the gateway's own ARP request puts the true binding back.
     */
    private void arpPoisoning() {
        byte[] gatewayMac = Frames.mac(GATEWAY);
        byte[] attackerMac = Frames.mac(SCANNER);
        capture.add(at(2), Frames.arp(false, Frames.mac(WS042), WS042, GATEWAY));
        capture.add(at(2.0003), Frames.arp(true, gatewayMac, GATEWAY, WS042));
        for (int i = 0; i < 15; i++) {
            capture.add(at(1040 + i * 2.0), Frames.arp(true, attackerMac, GATEWAY, WS042));
        }
        capture.add(at(1075), Frames.arp(false, gatewayMac, GATEWAY, WS042));
        capture.add(at(1075.0002), Frames.arp(true, Frames.mac(WS042), WS042, GATEWAY));
    }

    /** WS-042 looks for a proxy (WPAD) over LLMNR; a Responder-style host on 10.20.1.99 answers with itself. */
    private void llmnrPoisoning() {
        int id = 0x9c41;
        int port = ephemeral();
        capture.add(at(1090), Frames.udpMulticast(WS042, port, "224.0.0.252", 5355, 1,
                Payloads.llmnrQuery(id, "wpad", 1)));
        capture.add(at(1090.0011), Frames.udp(SCANNER, 5355, WS042, port, Payloads.llmnrResponse(id, "wpad", SCANNER)));
    }

    private void dgaBurst() {
        for (int i = 0; i < 25; i++) {
            StringBuilder name = new StringBuilder();
            int len = 12 + random.nextInt(8);
            for (int k = 0; k < len; k++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            lookup(1000 + i * 0.4, WS042, name.toString().toLowerCase(Locale.ROOT) + ".com", 1, 3, List.of());
        }
    }
}
