package io.dscover.cli.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's Zeek logs: a day at the branch office (10.30.0.0/16) as Zeek's TSV writer would log it,
 * conn.log, dns.log and ssl.log. Planted: SSH password guessing from the internet against a branch
 * server (T1110, T1021.004), a long-lived connection moving 2.3 GB out (T1048, T1041), RDP fan-out
 * from one workstation (T1021.001), and periodic lookups of a fast-flux name with a TTL of 30 s
 * (T1568.001).
 */
final class DemoZeekLogs {

    static final long START_MICROS = 1_762_257_600_000_000L; // 2025-11-04T12:00:00Z

    private final SplittableRandom random = new SplittableRandom(7);
    private final List<String[]> conn = new ArrayList<>();
    private final List<String[]> dns = new ArrayList<>();
    private final List<String[]> ssl = new ArrayList<>();
    private int uidCounter;

    static Map<String, byte[]> generate() {
        DemoZeekLogs z = new DemoZeekLogs();
        z.ordinaryTraffic();
        z.sshGuessingFromInternet();
        z.longLivedExfil();
        z.rdpFanOut();
        z.fastFlux();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("conn.log", z.log("conn", CONN_FIELDS, CONN_TYPES, z.conn));
        files.put("dns.log", z.log("dns", DNS_FIELDS, DNS_TYPES, z.dns));
        files.put("ssl.log", z.log("ssl", SSL_FIELDS, SSL_TYPES, z.ssl));
        return files;
    }

    private static final String[] CONN_FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p",
        "proto", "service", "duration", "orig_bytes", "resp_bytes", "conn_state", "local_orig", "local_resp",
        "missed_bytes", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents"};
    private static final String[] CONN_TYPES = {"time", "string", "addr", "port", "addr", "port", "enum", "string",
        "interval", "count", "count", "string", "bool", "bool", "count", "string", "count", "count", "count", "count",
        "set[string]"};
    private static final String[] DNS_FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p",
        "proto", "trans_id", "rtt", "query", "qclass", "qclass_name", "qtype", "qtype_name", "rcode", "rcode_name",
        "AA", "TC", "RD", "RA", "Z", "answers", "TTLs", "rejected"};
    private static final String[] DNS_TYPES = {"time", "string", "addr", "port", "addr", "port", "enum", "count",
        "interval", "string", "count", "string", "count", "string", "count", "string", "bool", "bool", "bool", "bool",
        "count", "vector[string]", "vector[interval]", "bool"};
    private static final String[] SSL_FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p",
        "version", "cipher", "curve", "server_name", "resumed", "last_alert", "next_protocol", "established",
        "ssl_history", "cert_chain_fps", "client_cert_chain_fps", "sni_matches_cert"};
    private static final String[] SSL_TYPES = {"time", "string", "addr", "port", "addr", "port", "string", "string",
        "string", "string", "bool", "string", "string", "bool", "string", "vector[string]", "vector[string]", "bool"};

    private String uid() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("C");
        SplittableRandom r = new SplittableRandom(1000 + uidCounter++);
        for (int i = 0; i < 17; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String ts(long micros) {
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static String interval(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }

    private String tcp(long micros, String o, int op, String r, int rp, String service, double duration,
            long ob, long rb, String state, String history) {
        String uid = uid();
        long opk = Math.max(1, ob / 1200 + 3);
        long rpk = rb == 0 && state.equals("S0") ? 0 : Math.max(1, rb / 1300 + 2);
        conn.add(new String[] {ts(micros), uid, o, Integer.toString(op), r, Integer.toString(rp), "tcp", service,
            interval(duration), Long.toString(ob), Long.toString(rb), state, local(o), local(r), "0", history,
            Long.toString(opk), Long.toString(ob + opk * 52), Long.toString(rpk), Long.toString(rb + rpk * 52), "-"});
        return uid;
    }

    private static String local(String ip) {
        return ip.startsWith("10.") ? "T" : "F";
    }

    private void query(long micros, String client, String name, int qtype, String qtypeName, int rcode,
            String rcodeName, String answers, String ttls) {
        String uid = uid();
        int port = 40_000 + random.nextInt(20_000);
        conn.add(new String[] {ts(micros), uid, client, Integer.toString(port), "10.30.0.2", "53", "udp", "dns",
            interval(0.021), "44", "120", "SF", "T", "T", "0", "Dd", "1", "72", "1", "148", "-"});
        dns.add(new String[] {ts(micros), uid, client, Integer.toString(port), "10.30.0.2", "53", "udp",
            Integer.toString(random.nextInt(65536)), interval(0.021), name, "1", "C_INTERNET", Integer.toString(qtype),
            qtypeName, Integer.toString(rcode), rcodeName, "F", "F", "T", "T", "0", answers, ttls, "F"});
    }

    private void ordinaryTraffic() {
        String[] hosts = {"www.example.com", "mail.example.org", "updates.example.net", "portal.acme.example"};
        for (int i = 0; i < 120; i++) {
            long t = START_MICROS + i * 29_000_000L + random.nextInt(5_000_000);
            String client = "10.30.1." + (20 + i % 15);
            String host = hosts[i % hosts.length];
            String ip = "198.51.100." + (30 + i % hosts.length);
            query(t, client, host, 1, "A", 0, "NOERROR", ip, "300.000000");
            String uid = tcp(t + 40_000, client, 50_000 + i, ip, 443, "ssl", 2.5 + random.nextDouble() * 20,
                    900 + random.nextInt(3000), 20_000 + random.nextInt(400_000), "SF", "ShADadfF");
            ssl.add(new String[] {ts(t + 60_000), uid, client, Integer.toString(50_000 + i), ip, "443", "TLSv13",
                "TLS_AES_128_GCM_SHA256", "x25519", host, "F", "-", "h2", "T", "CsiI", "(empty)", "(empty)", "-"});
        }
    }

    private void sshGuessingFromInternet() {
        for (int i = 0; i < 45; i++) {
            long t = START_MICROS + 1_800_000_000L + i * 4_000_000L;
            tcp(t, "192.0.2.200", 40_100 + i, "10.30.0.5", 22, "ssh", 3.2, 1_900, 2_700, "SF", "ShAdDaFf");
        }
    }

    private void longLivedExfil() {
        String uid = tcp(START_MICROS + 600_000_000L, "10.30.1.77", 51_515, "203.0.113.200", 443, "ssl",
                6.5 * 3600, 2_300_000_000L, 4_100_000L, "SF", "ShADadFf");
        ssl.add(new String[] {ts(START_MICROS + 600_050_000L), uid, "10.30.1.77", "51515", "203.0.113.200", "443",
            "TLSv12", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "secp256r1", "backup-sync.example.net", "F", "-", "-",
            "T", "CsxiI", "(empty)", "(empty)", "-"});
    }

    private void rdpFanOut() {
        for (int i = 0; i < 12; i++) {
            long t = START_MICROS + 3_600_000_000L + i * 20_000_000L;
            tcp(t, "10.30.1.66", 52_000 + i, "10.30.2." + (10 + i), 3389, "rdp", 45 + i, 80_000, 600_000, "SF",
                    "ShADdaFf");
        }
    }

    private void fastFlux() {
        for (int i = 0; i < 20; i++) {
            long t = START_MICROS + 5_400_000_000L + i * 90_000_000L;
            String answers = "192.0.2." + (10 + i * 3 % 200) + ",198.51.100." + (150 + i * 7 % 100) + ",203.0.113."
                    + (20 + i * 11 % 200);
            query(t, "10.30.1.91", "login-secure.flux-demo.example", 1, "A", 0, "NOERROR", answers,
                    "30.000000,30.000000,30.000000");
        }
    }

    private byte[] log(String path, String[] fields, String[] types, List<String[]> rows) {
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        sb.append("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n");
        sb.append("#path\t").append(path).append('\n');
        sb.append("#open\t2025-11-04-12-00-00\n");
        sb.append("#fields\t").append(String.join("\t", fields)).append('\n');
        sb.append("#types\t").append(String.join("\t", types)).append('\n');
        for (String[] row : rows) {
            sb.append(String.join("\t", row)).append('\n');
        }
        sb.append("#close\t2025-11-05-00-00-00\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
