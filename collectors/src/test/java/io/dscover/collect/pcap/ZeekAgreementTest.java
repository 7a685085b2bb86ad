package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.TlsEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Agreement with Zeek over the developer corpus: for every capture with Zeek baselines beside it,
 * conn.log records are matched on the 5-tuple (in start order when a tuple repeats) and compared
 * on conn_state, history, orig/resp bytes and packets, duration and service; dns, http and ssl
 * records are matched and compared on their main fields. Prints one line per capture and asserts
 * that every Zeek connection is present and at least 95% are identical.
 */
class ZeekAgreementTest {

    static final Path CORPUS = Path.of("../shared/corpus/pcap");

    /** Analyzers whose scripts each bare-mode baseline loaded (MANIFEST.md); null means default scripts. */
    static final Map<String, Set<String>> BARE = Map.of(
            "dns-txt-multiple", Set.of("dns"),
            "ssh-bruteforce", Set.of("ssh"),
            "rdp-to-tls", Set.of("rdp", "ssl"),
            "ftp-ipv4", Set.of("ftp", "ftp-data"),
            "ftp-ipv6", Set.of("ftp", "ftp-data"),
            "smtp-attachment", Set.of("smtp"),
            "pop3-and-rejects", Set.of("pop3"),
            "vlan-mpls-mixed", Set.of("http"),
            "gre-tunnel", Set.of("dns", "ssh", "ntp"),
            "vxlan-tunnel", Set.of("vxlan"));

    static final Map<String, Set<String>> BARE_EXTRA = Map.of(
            "teredo-tunnel", Set.of("http", "dns", "dhcp", "teredo"));

    /** Baselines Zeek made with -C (checksums ignored); the others verified checksums. */
    static final Set<String> NO_CHECKSUMS = Set.of("ssh-bruteforce", "smb2-read-write", "vlan-mpls-mixed",
            "pcapng-multi-interface");

    /**
     * The differences that remain, and why (printed with the report; they are counted as differences).
     * <ul>
     * <li>vxlan-tunnel, ICMP 10.0.0.1 -> 10.0.0.2: Zeek's history is {@code X}; the letter is not one of
     *     the TCP/UDP letters and we could not find what sets it for this ICMP flow, so we do not emit it.
     * <li>teredo-tunnel http uri: Zeek logs the %-decoded URI ({@code !}); dscover keeps
     *     {@code url.original} as sent ({@code %21}).
     * <li>http-on-port-22: response_body_len 12632 (Zeek) vs 12630. The response has no length and
     *     runs to the close; the stream holds 12630 body bytes after the header block. Zeek delivers such
     *     bodies line by line and, as far as we can tell, counts a CRLF after the last line that the
     *     stream does not contain (it ends without one). dscover counts the bytes that are there.
     * </ul>
     */
    static final String KNOWN = "see the class comment of ZeekAgreementTest for the remaining differences";

    record Row(Map<String, String> f) {
        String get(String k) {
            return f.getOrDefault(k, "-");
        }
    }

    static List<Row> zeekLog(Path p) throws IOException {
        List<Row> rows = new ArrayList<>();
        String[] fields = null;
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith("#fields")) {
                fields = line.substring(8).split("\t");
            } else if (!line.startsWith("#") && fields != null && !line.isBlank()) {
                String[] v = line.split("\t", -1);
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < fields.length && i < v.length; i++) {
                    m.put(fields[i], v[i]);
                }
                rows.add(new Row(m));
            }
        }
        return rows;
    }

    static List<NetworkEvent> collect(Path capture, boolean verifyChecksums) throws IOException {
        List<NetworkEvent> events = new ArrayList<>();
        InputLedger ledger = new InputLedger(capture.toString());
        CollectorOptions o = CollectorOptions.empty().with("pcap.verify-checksums", String.valueOf(verifyChecksums));
        CollectorRegistry.read(new PcapCollector(), Input.of(capture), new CollectorContext(o, ledger, List.of()), events::add);
        return events;
    }

    static String tuple(String oh, Object op, String rh, Object rp, String proto) {
        return oh + ":" + op + ">" + rh + ":" + rp + "/" + proto;
    }

    static String zeekDuration(long nanos) {
        return nanos <= 0 ? "-" : String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    record Tally(int total, int present, int identical, List<String> differences) {
    }

    static Tally compareConn(String name, List<Row> zeek, List<NetworkEvent> ours) {
        Map<String, List<FlowEvent>> byTuple = new LinkedHashMap<>();
        for (NetworkEvent e : ours) {
            if (e instanceof FlowEvent f) {
                String proto = f.getNetworkTransport().equals("ipv6-icmp") ? "icmp" : f.getNetworkTransport();
                byTuple.computeIfAbsent(tuple(f.getSourceIp(), f.getSourcePort(), f.getDestinationIp(), f.getDestinationPort(), proto),
                        k -> new ArrayList<>()).add(f);
            }
        }
        byTuple.values().forEach(l -> l.sort((a, b) -> Long.compare(a.getTs(), b.getTs())));
        Set<String> loaded = BARE.containsKey(name) ? BARE.get(name) : BARE_EXTRA.get(name);
        int present = 0;
        int identical = 0;
        List<String> diffs = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (Row z : zeek) {
            String t = tuple(z.get("id.orig_h"), z.get("id.orig_p"), z.get("id.resp_h"), z.get("id.resp_p"), z.get("proto"));
            List<FlowEvent> candidates = byTuple.getOrDefault(t, List.of());
            int i = used.merge(t, 1, Integer::sum) - 1;
            if (i >= candidates.size()) {
                diffs.add("missing " + t);
                continue;
            }
            present++;
            FlowEvent f = candidates.get(i);
            List<String> d = new ArrayList<>();
            check(d, "conn_state", z.get("conn_state"), f.getFlowState());
            check(d, "history", z.get("history"), f.getFlowHistory().isEmpty() ? "-" : f.getFlowHistory());
            check(d, "duration", z.get("duration"), zeekDuration(f.getEventDuration()));
            if (!z.get("orig_bytes").equals("-")) {
                check(d, "orig_bytes", z.get("orig_bytes"), String.valueOf(f.getSourceBytes()));
                check(d, "resp_bytes", z.get("resp_bytes"), String.valueOf(f.getDestinationBytes()));
            }
            check(d, "orig_pkts", z.get("orig_pkts"), String.valueOf(f.getSourcePackets()));
            check(d, "resp_pkts", z.get("resp_pkts"), String.valueOf(f.getDestinationPackets()));
            check(d, "orig_ip_bytes", z.get("orig_ip_bytes"), String.valueOf(f.getSourceIpBytes()));
            check(d, "resp_ip_bytes", z.get("resp_ip_bytes"), String.valueOf(f.getDestinationIpBytes()));
            String service = f.getNetworkProtocol();
            if (service != null && loaded != null) {
                // a bare-mode Zeek run only names services whose analyzer scripts it loaded
                List<String> kept = new ArrayList<>();
                for (String s : service.split(",")) {
                    if (loaded.contains(s)) {
                        kept.add(s);
                    }
                }
                service = kept.isEmpty() ? null : String.join(",", kept);
            }
            check(d, "service", z.get("service"), service == null ? "-" : service);
            if (d.isEmpty()) {
                identical++;
            } else {
                diffs.add(t + " " + d);
            }
        }
        return new Tally(zeek.size(), present, identical, diffs);
    }

    static void check(List<String> d, String field, String zeek, String ours) {
        if (!zeek.equals(ours)) {
            d.add(field + " zeek=" + zeek + " ours=" + ours);
        }
    }

    static Tally compareDns(List<Row> zeek, List<NetworkEvent> ours) {
        int present = 0;
        int identical = 0;
        List<String> diffs = new ArrayList<>();
        List<DnsEvent> mine = new ArrayList<>();
        ours.stream().filter(e -> e instanceof DnsEvent).forEach(e -> mine.add((DnsEvent) e));
        for (Row z : zeek) {
            DnsEvent match = null;
            for (DnsEvent e : mine) {
                if (e.getSourceIp().equals(z.get("id.orig_h")) && String.valueOf(e.getSourcePort()).equals(z.get("id.orig_p"))
                        && String.valueOf(e.getDnsId()).equals(z.get("trans_id"))) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                diffs.add("missing dns " + z.get("query") + " id " + z.get("trans_id"));
                continue;
            }
            mine.remove(match);
            present++;
            List<String> d = new ArrayList<>();
            check(d, "query", z.get("query"), match.getDnsQuestionName() == null ? "-" : match.getDnsQuestionName());
            check(d, "rcode", z.get("rcode_name"), match.getDnsResponseCode() == null ? "-" : match.getDnsResponseCode());
            check(d, "answers", zeekAnswers(z.get("answers")), match.getDnsAnswers() == null ? "-" : String.join(",", match.getDnsAnswers()));
            if (d.isEmpty()) {
                identical++;
            } else {
                diffs.add("dns " + z.get("query") + " " + d);
            }
        }
        return new Tally(zeek.size(), present, identical, diffs);
    }

    /** Zeek writes a TXT answer as {@code TXT <len> <string>} per string; dscover gives the strings joined. */
    static String zeekAnswers(String answers) {
        if (!answers.contains("TXT ")) {
            return answers;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        String rest = answers;
        List<String> parts = new ArrayList<>();
        StringBuilder txt = null;
        while (!rest.isEmpty()) {
            if (rest.startsWith("TXT ")) {
                int sp = rest.indexOf(' ', 4);
                int n = Integer.parseInt(rest.substring(4, sp));
                String s = rest.substring(sp + 1, sp + 1 + n);
                if (txt == null) {
                    txt = new StringBuilder();
                }
                txt.append(s);
                rest = rest.substring(sp + 1 + n);
                if (rest.startsWith(" ")) {
                    rest = rest.substring(1);
                } else if (rest.startsWith(",")) {
                    parts.add(txt.toString());
                    txt = null;
                    rest = rest.substring(1);
                }
            } else {
                int c = rest.indexOf(',');
                parts.add(c < 0 ? rest : rest.substring(0, c));
                rest = c < 0 ? "" : rest.substring(c + 1);
            }
        }
        if (txt != null) {
            parts.add(txt.toString());
        }
        return String.join(",", parts);
    }

    static Tally compareHttp(List<Row> zeek, List<NetworkEvent> ours) {
        int present = 0;
        int identical = 0;
        List<String> diffs = new ArrayList<>();
        List<HttpEvent> mine = new ArrayList<>();
        ours.stream().filter(e -> e instanceof HttpEvent).forEach(e -> mine.add((HttpEvent) e));
        for (Row z : zeek) {
            HttpEvent match = null;
            for (HttpEvent e : mine) {
                if (e.getSourceIp().equals(z.get("id.orig_h")) && String.valueOf(e.getSourcePort()).equals(z.get("id.orig_p"))
                        && String.valueOf(e.getHttpTransDepth()).equals(z.get("trans_depth"))) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                diffs.add("missing http " + z.get("id.orig_p") + " " + z.get("uri"));
                continue;
            }
            mine.remove(match);
            present++;
            List<String> d = new ArrayList<>();
            check(d, "method", z.get("method"), nz(match.getHttpRequestMethod()));
            check(d, "host", z.get("host"), nz(match.getUrlDomain()));
            check(d, "uri", z.get("uri"), nz(match.getUrlOriginal()));
            check(d, "user_agent", z.get("user_agent"), nz(match.getUserAgentOriginal()));
            check(d, "status_code", z.get("status_code"), nz(match.getHttpResponseStatusCode()));
            check(d, "request_body_len", z.get("request_body_len"), nz(match.getHttpRequestBodyBytes()));
            check(d, "response_body_len", z.get("response_body_len"), nz(match.getHttpResponseBodyBytes()));
            if (d.isEmpty()) {
                identical++;
            } else {
                diffs.add("http " + z.get("uri") + " " + d);
            }
        }
        return new Tally(zeek.size(), present, identical, diffs);
    }

    static Tally compareSsl(List<Row> zeek, List<NetworkEvent> ours) {
        int present = 0;
        int identical = 0;
        List<String> diffs = new ArrayList<>();
        List<TlsEvent> mine = new ArrayList<>();
        ours.stream().filter(e -> e instanceof TlsEvent).forEach(e -> mine.add((TlsEvent) e));
        for (Row z : zeek) {
            TlsEvent match = null;
            for (TlsEvent e : mine) {
                if (e.getSourceIp().equals(z.get("id.orig_h")) && String.valueOf(e.getSourcePort()).equals(z.get("id.orig_p"))) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                diffs.add("missing ssl " + z.get("id.orig_p"));
                continue;
            }
            mine.remove(match);
            present++;
            List<String> d = new ArrayList<>();
            check(d, "version", z.get("version"), nz(match.getTlsVersion()));
            check(d, "cipher", z.get("cipher"), nz(match.getTlsCipher()));
            check(d, "curve", z.get("curve"), nz(match.getTlsCurve()));
            check(d, "server_name", z.get("server_name"), nz(match.getTlsClientServerName()));
            check(d, "established", z.get("established"), Boolean.TRUE.equals(match.getTlsEstablished()) ? "T" : "F");
            if (z.f().containsKey("subject")) {
                check(d, "subject", z.get("subject"), nz(match.getTlsServerSubject()));
                check(d, "issuer", z.get("issuer"), nz(match.getTlsServerIssuer()));
            }
            if (d.isEmpty()) {
                identical++;
            } else {
                diffs.add("ssl " + z.get("id.orig_p") + " " + d);
            }
        }
        return new Tally(zeek.size(), present, identical, diffs);
    }

    static String nz(Object o) {
        return o == null ? "-" : o.toString();
    }

    @Test
    void agreesWithZeekOnEveryBaseline() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        Map<String, int[]> totals = new TreeMap<>();
        StringBuilder report = new StringBuilder();
        try (var dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.filter(p -> p.toString().endsWith(".zeek")).sorted().toList()) {
                String name = dir.getFileName().toString().replace(".zeek", "");
                Path capture = Files.exists(CORPUS.resolve(name + ".pcap")) ? CORPUS.resolve(name + ".pcap")
                        : CORPUS.resolve(name + ".pcapng");
                List<NetworkEvent> ours = collect(capture, !NO_CHECKSUMS.contains(name));
                for (String log : List.of("conn", "dns", "http", "ssl")) {
                    Path p = dir.resolve(log + ".log");
                    if (!Files.exists(p)) {
                        continue;
                    }
                    List<Row> zeek = zeekLog(p);
                    Tally t = switch (log) {
                        case "conn" -> compareConn(name, zeek, ours);
                        case "dns" -> compareDns(zeek, ours);
                        case "http" -> compareHttp(zeek, ours);
                        default -> compareSsl(zeek, ours);
                    };
                    int[] sum = totals.computeIfAbsent(log, k -> new int[3]);
                    sum[0] += t.total();
                    sum[1] += t.present();
                    sum[2] += t.identical();
                    report.append(String.format(Locale.ROOT, "%-30s %-5s %3d/%3d present, %3d/%3d identical%n", name, log,
                            t.present(), t.total(), t.identical(), t.total()));
                    for (String diff : t.differences()) {
                        report.append("      ").append(diff).append('\n');
                    }
                }
            }
        }
        totals.forEach((log, s) -> report.append(String.format(Locale.ROOT, "TOTAL %-5s %d/%d present, %d/%d identical%n",
                log, s[1], s[0], s[2], s[0])));
        report.append(KNOWN).append('\n');
        System.out.println(report);
        int[] conn = totals.get("conn");
        assertThat(conn[1]).as("Zeek connections present\n" + report).isEqualTo(conn[0]);
        assertThat(conn[2] * 100.0 / conn[0]).as("connections identical (%%)\n" + report).isGreaterThanOrEqualTo(95.0);
    }
}
