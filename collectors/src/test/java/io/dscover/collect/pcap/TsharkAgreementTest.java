package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.FtpEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.RdpEvent;
import io.dscover.model.event.SmbEvent;
import io.dscover.model.event.SshEvent;
import io.dscover.model.event.TlsEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Agreement with tshark over every capture of the corpus: the TCP/UDP conversations of
 * {@code conv.txt} (present, and the same number of frames), and the distinct values of the
 * per-packet fields of {@code packets.tsv} that dscover also reports (DNS names, HTTP hosts and
 * URIs, TLS SNI/JA3/JA3S, SSH banners, SMB2 file names, NTLM users, RDP cookies, FTP commands):
 * how many of tshark's values dscover has. tshark dissects by port, dscover by content, so a value
 * tshark has on a port dscover would not guess is counted as a difference and printed.
 *
 * <p>The one remaining difference: dns-http-wikipedia's HTTP request on 141.142.220.118:35634, a
 * connection whose handshake is not in the capture. tshark dissects it; dscover, like Zeek (its
 * conn.log has no service for it), does not parse HTTP on connections picked up mid-stream.
 */
class TsharkAgreementTest {

    static final Path CORPUS = ZeekAgreementTest.CORPUS;

    static List<Map<String, String>> packets(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split("\t", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length && i < v.length; i++) {
                if (!v[i].isEmpty()) {
                    m.put(header[i], v[i]);
                }
            }
            rows.add(m);
        }
        return rows;
    }

    record Field(String name, Function<Map<String, String>, List<String>> tshark, Function<List<NetworkEvent>, Set<String>> ours) {
    }

    static List<String> split(String v) {
        return v == null ? List.of() : List.of(v.split(","));
    }

    static <T> Set<String> values(List<NetworkEvent> events, Class<T> type, Function<T, Object> f) {
        Set<String> out = new LinkedHashSet<>();
        for (NetworkEvent e : events) {
            if (type.isInstance(e)) {
                Object v = f.apply(type.cast(e));
                if (v instanceof List<?> l) {
                    l.forEach(x -> out.add(String.valueOf(x)));
                } else if (v != null) {
                    out.add(v.toString());
                }
            }
        }
        return out;
    }

    static final List<Field> FIELDS = List.of(
            new Field("dns.qry.name", r -> split(r.get("dns.qry.name")).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(),
                    ev -> values(ev, DnsEvent.class, DnsEvent::getDnsQuestionName)),
            new Field("http.host", r -> split(r.get("http.host")).stream().map(h -> h.replaceAll(":\\d+$", "")).toList(),
                    ev -> values(ev, HttpEvent.class, HttpEvent::getUrlDomain)),
            new Field("http.request.uri", r -> split(r.get("http.request.uri")), ev -> values(ev, HttpEvent.class, HttpEvent::getUrlOriginal)),
            new Field("tls.sni", r -> split(r.get("tls.handshake.extensions_server_name")),
                    ev -> values(ev, TlsEvent.class, TlsEvent::getTlsClientServerName)),
            new Field("tls.ja3", r -> split(r.get("tls.handshake.ja3")), ev -> values(ev, TlsEvent.class, TlsEvent::getTlsClientJa3)),
            new Field("tls.ja3s", r -> split(r.get("tls.handshake.ja3s")), ev -> values(ev, TlsEvent.class, TlsEvent::getTlsServerJa3s)),
            new Field("ssh.protocol", r -> r.get("ssh.protocol") == null ? List.of() : List.of(r.get("ssh.protocol")),
                    ev -> {
                        Set<String> s = values(ev, SshEvent.class, SshEvent::getSshClient);
                        s.addAll(values(ev, SshEvent.class, SshEvent::getSshServer));
                        return s;
                    }),
            new Field("smb2.filename (create)", r -> "5".equals(r.get("smb2.cmd")) ? split(r.get("smb2.filename")) : List.of(),
                    ev -> values(ev, SmbEvent.class, SmbEvent::getFileName)),
            new Field("ntlmssp.auth.username", r -> split(r.get("ntlmssp.auth.username")).stream().filter(u -> !u.equals("NULL")).toList(),
                    ev -> values(ev, NtlmEvent.class, NtlmEvent::getUserName)),
            new Field("rdp.rt_cookie", r -> split(r.get("rdp.rt_cookie")).stream().map(c -> c.replace("Cookie: mstshash=", "").trim()).toList(),
                    ev -> values(ev, RdpEvent.class, RdpEvent::getRdpCookie)),
            new Field("ftp.request.command", r -> split(r.get("ftp.request.command")), ev -> values(ev, FtpEvent.class, FtpEvent::getFtpCommand)));

    /** Conversations of conv.txt as "a:port b:port" (sorted ends) -> total frames. */
    static Map<String, Long> conversations(Path conv, String proto) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(conv)) {
            if (line.startsWith(proto.toUpperCase(Locale.ROOT) + " Conversations")) {
                in = true;
            } else if (line.startsWith("=====")) {
                in = in && out.isEmpty() && !line.isEmpty() && false;
            } else if (in && line.contains("<->")) {
                String[] t = line.trim().split("\\s+");
                // a <-> b  framesIn bytes unit framesOut bytes unit totalFrames bytes unit start duration
                long total = Long.parseLong(t[9]);
                out.put(key(t[0], t[2]), total);
            }
        }
        return out;
    }

    static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    static String endpoint(String ip, Long port) {
        return ip + ":" + port; // tshark writes IPv6 endpoints without brackets too
    }

    @Test
    void agreesWithTsharkOnConversationsAndFields() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        StringBuilder report = new StringBuilder();
        Map<String, int[]> totals = new TreeMap<>();
        try (var dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.filter(p -> p.toString().endsWith(".tshark")).sorted().toList()) {
                String name = dir.getFileName().toString().replace(".tshark", "");
                Path capture = Files.exists(CORPUS.resolve(name + ".pcap")) ? CORPUS.resolve(name + ".pcap")
                        : CORPUS.resolve(name + ".pcapng");
                List<NetworkEvent> ours = ZeekAgreementTest.collect(capture, false);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", name));
                List<String> diffs = new ArrayList<>();
                for (String proto : List.of("tcp", "udp")) {
                    Map<String, Long> conv = conversations(dir.resolve("conv.txt"), proto);
                    Map<String, Long> mine = new HashMap<>();
                    for (NetworkEvent e : ours) {
                        if (e instanceof FlowEvent f && proto.equals(f.getNetworkTransport())) {
                            mine.merge(key(endpoint(f.getSourceIp(), f.getSourcePort()), endpoint(f.getDestinationIp(), f.getDestinationPort())),
                                    f.getSourcePackets() + f.getDestinationPackets(), Long::sum);
                        }
                    }
                    int present = 0;
                    int same = 0;
                    for (Map.Entry<String, Long> c : conv.entrySet()) {
                        Long m = mine.get(c.getKey());
                        if (m != null) {
                            present++;
                            if (m.equals(c.getValue())) {
                                same++;
                            } else {
                                diffs.add(proto + " " + c.getKey() + " frames tshark=" + c.getValue() + " ours=" + m);
                            }
                        } else {
                            diffs.add(proto + " " + c.getKey() + " missing");
                        }
                    }
                    if (!conv.isEmpty()) {
                        line.append(String.format(Locale.ROOT, " %s conv %d/%d present %d/%d same frames;", proto, present, conv.size(), same, conv.size()));
                        int[] t = totals.computeIfAbsent(proto + " conversations", k -> new int[3]);
                        t[0] += conv.size();
                        t[1] += present;
                        t[2] += same;
                    }
                }
                List<Map<String, String>> rows = packets(dir.resolve("packets.tsv"));
                for (Field f : FIELDS) {
                    Set<String> expected = new LinkedHashSet<>();
                    rows.forEach(r -> expected.addAll(f.tshark().apply(r)));
                    expected.removeIf(String::isEmpty);
                    if (expected.isEmpty()) {
                        continue;
                    }
                    Set<String> mine = f.ours().apply(ours);
                    int found = 0;
                    for (String v : expected) {
                        if (mine.contains(v)) {
                            found++;
                        } else {
                            diffs.add(f.name() + " missing " + (v.length() > 80 ? v.substring(0, 80) + "..." : v));
                        }
                    }
                    line.append(String.format(Locale.ROOT, " %s %d/%d;", f.name(), found, expected.size()));
                    int[] t = totals.computeIfAbsent(f.name(), k -> new int[3]);
                    t[0] += expected.size();
                    t[1] += found;
                }
                report.append(line).append('\n');
                diffs.stream().limit(12).forEach(d -> report.append("      ").append(d).append('\n'));
                if (diffs.size() > 12) {
                    report.append("      ... ").append(diffs.size() - 12).append(" more\n");
                }
            }
        }
        totals.forEach((k, t) -> report.append(String.format(Locale.ROOT, "TOTAL %-28s %d/%d present%s%n", k, t[1], t[0],
                k.endsWith("conversations") ? ", " + t[2] + "/" + t[0] + " same frames" : "")));
        System.out.println(report);
        for (String proto : List.of("tcp conversations", "udp conversations")) {
            assertThat(totals.get(proto)[1]).as(proto + " present\n" + report).isEqualTo(totals.get(proto)[0]);
        }
        assertThat(totals.get("tls.ja3")[1]).as("every JA3 tshark computes\n" + report).isEqualTo(totals.get("tls.ja3")[0]);
        assertThat(totals.get("tls.ja3s")[1]).as("every JA3S tshark computes\n" + report).isEqualTo(totals.get("tls.ja3s")[0]);
    }
}
