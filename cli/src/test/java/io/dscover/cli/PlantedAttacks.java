package io.dscover.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A morning of office traffic in dscover's event JSON Lines, with three attacks planted in it: a
 * vertical port scan (150 refused ports in 15 s), a beacon (a callback every 5 minutes, a few seconds
 * of jitter, for 4 hours) and a DNS tunnel (one long TXT query). Around them, what must not alert: web
 * browsing to many hosts at irregular times, established flows, short and ordinary DNS lookups, a
 * slow half-open sweep of 60 ports, SMB without a following RPC call. Deterministic (fixed seed).
 */
final class PlantedAttacks {

    static final String SCANNER = "10.1.0.66";
    static final String SCANNED = "10.1.0.20";
    static final String BEACON_HOST = "10.1.0.7";
    static final String C2 = "203.0.113.80";
    static final String TUNNEL_HOST = "10.1.0.44";
    static final String TUNNEL_NAME = "aGVsbG8gd29ybGQgdGhpcyBpcyBhIHZlcnkgbG9uZyBsYWJlbA.dGhlIHJlc3Q.t.example.net";
    static final long T0 = Timestamps.parse("2025-03-03T08:00:00Z").epochNanos();

    /** The file, and the line numbers (1-based) of the planted events. */
    record Written(Path file, int lines, int tunnelLine, List<Integer> scanLines, List<Integer> beaconLines) {
    }

    private record Line(long ts, int order, String kind, Map<String, Object> fields) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final Random random = new Random(20250303);

    static Written write(Path file) throws IOException {
        return new PlantedAttacks().generate(file);
    }

    private Written generate(Path file) throws IOException {
        // the three attacks
        for (int i = 0; i < 150; i++) {
            add(sec(2 * 3600 + 10) + i * 100_000_000L, "scan", "flow", SCANNER, 41000 + i, SCANNED, 1 + i, "tcp",
                    "flow.state", i % 3 == 0 ? "S0" : "REJ");
        }
        for (int i = 0; i < 48; i++) {
            long jitter = (random.nextInt(7) - 3) * 1_000_000_000L;
            add(sec(300 + i * 300) + jitter, "beacon", "connection", BEACON_HOST, 50000 + i, C2, 443, "tcp");
        }
        add(sec(3 * 3600 + 17 * 60), "tunnel", "dns", TUNNEL_HOST, 53111, "10.1.0.2", 53, "udp",
                "dns.question.name", TUNNEL_NAME, "dns.question.type", "TXT");

        // what must not alert
        for (int i = 0; i < 200; i++) { // browsing: many hosts, irregular times
            add(sec(random.nextInt(4 * 3600)), "noise", "connection", "10.1.0." + (10 + random.nextInt(40)),
                    49152 + random.nextInt(10000), "198.51.100." + (1 + random.nextInt(200)), 443, "tcp");
        }
        for (int i = 0; i < 300; i++) { // established flows
            add(sec(random.nextInt(4 * 3600)), "noise", "flow", "10.1.0." + (10 + random.nextInt(40)),
                    49152 + random.nextInt(10000), "10.1.0." + (100 + random.nextInt(5)), random.nextBoolean() ? 443 : 8080,
                    "tcp", "flow.state", "SF");
        }
        for (int i = 0; i < 60; i++) { // a slow half-open sweep: 60 ports over 10 minutes
            add(sec(3600 + i * 10), "noise", "flow", "10.1.0.77", 42000 + i, "10.1.0.21", 1000 + i, "tcp",
                    "flow.state", "S0");
        }
        String[] names = {"www.example.com", "mail.example.org", "_dmarc.example.com", "example.net", "cdn.example.com"};
        for (int i = 0; i < 150; i++) { // ordinary lookups, short TXT among them
            add(sec(random.nextInt(4 * 3600)), "noise", "dns", "10.1.0." + (10 + random.nextInt(40)),
                    40000 + random.nextInt(20000), "10.1.0.2", 53, "udp", "dns.question.name", names[i % names.length],
                    "dns.question.type", i % 5 == 2 ? "TXT" : "A");
        }
        for (int i = 0; i < 5; i++) { // SMB to a file server, no RPC after it
            add(sec(1800 + i * 900), "noise", "connection", "10.1.0.12", 51000 + i, "10.1.0.5", 445, "tcp");
        }

        lines.sort(Comparator.comparingLong(Line::ts).thenComparingInt(Line::order));
        StringBuilder out = new StringBuilder();
        JsonFactory json = new JsonFactory();
        int tunnel = 0;
        List<Integer> scan = new ArrayList<>();
        List<Integer> beacon = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Line l = lines.get(n);
            switch (l.kind()) {
                case "tunnel" -> tunnel = n + 1;
                case "scan" -> scan.add(n + 1);
                case "beacon" -> beacon.add(n + 1);
                default -> { }
            }
            StringWriter w = new StringWriter();
            try (JsonGenerator g = json.createGenerator(w)) {
                g.writeStartObject();
                for (Map.Entry<String, Object> f : l.fields().entrySet()) {
                    if (f.getValue() instanceof Integer i) {
                        g.writeNumberField(f.getKey(), i);
                    } else {
                        g.writeStringField(f.getKey(), f.getValue().toString());
                    }
                }
                g.writeEndObject();
            }
            out.append(w).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return new Written(file, lines.size(), tunnel, scan, beacon);
    }

    private static long sec(long seconds) {
        return T0 + seconds * 1_000_000_000L;
    }

    private void add(long ts, String kind, String type, String src, int sport, String dst, int dport, String transport,
                     Object... more) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", type);
        f.put("ts", Timestamps.format(ts, 3));
        f.put("source.ip", src);
        f.put("source.port", sport);
        f.put("destination.ip", dst);
        f.put("destination.port", dport);
        f.put("network.transport", transport);
        for (int i = 0; i < more.length; i += 2) {
            f.put((String) more[i], more[i + 1]);
        }
        lines.add(new Line(ts, lines.size(), kind, f));
    }
}
