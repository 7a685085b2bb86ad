package io.dscover.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The demo's AWS VPC Flow Logs export (default version 2 format, 1-minute aggregation) for account
 * 123456789012 in us-east-1, laid out as S3 delivers it. Planted: SSH and RDP accepted from the
 * internet on a bastion and a Windows host, Redis reachable from the internet, a rejected scan from
 * 203.0.113.66, a large egress to 192.0.2.150, and a NODATA interval on one interface.
 */
final class DemoFlowLogs {

    static final long START_SECONDS = 1_762_261_200L; // 2025-11-04T13:00:00Z
    static final String ACCOUNT = "123456789012";

    private final SplittableRandom random = new SplittableRandom(99);
    private final List<String> lines = new ArrayList<>();

    /** Relative path under the export root → gzip'd file content. */
    static Map<String, byte[]> generate() {
        DemoFlowLogs f = new DemoFlowLogs();
        f.ordinary();
        f.exposedAdminPorts();
        f.rejectedScan();
        f.largeEgress();
        f.noData();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("AWSLogs/" + ACCOUNT + "/vpcflowlogs/us-east-1/2025/11/04/" + ACCOUNT
                + "_vpcflowlogs_us-east-1_fl-0c0ffee0demo0001_20251104T1300Z_5a1d2e3f.log.gz", f.gzip());
        return files;
    }

    private void record(String eni, String src, String dst, int sport, int dport, int proto, long packets, long bytes,
            long start, String action, String status) {
        lines.add(String.join(" ", "2", ACCOUNT, eni, src, dst, Integer.toString(sport), Integer.toString(dport),
                Integer.toString(proto), Long.toString(packets), Long.toString(bytes), Long.toString(start),
                Long.toString(start + 60), action, status));
    }

    private void ordinary() {
        for (int i = 0; i < 300; i++) {
            long t = START_SECONDS + (i / 10) * 60L;
            String host = "10.0.1." + (10 + i % 12);
            String peer = "198.51.100." + (60 + i % 9);
            int sport = 40_000 + random.nextInt(20_000);
            long pk = 5 + random.nextInt(60);
            record("eni-0a1b2c3d4e5f60001", host, peer, sport, 443, 6, pk, pk * (300 + random.nextInt(900)), t,
                    "ACCEPT", "OK");
            record("eni-0a1b2c3d4e5f60001", peer, host, 443, sport, 6, pk + 2, (pk + 2) * (700 + random.nextInt(800)),
                    t, "ACCEPT", "OK");
        }
    }

    private void exposedAdminPorts() {
        for (int i = 0; i < 8; i++) {
            long t = START_SECONDS + 600 + i * 120L;
            record("eni-0bastion00000002", "198.51.100.200", "10.0.1.25", 51_000 + i, 22, 6, 40, 6_200, t, "ACCEPT",
                    "OK");
            record("eni-0win0000000000003", "192.0.2." + (30 + i), "10.0.1.40", 50_000 + i, 3389, 6, 25, 3_900, t,
                    "ACCEPT", "OK");
        }
        record("eni-0cache00000000004", "203.0.113.9", "10.0.3.15", 45_200, 6379, 6, 12, 1_400, START_SECONDS + 900,
                "ACCEPT", "OK");
    }

    private void rejectedScan() {
        for (int port = 1; port <= 150; port++) {
            long t = START_SECONDS + 1200 + (port / 50) * 60L;
            record("eni-0bastion00000002", "203.0.113.66", "10.0.1.25", 60_000, port, 6, 1, 44, t, "REJECT", "OK");
        }
    }

    private void largeEgress() {
        for (int i = 0; i < 10; i++) {
            long t = START_SECONDS + 1500 + i * 60L;
            record("eni-0a1b2c3d4e5f60001", "10.0.1.14", "192.0.2.150", 55_123, 443, 6, 180_000, 250_000_000L, t,
                    "ACCEPT", "OK");
        }
    }

    private void noData() {
        lines.add(String.join(" ", "2", ACCOUNT, "eni-0cache00000000004", "-", "-", "-", "-", "-", "-", "-",
                Long.toString(START_SECONDS + 1800), Long.toString(START_SECONDS + 1860), "-", "NODATA"));
    }

    private byte[] gzip() {
        lines.sort((a, b) -> Long.compare(Long.parseLong(a.split(" ")[10]), Long.parseLong(b.split(" ")[10])));
        StringBuilder sb = new StringBuilder(
                "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
        lines.forEach(l -> sb.append(l).append('\n'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
