package io.dscover.collect.cloud.findings;

import io.dscover.collect.InputLedger;
import io.dscover.collect.InputProblem;
import io.dscover.model.event.Durations;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes an audit's rule-independent findings in one pass over flow events and the inputs'
 * ledgers. Memory is bounded whatever the export's size: distinct-value sets and per-key tables
 * have caps ({@link Limits}), heavy-hitter tables keep the heaviest keys and say how far a count
 * can be off, and the per-connection table for long-lived flows forgets the least recently seen
 * connection first.
 *
 * <p>Which way a record goes matters: flow logs record each direction of a connection (AWS, GCP)
 * or both directions in one tuple (Azure). A record is treated as <em>inbound from the
 * internet</em> when its source is public, its destination internal and its direction is not
 * egress; as <em>initiated by an internal host</em> when its destination is public and it is not a
 * server's answer (SYN-ACK flags, or a service source port talking to a high port).
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class FlowFindings {

    /** Report and memory sizes. */
    public record Limits(int top, int trackedKeys, long longFlowNanos) {
        public static final Limits DEFAULT = new Limits(20, 2048, 3_600_000_000_000L);

        public Limits {
            if (top < 1 || trackedKeys < top || longFlowNanos <= 0) {
                throw new IllegalArgumentException("limits: top >= 1, trackedKeys >= top, longFlow > 0");
            }
        }
    }

    /** Fields a rule needs most, listed as missing when the logs never carry them. */
    private static final List<String> KEY_FIELDS = List.of("source.ip", "source.port", "destination.ip",
            "destination.port", "network.transport", "event.action", "network.direction", "source.bytes",
            "destination.bytes", "source.packets", "event.duration", "tcp.flags", "cloud.interface.id",
            "cloud.instance.id", "cloud.vpc.id", "cloud.subnet.id", "flow.aggregation_interval");
    private static final int FIELD_SAMPLE_ALL = 10_000;
    private static final int FIELD_SAMPLE_EVERY = 64;
    private static final int MAX_PROBLEMS = 20;
    /** Distinct ports and hosts kept per rejected source: enough to tell a scan's shape (thresholds are 20). */
    private static final int SCAN_CAP = 128;
    /** Distinct peers kept per exposed service or unusual port. */
    private static final int PEER_CAP = 256;

    private final Limits limits;

    // visibility
    private final TreeSet<String> providers = new TreeSet<>();
    private long inputs;
    private long inputsNotRead;
    private long records;
    private long events;
    private long rejectedRecords;
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private final BoundedSet<String> accounts;
    private final BoundedSet<String> regions;
    private final BoundedSet<String> vpcs;
    private final BoundedSet<String> subnets;
    private final BoundedSet<String> interfaces;
    private final Map<String, Long> gapsByReason = new TreeMap<>();
    private final HeavyHitters<String, Span> gapInterfaces;
    private final List<FieldDef> flowFields = EventSchema.get().eventType(FlowEvent.class).fields();
    private final long[] fieldCounts = new long[flowFields.size()];
    private long fieldSampled;
    private final Map<Long, Long> intervals = new TreeMap<>();
    private final Map<Double, Long> samplingRates = new TreeMap<>();
    private final List<String> inputProblems = new ArrayList<>();

    // exposure
    private final Map<String, ExposureDetail> exposure = new LinkedHashMap<>();
    private int exposureNotTracked;
    private long exposureFlows;
    private final BoundedSet<String> answered;

    // rejected
    private long rejectedFlows;
    private final BoundedSet<String> rejectedSources;
    private final HeavyHitters<String, ScanDetail> rejected;

    // egress
    private long egressFlows;
    private long egressBytes;
    private final HeavyHitters<String, TalkerDetail> talkers;
    private final Map<String, PortDetail> unusualPorts = new HashMap<>();
    private final LinkedHashMap<String, ConnectionSpan> connections;
    private final Map<String, ConnectionSpan> longFlows = new HashMap<>();

    public FlowFindings() {
        this(Limits.DEFAULT);
    }

    public FlowFindings(Limits limits) {
        this.limits = limits;
        int k = limits.trackedKeys();
        accounts = new BoundedSet<>(k);
        regions = new BoundedSet<>(k);
        vpcs = new BoundedSet<>(k);
        subnets = new BoundedSet<>(k);
        interfaces = new BoundedSet<>(k * 16);
        gapInterfaces = new HeavyHitters<>(k, Span::new);
        answered = new BoundedSet<>(k * 16);
        rejectedSources = new BoundedSet<>(k * 64);
        rejected = new HeavyHitters<>(Math.max(limits.top(), k / 2), () -> new ScanDetail(SCAN_CAP));
        talkers = new HeavyHitters<>(k, TalkerDetail::new);
        int connectionCap = k * 64;
        connections = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ConnectionSpan> eldest) {
                return size() > connectionCap;
            }
        };
    }

    /** Takes one event; events other than flows are ignored. */
    public void add(NetworkEvent event) {
        if (event instanceof FlowEvent e) {
            addFlow(e);
        }
    }

    /** Takes the account of one finished input: records, rejects, skips and visibility gaps. */
    public void addLedger(InputLedger ledger) {
        inputs++;
        if (!ledger.collector().isEmpty()) {
            providers.add(ledger.collector());
        }
        records += ledger.recordsRead();
        rejectedRecords += ledger.rejected();
        ledger.rejectedByReason().forEach((k, v) -> rejectedByReason.merge(k, v, Long::sum));
        ledger.skippedByReason().forEach((k, v) -> skippedByReason.merge(k, v, Long::sum));
        for (InputProblem p : ledger.examples()) {
            if (inputProblems.size() < MAX_PROBLEMS) {
                inputProblems.add(p.render());
            }
        }
        for (InputLedger.Gap g : ledger.gaps()) {
            gapsByReason.merge(g.reason(), 1L, Long::sum);
            HeavyHitters.Entry<String, Span> entry = gapInterfaces.add(g.where() + "\t" + g.reason(), 1);
            entry.detail.add(g.startNanos(), g.endNanos());
            interfaces.add(g.where());
        }
        long unlisted = ledger.gapCount() - ledger.gaps().size();
        if (unlisted > 0) {
            gapsByReason.merge("(more gaps, not itemised)", unlisted, Long::sum);
        }
    }

    /** Counts an input that could not be read at all (no collector recognised it, or it failed to open). */
    public void inputNotRead(String input, String why) {
        inputsNotRead++;
        if (inputProblems.size() < MAX_PROBLEMS) {
            inputProblems.add(input + ": " + why);
        }
    }

    private void addFlow(FlowEvent e) {
        events++;
        // a time of 0 is a record whose format carries no time: unknown, not 1970
        long start = e.getTs() == 0 ? Long.MIN_VALUE : e.getTs();
        long end = start == Long.MIN_VALUE || e.getEventDuration() == null ? start : start + e.getEventDuration();
        if (start != Long.MIN_VALUE) {
            first = Math.min(first, start);
            last = Math.max(last, end);
        }
        accounts.add(e.getCloudAccountId());
        regions.add(e.getCloudRegion());
        vpcs.add(e.getCloudVpcId());
        subnets.add(e.getCloudSubnetId());
        interfaces.add(e.getCloudInterfaceId());
        if (e.getEventProvider() != null) {
            providers.add(e.getEventProvider());
        }
        sampleFields(e);

        boolean accepted = !"reject".equals(e.getEventAction());
        boolean srcPublic = AddressScope.isPublic(e.getSourceIp());
        boolean dstPublic = AddressScope.isPublic(e.getDestinationIp());
        String direction = e.getNetworkDirection();

        if (!accepted) {
            rejectedFlows++;
            rejected(e, start, end);
        }
        if (accepted && srcPublic && !dstPublic && !"egress".equals(direction)) {
            exposure(e, start, end);
        }
        if (accepted && !srcPublic && dstPublic && answersPublicClient(e)) {
            answered.add(serviceKey(e.getCloudInterfaceId(), e.getSourceIp(), e.getSourcePort(), e.getNetworkTransport()));
        }
        if (accepted && dstPublic && !srcPublic && !"ingress".equals(direction) && !isServerAnswer(e)) {
            egress(e, start, end);
        }
        if (accepted && (srcPublic || dstPublic)) {
            connection(e, start, end);
        }
    }

    private void sampleFields(FlowEvent e) {
        if (events > FIELD_SAMPLE_ALL && events % FIELD_SAMPLE_EVERY != 0) {
            return;
        }
        fieldSampled++;
        for (int i = 0; i < fieldCounts.length; i++) {
            Object v = flowFields.get(i).get(e);
            if (v != null) {
                fieldCounts[i]++;
            }
        }
        if (e.getFlowAggregationInterval() != null && intervals.size() < 32) {
            intervals.merge(e.getFlowAggregationInterval(), 1L, Long::sum);
        }
        if (e.getFlowSamplingRate() != null && samplingRates.size() < 32) {
            samplingRates.merge(e.getFlowSamplingRate(), 1L, Long::sum);
        }
    }

    private void exposure(FlowEvent e, long start, long end) {
        ServicePorts.Service service = ServicePorts.sensitive(e.getNetworkTransport(), e.getDestinationPort());
        if (service == null) {
            return;
        }
        exposureFlows++;
        String key = serviceKey(e.getCloudInterfaceId(), e.getDestinationIp(), e.getDestinationPort(),
                e.getNetworkTransport());
        ExposureDetail d = exposure.get(key);
        if (d == null) {
            if (exposure.size() >= limits.trackedKeys()) {
                exposureNotTracked++;
                return;
            }
            d = new ExposureDetail(e, service, PEER_CAP);
            exposure.put(key, d);
        }
        if (opensConnection(e)) {
            d.flows++;
        }
        d.bytes += value(e.getSourceBytes());
        d.packets += value(e.getSourcePackets());
        d.span.add(start, end);
        d.sources.add(e.getSourceIp());
        d.topSources.merge(e.getSourceIp(), 1L, Long::sum);
        if (d.topSources.size() > 64) {
            trim(d.topSources, 16);
        }
        if (value(e.getDestinationPackets()) > 0 || value(e.getDestinationBytes()) > 0) {
            d.answered = true;
        }
    }

    private void rejected(FlowEvent e, long start, long end) {
        if (e.getSourceIp() == null) {
            return;
        }
        rejectedSources.add(e.getSourceIp());
        HeavyHitters.Entry<String, ScanDetail> entry = rejected.add(e.getSourceIp(), 1);
        ScanDetail d = entry.detail;
        d.span.add(start, end);
        d.hosts.add(e.getDestinationIp());
        String port = (e.getNetworkTransport() == null ? "?" : e.getNetworkTransport()) + "/"
                + (e.getDestinationPort() == null ? "?" : e.getDestinationPort());
        d.ports.add(port);
        d.portFlows.merge(port, 1L, Long::sum);
        if (d.portFlows.size() > 64) {
            trim(d.portFlows, 16);
        }
        if (d.country == null) {
            d.country = e.getSourceGeoCountryIsoCode();
        }
    }

    private void egress(FlowEvent e, long start, long end) {
        long bytes = value(e.getSourceBytes());
        egressFlows++;
        egressBytes += bytes;
        HeavyHitters.Entry<String, TalkerDetail> t = talkers.add(e.getSourceIp() + "\t" + e.getDestinationIp(), bytes);
        if (opensConnection(e)) {
            t.detail.flows++;
        }
        t.detail.span.add(start, end);
        if (e.getNetworkTransport() != null && e.getDestinationPort() != null) {
            t.detail.ports.add(e.getNetworkTransport() + "/" + e.getDestinationPort());
        }
        if (t.detail.country == null) {
            t.detail.country = e.getDestinationGeoCountryIsoCode();
        }
        if (!ServicePorts.usualEgress(e.getNetworkTransport(), e.getDestinationPort())
                && e.getDestinationPort() != null) {
            String key = e.getNetworkTransport() + "/" + e.getDestinationPort();
            PortDetail p = unusualPorts.get(key);
            if (p == null) {
                if (unusualPorts.size() >= limits.trackedKeys() / 2) {
                    return;
                }
                p = new PortDetail(e, PEER_CAP);
                unusualPorts.put(key, p);
            }
            p.flows++;
            p.bytes += bytes;
            p.sources.add(e.getSourceIp());
            p.destinations.add(e.getDestinationIp());
        }
    }

    private void connection(FlowEvent e, long start, long end) {
        String key = e.getNetworkCommunityId() != null ? e.getNetworkCommunityId()
                : e.getSourceIp() + "|" + e.getSourcePort() + "|" + e.getDestinationIp() + "|" + e.getDestinationPort()
                        + "|" + e.getNetworkTransport();
        ConnectionSpan c = connections.get(key);
        if (c == null) {
            c = new ConnectionSpan(e);
            connections.put(key, c);
        }
        c.span.add(start, end);
        c.bytes += value(e.getSourceBytes()) + value(e.getDestinationBytes());
        if (c.span.last - c.span.first >= limits.longFlowNanos()) {
            longFlows.put(key, c);
            if (longFlows.size() > 4 * limits.top()) {
                // keep the longest: drop the shortest quarter
                List<Map.Entry<String, ConnectionSpan>> all = new ArrayList<>(longFlows.entrySet());
                all.sort(Comparator.comparingLong(x -> x.getValue().span.last - x.getValue().span.first));
                for (int i = 0; i < all.size() - 3 * limits.top(); i++) {
                    longFlows.remove(all.get(i).getKey());
                }
            }
        }
    }

    /**
     * A record of an internal service port answering a public client (the reverse record of an
     * inbound connection). With TCP flags, a lone RST (nothing listening) is no answer.
     */
    private static boolean answersPublicClient(FlowEvent e) {
        if (ServicePorts.sensitive(e.getNetworkTransport(), e.getSourcePort()) == null) {
            return false;
        }
        List<String> flags = e.getTcpFlags();
        long packets = value(e.getSourcePackets());
        if (flags == null) {
            return packets > 0;
        }
        return flags.contains("ACK") || (!flags.contains("RST") && packets > 1);
    }

    /**
     * Whether a record starts a connection rather than continuing one: Azure writes a B(egin) tuple,
     * then C(ontinuing) and E(nd) tuples for the same connection; other providers' records count as one.
     */
    private static boolean opensConnection(FlowEvent e) {
        String state = e.getFlowCloudState();
        return state == null || state.equals("B") || state.equals("D");
    }

    /**
     * A server's side of a connection someone else opened: SYN-ACK, or (without SYN in the flags) a
     * service port talking to a high port, or a lower port talking to an ephemeral one (32768 and up,
     * where Linux and Windows pick client ports).
     */
    private static boolean isServerAnswer(FlowEvent e) {
        List<String> flags = e.getTcpFlags();
        if (flags != null && flags.contains("SYN")) {
            return flags.contains("ACK");
        }
        Long sp = e.getSourcePort();
        Long dp = e.getDestinationPort();
        if (sp == null || dp == null || dp < 1024) {
            return false;
        }
        return ServicePorts.servicePort(e.getNetworkTransport(), sp) || (dp >= 32_768 && sp < 32_768);
    }

    private static String serviceKey(String iface, String ip, Long port, String transport) {
        return iface + "\t" + ip + "\t" + port + "\t" + transport;
    }

    private static long value(Long v) {
        return v == null ? 0 : v;
    }

    private static void trim(Map<String, Long> counts, int keep) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
        all.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (int i = keep; i < all.size(); i++) {
            counts.remove(all.get(i).getKey());
        }
    }

    /** The findings so far (can be called more than once). */
    public AuditFindings result() {
        return new AuditFindings(visibility(), exposureResult(), rejectedResult(), egressResult());
    }

    private AuditFindings.Visibility visibility() {
        List<AuditFindings.FieldPresence> fields = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < fieldCounts.length; i++) {
            String name = flowFields.get(i).name();
            if (fieldCounts[i] > 0) {
                fields.add(new AuditFindings.FieldPresence(name, fieldCounts[i],
                        Math.round(1000.0 * fieldCounts[i] / fieldSampled) / 1000.0));
            } else if (KEY_FIELDS.contains(name) && fieldSampled > 0) {
                missing.add(name);
            }
        }
        List<AuditFindings.GapInterface> gaps = new ArrayList<>();
        for (HeavyHitters.Entry<String, Span> g : gapInterfaces.top(limits.top())) {
            String[] parts = g.key.split("\t", 2);
            gaps.add(new AuditFindings.GapInterface(parts[0], parts[1], g.weight, time(g.detail.first),
                    time(g.detail.last)));
        }
        List<String> intervalText = new ArrayList<>();
        intervals.forEach((k, v) -> intervalText.add(Durations.format(k)));
        List<String> samplingText = new ArrayList<>();
        samplingRates.forEach((k, v) -> samplingText.add(String.valueOf(k)));
        return new AuditFindings.Visibility(List.copyOf(providers), inputs, inputsNotRead, records, events,
                rejectedRecords, Map.copyOf(rejectedByReason), Map.copyOf(skippedByReason),
                first == Long.MAX_VALUE ? null : time(first), last == Long.MIN_VALUE ? null : time(last),
                distinct(accounts), distinct(regions), distinct(vpcs), distinct(subnets), distinct(interfaces),
                Map.copyOf(gapsByReason), gaps, fields, missing, intervalText, samplingText, List.copyOf(inputProblems));
    }

    private AuditFindings.Exposure exposureResult() {
        List<ExposureDetail> all = new ArrayList<>(exposure.values());
        for (ExposureDetail d : all) {
            if (answered.values().contains(serviceKey(d.iface, d.address, d.port, d.transport))) {
                d.answered = true;
            }
        }
        all.sort(Comparator.comparing((ExposureDetail d) -> !d.answered).thenComparing(d -> -d.sources.count())
                .thenComparing(d -> -d.flows).thenComparing(d -> d.address + ":" + d.port));
        List<AuditFindings.ExposedService> out = new ArrayList<>();
        for (ExposureDetail d : all.subList(0, Math.min(all.size(), limits.top() * 5))) {
            out.add(new AuditFindings.ExposedService(d.iface, d.address, d.port, d.transport, d.service.name(),
                    d.service.kind(), d.flows, d.sources.count(), d.sources.overflowed(), d.bytes, d.packets,
                    d.answered, time(d.span.first), time(d.span.last), topKeys(d.topSources, 5)));
        }
        return new AuditFindings.Exposure(out, all.size() - out.size() + exposureNotTracked, exposureFlows);
    }

    private AuditFindings.RejectedTraffic rejectedResult() {
        List<AuditFindings.RejectedSource> top = new ArrayList<>();
        for (HeavyHitters.Entry<String, ScanDetail> e : rejected.top(limits.top())) {
            ScanDetail d = e.detail;
            top.add(new AuditFindings.RejectedSource(e.key, e.weight, d.ports.count(), d.ports.overflowed(),
                    d.hosts.count(), d.hosts.overflowed(), shape(e.weight, d), topKeys(d.portFlows, 5),
                    time(d.span.first), time(d.span.last), d.country));
        }
        return new AuditFindings.RejectedTraffic(rejectedFlows, distinct(rejectedSources), top,
                rejected.maxDroppedWeight());
    }

    /** How a rejected source probed: many ports on few hosts, one port on many hosts, both, or the same thing again. */
    static String shape(long flows, ScanDetail d) {
        int ports = d.ports.count();
        int hosts = d.hosts.count();
        if (ports >= 20 && hosts >= 20) {
            return "block scan (many ports on many hosts)";
        }
        if (ports >= 20) {
            return "vertical port scan (" + ports + (d.ports.overflowed() ? "+" : "") + " ports on " + hosts
                    + (hosts == 1 ? " host)" : " hosts)");
        }
        if (hosts >= 20) {
            return "horizontal sweep (" + hosts + (d.hosts.overflowed() ? "+" : "") + " hosts on " + ports
                    + (ports == 1 ? " port)" : " ports)");
        }
        if (flows >= 20) {
            return "repeated attempts (" + flows + " flows to " + ports + (ports == 1 ? " port" : " ports") + ")";
        }
        return "sporadic";
    }

    private AuditFindings.Egress egressResult() {
        List<AuditFindings.Talker> top = new ArrayList<>();
        for (HeavyHitters.Entry<String, TalkerDetail> t : talkers.top(limits.top())) {
            String[] pair = t.key.split("\t", 2);
            TalkerDetail d = t.detail;
            top.add(new AuditFindings.Talker(pair[0], pair[1], t.weight, d.flows, d.ports.sample(8),
                    time(d.span.first), time(d.span.last), d.country));
        }
        List<PortDetail> ports = new ArrayList<>(unusualPorts.values());
        ports.sort(Comparator.comparingLong((PortDetail p) -> -p.bytes).thenComparingLong(p -> -p.flows)
                .thenComparing(p -> p.transport + "/" + p.port));
        List<AuditFindings.UnusualPort> unusual = new ArrayList<>();
        for (PortDetail p : ports.subList(0, Math.min(ports.size(), limits.top()))) {
            unusual.add(new AuditFindings.UnusualPort(p.transport, p.port, p.flows, p.bytes, p.sources.count(),
                    p.destinations.count(), p.example));
        }
        List<ConnectionSpan> longest = new ArrayList<>(longFlows.values());
        longest.sort(Comparator.comparingLong((ConnectionSpan c) -> -(c.span.last - c.span.first))
                .thenComparing(c -> c.source + ":" + c.sourcePort));
        List<AuditFindings.LongFlow> lf = new ArrayList<>();
        for (ConnectionSpan c : longest.subList(0, Math.min(longest.size(), limits.top()))) {
            lf.add(new AuditFindings.LongFlow(c.source, c.sourcePort, c.destination, c.destinationPort, c.transport,
                    span(c.span.last - c.span.first), c.bytes, time(c.span.first), time(c.span.last)));
        }
        return new AuditFindings.Egress(egressFlows, egressBytes, top, talkers.maxDroppedWeight(), unusual, lf,
                span(limits.longFlowNanos()));
    }

    /** A duration for people: {@code 5h05m}, {@code 12m30s}, {@code 45s}. */
    static String span(long nanos) {
        long s = nanos / 1_000_000_000L;
        if (s >= 86_400) {
            return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
        }
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    private static AuditFindings.Distinct distinct(BoundedSet<String> s) {
        return new AuditFindings.Distinct(s.count(), s.overflowed(), s.sample(10));
    }

    private static List<String> topKeys(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(x -> x.getKey() + " (" + x.getValue() + ")").toList();
    }

    private static String time(long nanos) {
        return nanos == Long.MAX_VALUE || nanos == Long.MIN_VALUE ? null : Timestamps.format(nanos, 0);
    }

    /** First and last time of something. */
    static final class Span {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void add(long start, long end) {
            if (start != Long.MIN_VALUE) {
                first = Math.min(first, start);
                last = Math.max(last, start);
            }
            if (end != Long.MIN_VALUE) {
                last = Math.max(last, end);
            }
        }
    }

    private static final class ExposureDetail {
        final String iface;
        final String address;
        final long port;
        final String transport;
        final ServicePorts.Service service;
        final BoundedSet<String> sources;
        final Map<String, Long> topSources = new HashMap<>();
        final Span span = new Span();
        long flows;
        long bytes;
        long packets;
        boolean answered;

        ExposureDetail(FlowEvent e, ServicePorts.Service service, int cap) {
            this.iface = e.getCloudInterfaceId();
            this.address = e.getDestinationIp();
            this.port = e.getDestinationPort();
            this.transport = e.getNetworkTransport();
            this.service = service;
            this.sources = new BoundedSet<>(cap);
        }
    }

    static final class ScanDetail {
        final BoundedSet<String> ports;
        final BoundedSet<String> hosts;
        final Map<String, Long> portFlows = new HashMap<>();
        final Span span = new Span();
        String country;

        ScanDetail(int cap) {
            ports = new BoundedSet<>(cap);
            hosts = new BoundedSet<>(cap);
        }
    }

    private static final class TalkerDetail {
        long flows;
        final BoundedSet<String> ports = new BoundedSet<>(32);
        final Span span = new Span();
        String country;
    }

    private static final class PortDetail {
        final String transport;
        final long port;
        final String example;
        final BoundedSet<String> sources;
        final BoundedSet<String> destinations;
        long flows;
        long bytes;

        PortDetail(FlowEvent e, int cap) {
            transport = e.getNetworkTransport();
            port = e.getDestinationPort();
            example = e.getSourceIp() + " -> " + e.getDestinationIp() + ":" + e.getDestinationPort();
            sources = new BoundedSet<>(cap);
            destinations = new BoundedSet<>(cap);
        }
    }

    private static final class ConnectionSpan {
        final String source;
        final Long sourcePort;
        final String destination;
        final Long destinationPort;
        final String transport;
        final Span span = new Span();
        long bytes;

        ConnectionSpan(FlowEvent e) {
            source = e.getSourceIp();
            sourcePort = e.getSourcePort();
            destination = e.getDestinationIp();
            destinationPort = e.getDestinationPort();
            transport = e.getNetworkTransport();
        }
    }
}
