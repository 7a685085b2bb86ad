package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.FtpEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NoticeEvent;
import io.dscover.model.event.RdpEvent;
import io.dscover.model.event.SmbEvent;
import io.dscover.model.event.SmtpEvent;
import io.dscover.model.event.SshEvent;
import io.dscover.model.event.TlsEvent;
import io.dscover.model.event.WeirdEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Every Zeek baseline of the shared corpus (the btest logs under {@code pcap/*.zeek/} and
 * {@code zeek-logs/tsv/zeek-btest/}) read through the collector, and each event checked field by
 * field against the raw columns of its line, split here independently of the collector.
 */
class ZeekBaselinesTest {

    private static final List<Path> ROOTS = List.of(Path.of("../shared/corpus/pcap"), Path.of("../shared/corpus/zeek-logs/tsv/zeek-btest"));

    /** One expectation: a column's raw text against what an event says. */
    private record Check(String column, Function<NetworkEvent, Object> actual, Function<String, Object> expected) {
    }

    private static final Map<String, List<Check>> CHECKS = new HashMap<>();

    static {
        CHECKS.put("conn", List.of(
                flow("service", f -> f.getNetworkProtocol(), ZeekBaselinesTest::text),
                flow("duration", f -> f.getEventDuration(), ZeekBaselinesTest::nanos),
                flow("orig_bytes", f -> f.getSourceBytes(), ZeekBaselinesTest::number),
                flow("resp_bytes", f -> f.getDestinationBytes(), ZeekBaselinesTest::number),
                flow("conn_state", f -> f.getFlowState(), ZeekBaselinesTest::text),
                flow("local_orig", f -> f.getFlowLocalOrig(), ZeekBaselinesTest::bool),
                flow("local_resp", f -> f.getFlowLocalResp(), ZeekBaselinesTest::bool),
                flow("missed_bytes", f -> f.getFlowMissedBytes(), ZeekBaselinesTest::number),
                flow("history", f -> f.getFlowHistory(), ZeekBaselinesTest::text),
                flow("orig_pkts", f -> f.getSourcePackets(), ZeekBaselinesTest::number),
                flow("orig_ip_bytes", f -> f.getSourceIpBytes(), ZeekBaselinesTest::number),
                flow("resp_pkts", f -> f.getDestinationPackets(), ZeekBaselinesTest::number),
                flow("resp_ip_bytes", f -> f.getDestinationIpBytes(), ZeekBaselinesTest::number),
                flow("tunnel_parents", f -> f.getFlowTunnelParents(), ZeekBaselinesTest::list)));
        CHECKS.put("dns", List.of(
                new Check("query", e -> ((DnsEvent) e).getDnsQuestionName(), r -> r.equals("-") ? null : r.toLowerCase(java.util.Locale.ROOT)),
                new Check("trans_id", e -> ((DnsEvent) e).getDnsId(), ZeekBaselinesTest::number),
                new Check("rtt", e -> ((DnsEvent) e).getDnsRtt(), ZeekBaselinesTest::nanos),
                new Check("rcode_name", e -> ((DnsEvent) e).getDnsResponseCode(), ZeekBaselinesTest::text),
                new Check("answers", e -> ((DnsEvent) e).getDnsAnswers(), ZeekBaselinesTest::list),
                new Check("rejected", e -> ((DnsEvent) e).getDnsRejected(), ZeekBaselinesTest::bool),
                new Check("proto", NetworkEvent::getNetworkTransport, ZeekBaselinesTest::text)));
        CHECKS.put("http", List.of(
                new Check("method", e -> ((HttpEvent) e).getHttpRequestMethod(), ZeekBaselinesTest::text),
                new Check("uri", e -> ((HttpEvent) e).getUrlOriginal(), ZeekBaselinesTest::text),
                new Check("version", e -> ((HttpEvent) e).getHttpVersion(), ZeekBaselinesTest::text),
                new Check("user_agent", e -> ((HttpEvent) e).getUserAgentOriginal(), ZeekBaselinesTest::text),
                new Check("status_code", e -> ((HttpEvent) e).getHttpResponseStatusCode(), ZeekBaselinesTest::number),
                new Check("status_msg", e -> ((HttpEvent) e).getHttpResponseStatusPhrase(), ZeekBaselinesTest::text),
                new Check("request_body_len", e -> ((HttpEvent) e).getHttpRequestBodyBytes(), ZeekBaselinesTest::number),
                new Check("response_body_len", e -> ((HttpEvent) e).getHttpResponseBodyBytes(), ZeekBaselinesTest::number),
                new Check("trans_depth", e -> ((HttpEvent) e).getHttpTransDepth(), ZeekBaselinesTest::number)));
        CHECKS.put("ssl", List.of(
                new Check("cipher", e -> ((TlsEvent) e).getTlsCipher(), ZeekBaselinesTest::text),
                new Check("server_name", e -> ((TlsEvent) e).getTlsClientServerName(), ZeekBaselinesTest::text),
                new Check("established", e -> ((TlsEvent) e).getTlsEstablished(), ZeekBaselinesTest::bool),
                new Check("resumed", e -> ((TlsEvent) e).getTlsResumed(), ZeekBaselinesTest::bool),
                new Check("subject", e -> ((TlsEvent) e).getTlsServerSubject(), ZeekBaselinesTest::text),
                new Check("version", e -> ((TlsEvent) e).getTlsVersion(),
                        r -> r.equals("-") ? null : r.replaceFirst("^(D?TLS|SSL)v(\\d)(\\d)$", "$2.$3"))));
        CHECKS.put("ssh", List.of(
                new Check("client", e -> ((SshEvent) e).getSshClient(), ZeekBaselinesTest::text),
                new Check("server", e -> ((SshEvent) e).getSshServer(), ZeekBaselinesTest::text),
                new Check("version", e -> ((SshEvent) e).getSshVersion(), ZeekBaselinesTest::number),
                new Check("auth_success", e -> ((SshEvent) e).getSshAuthSuccess(), ZeekBaselinesTest::bool),
                new Check("auth_attempts", e -> ((SshEvent) e).getSshAuthAttempts(), ZeekBaselinesTest::number)));
        CHECKS.put("ftp", List.of(
                new Check("user", e -> ((FtpEvent) e).getUserName(), ZeekBaselinesTest::text),
                new Check("command", e -> ((FtpEvent) e).getFtpCommand(), ZeekBaselinesTest::text),
                new Check("arg", e -> ((FtpEvent) e).getFtpArg(), ZeekBaselinesTest::text),
                new Check("reply_code", e -> ((FtpEvent) e).getFtpReplyCode(), ZeekBaselinesTest::number),
                new Check("reply_msg", e -> ((FtpEvent) e).getFtpReplyMsg(), ZeekBaselinesTest::text),
                new Check("file_size", e -> ((FtpEvent) e).getFileSize(), ZeekBaselinesTest::number)));
        CHECKS.put("smtp", List.of(
                new Check("helo", e -> ((SmtpEvent) e).getSmtpHelo(), ZeekBaselinesTest::text),
                new Check("mailfrom", e -> ((SmtpEvent) e).getSmtpMailFrom(), ZeekBaselinesTest::text),
                new Check("rcptto", e -> ((SmtpEvent) e).getSmtpRcptTo(), ZeekBaselinesTest::list),
                new Check("subject", e -> ((SmtpEvent) e).getEmailSubject(), ZeekBaselinesTest::text),
                new Check("tls", e -> ((SmtpEvent) e).getSmtpTls(), ZeekBaselinesTest::bool)));
        CHECKS.put("smb_files", List.of(
                new Check("name", e -> ((SmbEvent) e).getFileName(), ZeekBaselinesTest::text),
                new Check("path", e -> ((SmbEvent) e).getSmbPath(), ZeekBaselinesTest::text),
                new Check("size", e -> ((SmbEvent) e).getFileSize(), ZeekBaselinesTest::number),
                new Check("action", e -> ((SmbEvent) e).getSmbAction(),
                        r -> r.equals("-") ? null : r.replace("SMB::", "").toLowerCase(java.util.Locale.ROOT))));
        CHECKS.put("rdp", List.of(
                new Check("cookie", e -> ((RdpEvent) e).getRdpCookie(), ZeekBaselinesTest::text),
                new Check("result", e -> ((RdpEvent) e).getRdpResult(), ZeekBaselinesTest::text),
                new Check("security_protocol", e -> ((RdpEvent) e).getRdpSecurityProtocol(), ZeekBaselinesTest::text)));
        CHECKS.put("notice", List.of(
                new Check("note", e -> ((NoticeEvent) e).getNoticeNote(), ZeekBaselinesTest::text),
                new Check("msg", e -> ((NoticeEvent) e).getNoticeMsg(), ZeekBaselinesTest::text),
                new Check("src", NetworkEvent::getSourceIp, ZeekBaselinesTest::address)));
        CHECKS.put("weird", List.of(
                new Check("name", e -> ((WeirdEvent) e).getWeirdName(), ZeekBaselinesTest::text),
                new Check("addl", e -> ((WeirdEvent) e).getWeirdAddl(), ZeekBaselinesTest::text),
                new Check("notice", e -> ((WeirdEvent) e).getWeirdNotice(), ZeekBaselinesTest::bool)));
    }

    private static Check flow(String column, Function<FlowEvent, Object> actual, Function<String, Object> expected) {
        return new Check(column, e -> actual.apply((FlowEvent) e), expected);
    }

    @Test
    void everyBaselineRecordMatchesItsRawColumns(TestReporter reporter) throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path root : ROOTS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".log")).sorted().forEach(logs::add);
                }
            }
        }
        assumeTrue(!logs.isEmpty(), "../shared corpus not present");
        long records = 0;
        long checked = 0;
        for (Path log : logs) {
            long[] counts = checkFile(log);
            records += counts[0];
            checked += counts[1];
        }
        String summary = logs.size() + " baseline logs, " + records + " records, " + checked + " field values checked";
        System.out.println("Zeek baselines: " + summary);
        reporter.publishEntry("Zeek baselines", summary);
        assertThat(logs).hasSizeGreaterThanOrEqualTo(41);
        assertThat(checked).isGreaterThan(2_000);
    }

    /** Returns {records, field values checked}. */
    private long[] checkFile(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String path = null;
        List<String> fields = null;
        List<String> types = null;
        for (String l : lines) {
            if (l.startsWith("#types\t")) {
                types = Arrays.asList(l.substring(7).split("\t", -1));
            }
            if (l.startsWith("#path\t")) {
                path = l.substring(6);
            } else if (l.startsWith("#fields\t")) {
                fields = Arrays.asList(l.substring(8).split("\t", -1));
            }
        }
        assertThat(fields).as(log + " has #fields").isNotNull();
        ZeekReading.Result r = ZeekReading.file(log);
        assertThat(r.ledger().rejected()).as(log + ": " + r.problems()).isZero();
        Map<Long, List<NetworkEvent>> byLine = new HashMap<>();
        r.events().forEach(e -> byLine.computeIfAbsent(e.getLogRecord(), k -> new ArrayList<>()).add(e));
        long records = 0;
        long checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#") || l.isEmpty()) {
                continue;
            }
            records++;
            String[] raw = l.split("\t", -1);
            assertThat(raw).as(log + " line " + (i + 1)).hasSize(fields.size());
            List<NetworkEvent> events = byLine.get((long) i + 1);
            assertThat(events).as(log + " line " + (i + 1) + " has events").isNotEmpty();
            NetworkEvent main = events.get(events.size() - 1); // conn: the flow; elsewhere the only event
            assertThat(main.getEventDataset()).isEqualTo("zeek." + path);
            assertThat(main.getTs()).as("btest masks ts; the masked value reads as the epoch").isZero();
            for (NetworkEvent e : events) {
                checked += checkShared(log, i + 1, fields, raw, e);
            }
            if (path.equals("conn")) {
                assertThat(events).hasSize(2);
                assertThat(events.get(0)).isInstanceOf(ConnectionEvent.class);
                // Zeek 9 logs the IP protocol number; ICMPv6 is proto icmp with ip_proto 58
                int ipProto = fields.indexOf("ip_proto");
                String transport = ipProto >= 0 ? io.dscover.model.event.IpProtocols.name(Integer.parseInt(raw[ipProto]))
                        : raw[fields.indexOf("proto")];
                for (NetworkEvent e : events) {
                    assertThat(e.getNetworkTransport()).as("%s line %d proto", log, i + 1).isEqualTo(transport);
                    checked++;
                }
            }
            for (Check c : CHECKS.getOrDefault(path, List.of())) {
                int col = fields.indexOf(c.column());
                if (col < 0) {
                    continue;
                }
                assertThat(c.actual().apply(main)).as("%s line %d %s '%s'", log, i + 1, c.column(), raw[col])
                        .isEqualTo(c.expected().apply(raw[col]));
                checked++;
            }
            if (!CHECKS.containsKey(path)) {
                checked += checkExtras(log, i + 1, fields, types, raw, main);
            }
        }
        assertThat(r.ledger().recordsRead()).isEqualTo(records);
        assertThat(r.ledger().flaggedByReason()).containsOnlyKeys("masked ts");
        return new long[] {records, checked};
    }

    private static long checkShared(Path log, int line, List<String> fields, String[] raw, NetworkEvent e) {
        long checked = 0;
        String[][] shared = {{"uid", "connection.uid"}, {"id.orig_h", "source.ip"}, {"id.orig_p", "source.port"},
            {"id.resp_h", "destination.ip"}, {"id.resp_p", "destination.port"}};
        for (String[] s : shared) {
            int col = fields.indexOf(s[0]);
            if (col < 0 || (e instanceof NoticeEvent && raw[col].equals("-"))) {
                continue; // a notice about a host takes its addresses from src/dst, checked with the notice
            }
            Object actual = switch (s[1]) {
                case "connection.uid" -> e.getConnectionUid();
                case "source.ip" -> e.getSourceIp();
                case "source.port" -> e.getSourcePort();
                case "destination.ip" -> e.getDestinationIp();
                default -> e.getDestinationPort();
            };
            Object expected = s[0].endsWith("_h") ? address(raw[col]) : s[0].endsWith("_p") ? number(raw[col]) : text(raw[col]);
            assertThat(actual).as("%s line %d %s", log, line, s[0]).isEqualTo(expected);
            checked++;
        }
        return checked;
    }

    /** Logs without a dedicated event: each set column is an extra field with the column's value. */
    private static long checkExtras(Path log, int line, List<String> fields, List<String> types, String[] raw,
            NetworkEvent e) {
        long checked = 0;
        for (int col = 0; col < fields.size(); col++) {
            String name = fields.get(col);
            if (name.equals("ts") || name.equals("uid") || name.startsWith("id.")) {
                continue;
            }
            Object v = e.extra().get("zeek." + name);
            if (raw[col].equals("-")) {
                assertThat(v).as("%s line %d %s unset", log, line, name).isNull();
            } else {
                assertThat(v).as("%s line %d %s '%s'", log, line, name, raw[col]).isNotNull();
                if (types.get(col).equals("time")) {
                    assertThat(v).isEqualTo(io.dscover.model.event.Timestamps.format((Long) nanos(raw[col]), 6));
                } else if (v instanceof String s && !raw[col].contains("\\") && !raw[col].equals("(empty)")) {
                    assertThat(s).isEqualTo(raw[col]);
                } else if (v instanceof Long n) {
                    assertThat(n).isEqualTo(name.equals("duration") ? nanos(raw[col]) : Long.valueOf(raw[col]));
                } else if (v instanceof List<?> list && !raw[col].equals("(empty)")) {
                    assertThat(list).hasSize(raw[col].split(",", -1).length);
                }
            }
            checked++;
        }
        return checked;
    }

    private static Object text(String raw) {
        if (raw.equals("-")) {
            return null;
        }
        if (raw.equals("(empty)")) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else if (c == '\\' && i + 3 < raw.length() && raw.charAt(i + 1) == 'x') {
                sb.append((char) Integer.parseInt(raw.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Object number(String raw) {
        return raw.equals("-") ? null : Long.valueOf(raw);
    }

    private static Object nanos(String raw) {
        return raw.equals("-") ? null : new BigDecimal(raw).movePointRight(9).longValueExact();
    }

    private static Object bool(String raw) {
        return raw.equals("-") ? null : raw.equals("T");
    }

    private static Object list(String raw) {
        if (raw.equals("-")) {
            return null;
        }
        return raw.equals("(empty)") ? List.of() : List.of(raw.split(",", -1));
    }

    private static Object address(String raw) {
        if (raw.equals("-")) {
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(raw).getAddress();
            return io.dscover.model.event.IpAddresses.format(b);
        } catch (IOException e) {
            throw new AssertionError(raw, e);
        }
    }
}
