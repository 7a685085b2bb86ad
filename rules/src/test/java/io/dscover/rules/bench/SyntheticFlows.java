package io.dscover.rules.bench;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.Timestamps;
import io.dscover.rules.engine.EventStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic flow records (Zeek conn.log-like) with planted attacks, for the engine's
 * benchmarks, soak test and determinism tests. Same seed, same events, byte for byte.
 *
 * <p>Background: {@code hosts} internal clients (10.1.0.0/16), each talking mostly to its own ~32
 * favourite external servers (Zipf-like: the k-th favourite is picked ∝ 1/(k+1)) and sometimes to
 * any of {@code externals} others; 8% internal traffic to 40 internal servers (SMB, RPC, RDP, SSH,
 * LDAP); realistic ports, Zeek states and log-normal byte counts; exponential inter-arrival times at
 * {@code eventsPerSecond}.
 *
 * <p>Planted, at fixed event times (a fraction of the run): 5 port scans (one source, one target,
 * 1,000 ports at 100/s, REJ/S0), one beacon (every 60 s ± 5 s, ~600 bytes, the whole run), one DNS
 * tunnel (5 large DNS flows a second to the resolver for 10 minutes), and 3 SMB-then-RPC lateral
 * movements (445 then 135 to the same host 40 s apart).
 *
 * <p>{@link #zeek} traffic is what the Zeek collector makes of the same conn.log rows and the
 * matching dns.log: each row gives a {@code connection} and a {@code flow} event (as ConnMapper
 * does, with {@code network.direction} and the service as {@code network.protocol}), and each DNS
 * row a {@code dns} event as well (mostly A/AAAA lookups of ~300 names; the planted tunnel sends
 * long TXT queries). That is the input the built-in library is written for: its rules read
 * connection, flow and dns events. {@code count} then counts events, not rows.
 */
public final class SyntheticFlows implements EventStream {

    public static final long START = Timestamps.parse("2025-02-01T08:00:00Z").epochNanos();
    public static final String BEACON_SOURCE = "10.1.7.7";
    public static final String BEACON_C2 = "203.0.113.66";
    public static final String TUNNEL_SOURCE = "10.1.9.9";
    public static final String RESOLVER = "10.0.0.53";
    public static final String FILE = "synthetic.conn.log";

    private static final String[] STATES = {"SF", "SF", "SF", "SF", "SF", "SF", "SF", "SF", "SF", "SF", "SF", "SF",
        "SF", "SF", "SF", "SF", "S0", "REJ", "RSTO", "SH", "S1", "RSTR", "OTH"};
    private static final long[] WEB_PORTS = {443, 443, 443, 443, 443, 443, 443, 80, 80, 8443, 993, 22, 8080, 123};
    private static final long[] SERVER_PORTS = {445, 135, 3389, 22, 389, 88, 443, 1433};

    /** Ports boxed once: a collector's boxing cost is not what the engine benchmark measures. */
    private static final Long[] PORT = new Long[65_536];

    static {
        for (int i = 0; i < PORT.length; i++) {
            PORT[i] = (long) i;
        }
    }

    private final SplittableRandom random;
    private long count;
    private final double meanGapNanos;
    private final String[] hosts;
    private final String[] externals;
    private final String[] servers;
    private final int[][] favourites;
    private final double[] favouriteCdf;

    private long produced;
    private long rows;
    private long backgroundTs;
    private final Planted[] planted;
    private boolean zeek;
    private final ArrayDeque<NetworkEvent> pending = new ArrayDeque<>(4);
    private static final String[] DOMAINS = new String[300];
    private static final String[] QTYPES = {"A", "A", "A", "A", "A", "A", "AAAA", "AAAA", "HTTPS", "PTR", "TXT", "MX"};

    static {
        String[] words = {"cdn", "api", "www", "mail", "static", "img", "login", "update", "telemetry", "docs"};
        String[] zones = {"example.com", "example.net", "example.org", "corp.example", "cloud.example", "video.example"};
        for (int i = 0; i < DOMAINS.length; i++) {
            DOMAINS[i] = words[i % words.length] + (i / 60) + "." + zones[i % zones.length];
        }
    }

    public SyntheticFlows(long seed, long count, double eventsPerSecond, int hosts, int externals) {
        this.random = new SplittableRandom(seed);
        this.count = count;
        this.meanGapNanos = 1e9 / eventsPerSecond;
        this.hosts = new String[hosts];
        for (int i = 0; i < hosts; i++) {
            this.hosts[i] = "10.1." + (i / 250) + "." + (1 + i % 250);
        }
        this.externals = new String[externals];
        for (int i = 0; i < externals; i++) {
            this.externals[i] = (23 + i % 180) + "." + (i / 180 % 250) + "." + (i / 45_000 % 250) + "." + (1 + i % 251);
        }
        this.servers = new String[40];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = "10.0.1." + (10 + i);
        }
        this.favourites = new int[hosts][32];
        for (int[] f : favourites) {
            for (int k = 0; k < f.length; k++) {
                f[k] = random.nextInt(externals);
            }
        }
        this.favouriteCdf = new double[32];
        double sum = 0;
        for (int k = 0; k < 32; k++) {
            sum += 1.0 / (k + 1);
            favouriteCdf[k] = sum;
        }
        for (int k = 0; k < 32; k++) {
            favouriteCdf[k] /= sum;
        }
        this.backgroundTs = START;
        long span = (long) (count * meanGapNanos);
        this.planted = new Planted[] {
            new Scan(START + span / 10, "10.1.3.30", servers[3]),
            new Scan(START + span * 3 / 10, "10.1.4.40", servers[7]),
            new Scan(START + span / 2, "10.1.5.50", "10.0.1.200"),
            new Scan(START + span * 7 / 10, "10.1.6.60", servers[11]),
            new Scan(START + span * 9 / 10, "10.1.2.20", "10.0.1.201"),
            new Beacon(START + 30_000_000_000L),
            new Tunnel(START + span * 2 / 5),
            new Lateral(START + span / 5, "10.1.8.80", servers[0]),
            new Lateral(START + span * 3 / 5, "10.1.8.81", servers[1]),
            new Lateral(START + span * 4 / 5, "10.1.8.82", servers[2]),
        };
    }

    /**
     * The benchmark's default traffic as the Zeek collector gives it: connection and flow events per
     * row, dns events for DNS rows; {@code count} events in all.
     */
    public static SyntheticFlows zeek(long count, double rowsPerSecond) {
        // about 2.1 events a row: plant the attacks over the rows there will be
        SyntheticFlows flows = new SyntheticFlows(42, (long) (count / 2.1), rowsPerSecond, 2_000, 50_000);
        flows.zeek = true;
        flows.count = count;
        return flows;
    }

    /** The benchmark's default traffic: 2,000 hosts, 50,000 external servers. */
    public static SyntheticFlows standard(long count, double eventsPerSecond) {
        return new SyntheticFlows(42, count, eventsPerSecond, 2_000, 50_000);
    }

    @Override
    public NetworkEvent next() {
        if (produced >= count) {
            return null;
        }
        produced++;
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        FlowEvent f = row();
        if (!zeek) {
            return f;
        }
        pending.add(f);
        if (Long.valueOf(53).equals(f.getDestinationPort()) && "udp".equals(f.getNetworkTransport())) {
            pending.add(dns(f));
        }
        return connection(f);
    }

    private static final String[] PROTOCOLS = new String[65_536];

    static {
        PROTOCOLS[443] = "ssl";
        PROTOCOLS[8443] = "ssl";
        PROTOCOLS[993] = "ssl";
        PROTOCOLS[80] = "http";
        PROTOCOLS[8080] = "http";
        PROTOCOLS[53] = "dns";
        PROTOCOLS[22] = "ssh";
        PROTOCOLS[445] = "smb";
        PROTOCOLS[135] = "dce_rpc";
        PROTOCOLS[3389] = "rdp";
        PROTOCOLS[389] = "ldap";
        PROTOCOLS[88] = "krb";
        PROTOCOLS[123] = "ntp";
    }

    private static boolean internal(String ip) {
        return ip.startsWith("10.");
    }

    /** The connection event ConnMapper makes of the row, and the row's direction and service on the flow. */
    private ConnectionEvent connection(FlowEvent f) {
        String direction = internal(f.getSourceIp()) ? (internal(f.getDestinationIp()) ? "internal" : "outbound")
                : (internal(f.getDestinationIp()) ? "inbound" : "external");
        f.setNetworkDirection(direction);
        boolean established = !"S0".equals(f.getFlowState()) && !"REJ".equals(f.getFlowState());
        f.setNetworkProtocol(established ? PROTOCOLS[f.getDestinationPort().intValue()] : null);
        ConnectionEvent c = new ConnectionEvent();
        c.setTs(f.getTs(), f.getTsPrecision());
        c.setSourceIp(f.getSourceIp());
        c.setSourcePort(f.getSourcePort());
        c.setDestinationIp(f.getDestinationIp());
        c.setDestinationPort(f.getDestinationPort());
        c.setNetworkTransport(f.getNetworkTransport());
        c.setNetworkDirection(direction);
        c.setLogFilePath(FILE);
        c.setLogRecord(f.getLogRecord());
        return c;
    }

    private DnsEvent dns(FlowEvent f) {
        DnsEvent d = new DnsEvent();
        d.setTs(f.getTs(), f.getTsPrecision());
        d.setSourceIp(f.getSourceIp());
        d.setSourcePort(f.getSourcePort());
        d.setDestinationIp(f.getDestinationIp());
        d.setDestinationPort(f.getDestinationPort());
        d.setNetworkTransport("udp");
        if (TUNNEL_SOURCE.equals(f.getSourceIp())) {
            d.setDnsQuestionName(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                    + Long.toHexString(random.nextLong()) + ".t.tunnel.example");
            d.setDnsQuestionType("TXT");
            d.setDnsResponseCode("NOERROR");
        } else {
            d.setDnsQuestionName(DOMAINS[random.nextInt(DOMAINS.length)]);
            String type = QTYPES[random.nextInt(QTYPES.length)];
            d.setDnsQuestionType(type);
            boolean nx = random.nextInt(50) == 0;
            d.setDnsResponseCode(nx ? "NXDOMAIN" : "NOERROR");
            if (!nx && type.startsWith("A")) {
                d.setDnsAnswers(List.of(externals[random.nextInt(externals.length)]));
            }
        }
        d.setLogFilePath("synthetic.dns.log");
        d.setLogRecord(f.getLogRecord());
        return d;
    }

    /** The next conn.log row, in time order: a planted event when one is due, else background. */
    private FlowEvent row() {
        rows++;
        Planted due = null;
        for (Planted p : planted) {
            if (p.next <= backgroundTs && (due == null || p.next < due.next)) {
                due = p;
            }
        }
        FlowEvent f = new FlowEvent();
        if (due != null) {
            due.emit(f);
        } else {
            background(f);
            backgroundTs += (long) (-meanGapNanos * Math.log(1 - random.nextDouble()));
        }
        f.setLogFilePath(FILE);
        f.setLogRecord(rows);
        return f;
    }

    private void background(FlowEvent f) {
        int h = random.nextInt(hosts.length);
        f.setTs(backgroundTs, 6);
        f.setSourceIp(hosts[h]);
        f.setSourcePort(PORT[1024 + random.nextInt(64_000)]);
        double pick = random.nextDouble();
        if (pick < 0.08) {
            f.setDestinationIp(servers[random.nextInt(servers.length)]);
            f.setDestinationPort(PORT[(int) SERVER_PORTS[random.nextInt(SERVER_PORTS.length)]]);
            f.setNetworkTransport("tcp");
        } else if (pick < 0.13) {
            f.setDestinationIp(RESOLVER);
            f.setDestinationPort(53L);
            f.setNetworkTransport("udp");
        } else {
            f.setDestinationIp(pick < 0.93 ? externals[favourites[h][favourite()]] : externals[random.nextInt(externals.length)]);
            f.setDestinationPort(PORT[(int) WEB_PORTS[random.nextInt(WEB_PORTS.length)]]);
            f.setNetworkTransport(f.getDestinationPort() == 123 ? "udp" : "tcp");
        }
        String state = "udp".equals(f.getNetworkTransport()) ? "SF" : STATES[random.nextInt(STATES.length)];
        f.setFlowState(state);
        boolean established = state.equals("SF") || state.equals("S1") || state.equals("RSTO");
        long out = established ? logNormalBytes(6.5, 1.8) : 0;
        long in = established ? logNormalBytes(8.0, 2.2) : 0;
        f.setSourceBytes(out);
        f.setDestinationBytes(in);
        f.setSourcePackets(established ? 2 + out / 1200 : 1L);
        f.setDestinationPackets(established ? 2 + in / 1200 : (state.equals("REJ") ? 1L : 0L));
        f.setEventDuration(established ? (long) (random.nextDouble() * 5e9) : 0L);
    }

    private int favourite() {
        double u = random.nextDouble();
        for (int k = 0; k < favouriteCdf.length; k++) {
            if (u <= favouriteCdf[k]) {
                return k;
            }
        }
        return favouriteCdf.length - 1;
    }

    private long logNormalBytes(double mu, double sigma) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.min(2_000_000_000L, (long) Math.exp(mu + sigma * gaussian));
    }

    /** A planted activity: emits its events at its own times, interleaved with the background. */
    private abstract static class Planted {
        long next;

        Planted(long start) {
            this.next = start;
        }

        abstract void emit(FlowEvent f);

        static void tuple(FlowEvent f, long ts, String src, String dst, long dport, String transport) {
            f.setTs(ts, 6);
            f.setSourceIp(src);
            f.setSourcePort(PORT[(int) (40_000 + (ts / 1_000_000 % 20_000))]);
            f.setDestinationIp(dst);
            f.setDestinationPort(PORT[(int) dport]);
            f.setNetworkTransport(transport);
        }
    }

    private static final class Scan extends Planted {
        private final String src;
        private final String dst;
        private int port = 1;

        Scan(long start, String src, String dst) {
            super(start);
            this.src = src;
            this.dst = dst;
        }

        @Override
        void emit(FlowEvent f) {
            tuple(f, next, src, dst, port, "tcp");
            f.setFlowState(port % 3 == 0 ? "S0" : "REJ");
            f.setSourceBytes(0L);
            f.setDestinationBytes(0L);
            f.setSourcePackets(1L);
            f.setDestinationPackets(port % 3 == 0 ? 0L : 1L);
            port++;
            next = port > 1000 ? Long.MAX_VALUE : next + 10_000_000L;
        }
    }

    private final class Beacon extends Planted {
        Beacon(long start) {
            super(start);
        }

        @Override
        void emit(FlowEvent f) {
            tuple(f, next, BEACON_SOURCE, BEACON_C2, 443, "tcp");
            f.setFlowState("SF");
            f.setSourceBytes(590L + random.nextInt(21));
            f.setDestinationBytes(1400L + random.nextInt(50));
            f.setSourcePackets(6L);
            f.setDestinationPackets(5L);
            f.setEventDuration(300_000_000L);
            next += 55_000_000_000L + random.nextLong(10_000_000_000L);
        }
    }

    private final class Tunnel extends Planted {
        private final long end;

        Tunnel(long start) {
            super(start);
            this.end = start + 600_000_000_000L;
        }

        @Override
        void emit(FlowEvent f) {
            tuple(f, next, TUNNEL_SOURCE, RESOLVER, 53, "udp");
            f.setFlowState("SF");
            f.setSourceBytes(380L + random.nextInt(60));
            f.setDestinationBytes(420L + random.nextInt(60));
            f.setSourcePackets(1L);
            f.setDestinationPackets(1L);
            next += 200_000_000L;
            if (next > end) {
                next = Long.MAX_VALUE;
            }
        }
    }

    private static final class Lateral extends Planted {
        private final String src;
        private final String dst;
        private int step;

        Lateral(long start, String src, String dst) {
            super(start);
            this.src = src;
            this.dst = dst;
        }

        @Override
        void emit(FlowEvent f) {
            tuple(f, next, src, dst, step == 0 ? 445 : 135, "tcp");
            f.setFlowState("SF");
            f.setSourceBytes(2_000L);
            f.setDestinationBytes(3_000L);
            step++;
            next = step == 1 ? next + 40_000_000_000L : Long.MAX_VALUE;
        }
    }
}
