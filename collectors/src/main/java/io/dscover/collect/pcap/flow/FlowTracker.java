package io.dscover.collect.pcap.flow;

import io.dscover.collect.InputLedger;
import io.dscover.collect.pcap.decode.Datagram;
import io.dscover.collect.pcap.decode.DecodeResult;
import io.dscover.collect.pcap.decode.LinkTypes;
import io.dscover.collect.pcap.decode.PacketDecoder;
import io.dscover.collect.pcap.proto.Analyzer;
import io.dscover.collect.pcap.proto.Protocols;
import io.dscover.collect.pcap.stream.StreamReassembler;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Packets to connections, Zeek style. Each decoded datagram finds (or opens) its connection in a
 * table per transport kept in least-recently-active order, which makes inactivity expiry a look
 * at the head and eviction at the cap O(1). Zeek's TCP timers (attempt, expire, close delay) run
 * from a timer queue before each packet, as Zeek runs them. A connection emits {@code connection}
 * when it opens and {@code flow} when it ends; dissectors emit content events in between.
 */
public final class FlowTracker {

    static final int TIMER_TCP_EXPIRE = 1;
    static final int TIMER_TCP_ATTEMPT = 2;
    static final int TIMER_TCP_DELETE = 3;
    static final int TIMER_DNS_EXPIRE = 4;
    /** Zeek's dns_session_timeout: UDP DNS connections idle this long (less 1 s) end. */
    static final long DNS_SESSION_TIMEOUT = 10_000_000_000L;
    static final int MAX_TUNNEL_DEPTH = 4;
    /** ICMP events per connection; a ping flood is one flow, not a million events. */
    static final int MAX_ICMP_EVENTS = 16;
    /** All out-of-order stream buffers together (each direction is capped by pcap.stream-cap as well). */
    static final long REASSEMBLY_BUDGET = 64L << 20;
    /** Ledger reason when a dissector is refused memory. */
    static final String DISSECTOR_MEMORY_SPENT =
            "dissector memory budget spent (pcap.dissector-memory): content of a connection not analysed";
    private static final int MAX_EXPECTED = 1024;
    private static final long EXPECT_TIMEOUT = 5 * FlowSettings.MINUTE;

    private record Timer(long due, long order, Connection c, int kind, int generation) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int d = Long.compare(due, o.due);
            return d != 0 ? d : Long.compare(order, o.order);
        }
    }

    private record Expected(long due, String service) {
    }

    final FlowSettings settings;
    final String inputName;
    private final InputLedger ledger;
    private final Consumer<NetworkEvent> out;
    private final PacketDecoder decoder;
    private final Datagram[] datagrams = new Datagram[MAX_TUNNEL_DEPTH + 1];
    final TcpTracking tcp = new TcpTracking(this);
    final Dpd dpd = new Dpd();
    private final java.util.HashMap<FlowKey, Connection> table = new java.util.HashMap<>(4096);
    private final ActivityList tcpActivity = new ActivityList();
    private final ActivityList udpActivity = new ActivityList();
    private final ActivityList otherActivity = new ActivityList();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final LinkedHashMap<String, String> ipTunnels = new LinkedHashMap<>();
    private final LinkedHashMap<String, Expected> expected = new LinkedHashMap<>();
    private final FlowKey probe = new FlowKey();
    private final ArpWatch arpWatch;
    /** Out-of-order TCP bytes held by all connections together. */
    private final io.dscover.collect.pcap.stream.BufferBudget reassemblyBudget =
            new io.dscover.collect.pcap.stream.BufferBudget(REASSEMBLY_BUDGET);
    /** Buffers and held messages of all dissectors together (pcap.dissector-memory). */
    private final io.dscover.collect.pcap.stream.BufferBudget dissectorBudget;
    private final long uidSeed;
    private long timerOrder;
    private int flows;
    private long evicted;
    private long maxLateness;

    long now;
    int tsDigits = 6;
    long packetNumber;
    long packetOffset;
    private String packetLocation;

    public FlowTracker(FlowSettings settings, String inputName, InputLedger ledger, Consumer<NetworkEvent> out) {
        this.settings = settings;
        this.inputName = inputName;
        this.ledger = ledger;
        this.out = out;
        this.decoder = new PacketDecoder(settings.verifyChecksums());
        this.arpWatch = new ArpWatch(ledger);
        this.dissectorBudget = new io.dscover.collect.pcap.stream.BufferBudget(settings.dissectorMemory());
        for (int i = 0; i < datagrams.length; i++) {
            datagrams[i] = new Datagram();
        }
        this.uidSeed = mix(inputName.hashCode() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    /** Connections ended early because the table was full. */
    public long evicted() {
        return evicted;
    }

    public int openConnections() {
        return flows;
    }

    /** Bytes the dissectors of all open connections hold now (buffers and held messages). */
    public long dissectorMemoryInUse() {
        return dissectorBudget.used();
    }

    /** Bytes the out-of-order stream buffers of all open connections hold now. */
    public long reassemblyMemoryInUse() {
        return reassemblyBudget.used();
    }

    boolean reserveDissectorMemory(int bytes) {
        if (dissectorBudget.tryTake(bytes)) {
            return true;
        }
        ledger.skip(DISSECTOR_MEMORY_SPENT);
        return false;
    }

    void releaseDissectorMemory(int bytes) {
        dissectorBudget.give(bytes);
    }

    /** Longest delay seen between an event's time and the packet time at which it was emitted. */
    public long maxLateness() {
        return maxLateness;
    }

    // ------------------------------------------------------------------ packets

    /** Processes one captured frame. */
    public void frame(int linkType, byte[] data, int capturedLength, long ts, int tsDigits, long number, long offset) {
        this.packetNumber = number;
        this.packetOffset = offset;
        this.packetLocation = null;
        this.tsDigits = tsDigits;
        advance(ts);
        decodeAndProcess(linkType, data, 0, capturedLength, 0, null);
    }

    private void advance(long ts) {
        if (ts > now) {
            now = ts;
        }
        expireInactive(tcpActivity, settings.tcpTimeout());
        expireInactive(udpActivity, settings.udpTimeout());
        expireInactive(otherActivity, settings.icmpTimeout());
        runTimers();
    }

    String location() {
        if (packetLocation == null) {
            packetLocation = "packet " + packetNumber + " (offset " + packetOffset + ")";
        }
        return packetLocation;
    }

    void malformed(String reason, String detail) {
        ledger.reject(location(), reason, detail);
    }

    private void decodeAndProcess(int linkType, byte[] b, int off, int end, int depth, String tunnel) {
        Datagram d = datagrams[depth];
        DecodeResult r = decoder.decode(linkType, b, off, end, now, d);
        switch (r) {
            case OK -> process(d, depth, tunnel);
            case FRAGMENT_HELD -> ledger.skip("IP fragment held for reassembly");
            case SKIPPED_NOT_IP -> ledger.skip(notIp(decoder.skipReason()));
            case ARP -> arp(b, d.vlan(), tunnel);
            case SKIPPED_LINK_TYPE -> ledger.reject(location(), "unsupported link type", decoder.skipReason());
            case MALFORMED -> ledger.reject(location(), depth == 0 ? "malformed packet" : "malformed tunnelled packet",
                    decoder.problem());
        }
    }

    private void arp(byte[] b, int vlan, String tunnel) {
        io.dscover.model.event.WeirdEvent e = arpWatch.packet(b, decoder.arpOffset(), decoder.arpEnd(), vlan, tunnel,
                location());
        if (e != null && settings.content()) {
            e.setEventProvider("pcap");
            e.setLogFilePath(inputName);
            e.setTs(now, tsDigits);
            e.setLogRecord(packetNumber);
            e.setLogOffset(packetOffset);
            emit(e);
        }
    }

    private final Map<String, String> notIpReasons = new java.util.HashMap<>();
    private final String[] untrackedReasons = new String[256];

    private String notIp(String reason) {
        return notIpReasons.computeIfAbsent(reason, r -> "not IP: " + r);
    }

    private void process(Datagram d, int depth, String tunnel) {
        int proto = d.protocol();
        if (proto == IpProtocols.IPV4 || proto == IpProtocols.IPV6 || proto == IpProtocols.GRE) {
            ipTunnel(d, depth, tunnel);
            return;
        }
        if (proto != IpProtocols.TCP && proto != IpProtocols.UDP && proto != IpProtocols.ICMP
                && proto != IpProtocols.ICMPV6) {
            if (untrackedReasons[proto] == null) {
                untrackedReasons[proto] = "IP protocol " + IpProtocols.name(proto) + " (no flow tracking)";
            }
            ledger.skip(untrackedReasons[proto]);
            return;
        }
        if (!d.checksumOk()) {
            ledger.skip("bad checksum (pcap.verify-checksums)");
            Connection c = lookup(d, false, depth, tunnel);
            if (c != null && proto == IpProtocols.TCP) {
                boolean isOrig = c.isOrig(d.buffer(), d.sourceAddressOffset(), d.addressLength(), d.sourcePort());
                TcpEndpoint ep = isOrig ? c.tcpOrig : c.tcpResp;
                ep.checksumCount++;
                ep.checksumThreshold = c.scaledHistory(isOrig ? 'C' : 'c', ep.checksumCount, ep.checksumThreshold);
            }
            return;
        }
        Connection c = lookup(d, true, depth, tunnel);
        if (c == null) {
            return;
        }
        boolean isOrig = c.isOrig(d.buffer(), d.sourceAddressOffset(), d.addressLength(), portOf(d, true));
        switch (proto) {
            case IpProtocols.TCP -> {
                c.tcpFlagsSeen |= d.tcpFlags();
                tcp.process(c, isOrig, d, now);
            }
            case IpProtocols.UDP -> {
                c.last = now;
                if (isOrig) {
                    c.checkHistory(0x1, 'D');
                    c.origPayload = Math.max(c.origPayload, 0) + d.payloadWire();
                } else {
                    c.checkHistory(0x1 << 16, 'd');
                    c.respPayload = Math.max(c.respPayload, 0) + d.payloadWire();
                }
                if (settings.content() && d.payloadCaptured() > 0) {
                    dpd.datagram(c, isOrig, d.buffer(), d.payloadOffset(), d.payloadCaptured());
                }
            }
            default -> {
                c.last = now;
                if (isOrig) {
                    c.origPayload = Math.max(c.origPayload, 0) + d.payloadWire();
                } else {
                    c.respPayload = Math.max(c.respPayload, 0) + d.payloadWire();
                }
                if (settings.content() && c.icmpEvents++ < MAX_ICMP_EVENTS) {
                    Protocols.icmp(c, d.icmpType(), d.icmpCode(), d.buffer(), d.payloadOffset(),
                            d.payloadCaptured(), d.payloadWire());
                }
            }
        }
        // Zeek's ConnSize analyzer counts after the transport analyzer (and after any role flip)
        isOrig = c.isOrig(d.buffer(), d.sourceAddressOffset(), d.addressLength(), portOf(d, true));
        if (isOrig) {
            c.origPkts++;
            c.origIpBytes += d.ipWireLength();
        } else {
            c.respPkts++;
            c.respIpBytes += d.ipWireLength();
        }
        if (proto == IpProtocols.UDP && depth < MAX_TUNNEL_DEPTH) {
            udpTunnel(c, d, depth);
        }
    }

    private void ipTunnel(Datagram d, int depth, String tunnel) {
        if (depth >= MAX_TUNNEL_DEPTH) {
            ledger.skip("tunnel nested too deep");
            return;
        }
        byte[] b = d.buffer();
        int p = d.transportOffset();
        int end = p + d.transportCaptured();
        if (d.protocol() == IpProtocols.GRE) {
            if (end - p < 4) {
                ledger.reject(location(), "malformed tunnelled packet", "GRE header truncated");
                return;
            }
            int flags = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
            int version = flags & 0x7;
            int type = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            int hl = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0)
                    + ((flags & 0x1000) != 0 ? 4 : 0) + (version == 1 && (flags & 0x0080) != 0 ? 4 : 0);
            if ((flags & 0x4000) != 0 || version > 1) {
                ledger.skip("GRE with source routing or unknown version");
                return;
            }
            int link;
            int q = p + hl;
            switch (type) {
                case 0x0800, 0x86DD -> link = LinkTypes.INNER_IP;
                case 0x6558 -> link = LinkTypes.INNER_ETHERNET;
                case 0x88BE -> {
                    link = LinkTypes.INNER_ETHERNET;
                    q += 8; // ERSPAN type II header
                }
                case 0x22EB -> {
                    link = LinkTypes.INNER_ETHERNET;
                    q += 12; // ERSPAN type III header
                }
                case 0x880B -> link = LinkTypes.INNER_PPP;
                default -> {
                    ledger.skip("GRE payload type 0x" + Integer.toHexString(type));
                    return;
                }
            }
            if (q > end) {
                ledger.reject(location(), "malformed tunnelled packet", "GRE header truncated");
                return;
            }
            decodeAndProcess(link, b, q, end, depth + 1, ipTunnelUid(d, tunnel));
        } else {
            decodeAndProcess(LinkTypes.INNER_IP, b, p, end, depth + 1, ipTunnelUid(d, tunnel));
        }
    }

    /** IP tunnels (GRE, IP-in-IP) have no conn.log entry; their uid is derived from the outer addresses. */
    private String ipTunnelUid(Datagram d, String outer) {
        String key = io.dscover.model.event.IpAddresses.format(d.buffer(), d.sourceAddressOffset(), d.addressLength())
                + ">" + io.dscover.model.event.IpAddresses.format(d.buffer(), d.destinationAddressOffset(), d.addressLength())
                + "/" + d.protocol();
        String uid = ipTunnels.get(key);
        if (uid == null) {
            if (ipTunnels.size() >= MAX_EXPECTED) {
                Iterator<String> it = ipTunnels.keySet().iterator();
                it.next();
                it.remove();
            }
            uid = uid(MAX_TUNNEL_DEPTH + 1);
            ipTunnels.put(key, uid);
        }
        return uid;
    }

    private void udpTunnel(Connection c, Datagram d, int depth) {
        byte[] b = d.buffer();
        int p = d.payloadOffset();
        int len = d.payloadCaptured();
        int end = p + len;
        int sport = d.sourcePort();
        int dport = d.destinationPort();
        if ((dport == 4789 || sport == 4789) && len >= 8 && (b[p] & 0x08) != 0) {
            c.confirm("vxlan");
            decodeAndProcess(LinkTypes.INNER_ETHERNET, b, p + 8, end, depth + 1, c.uid);
        } else if ((dport == 6081 || sport == 6081) && len >= 8 && (b[p] & 0xc0) == 0) {
            int hl = 8 + (b[p] & 0x3f) * 4;
            int type = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (hl <= len && type == 0x6558) {
                c.confirm("geneve");
                decodeAndProcess(LinkTypes.INNER_ETHERNET, b, p + hl, end, depth + 1, c.uid);
            }
        } else {
            int inner = Teredo.innerIpv6(b, p, len, sport == 3544 || dport == 3544);
            if (inner >= 0) {
                // Zeek (Tunnel::delay_teredo_confirmation) names the service once both directions were Teredo
                boolean fromOrig = c.isOrig(b, d.sourceAddressOffset(), d.addressLength(), sport);
                c.teredoSeen |= fromOrig ? 1 : 2;
                if (c.teredoSeen == 3) {
                    c.confirm("teredo");
                }
                decodeAndProcess(LinkTypes.INNER_IP, b, inner, end, depth + 1, c.uid);
            }
        }
    }

    private static int portOf(Datagram d, boolean source) {
        int proto = d.protocol();
        if (proto == IpProtocols.ICMP || proto == IpProtocols.ICMPV6) {
            if (source) {
                return d.icmpType();
            }
            return IcmpPorts.counterpart(proto, d.icmpType(), d.icmpCode());
        }
        return source ? d.sourcePort() : d.destinationPort();
    }

    private ActivityList activity(int proto) {
        return proto == IpProtocols.TCP ? tcpActivity : proto == IpProtocols.UDP ? udpActivity : otherActivity;
    }

    private Connection lookup(Datagram d, boolean create, int depth, String tunnel) {
        int proto = d.protocol();
        int sport = portOf(d, true);
        int dport = portOf(d, false);
        byte[] b = d.buffer();
        probe.set(b, d.sourceAddressOffset(), d.destinationAddressOffset(), d.addressLength(), sport, dport, proto);
        Connection c = table.get(probe);
        if (c != null) {
            activity(proto).touch(c);
        }
        if (c != null && tunnel != null && create) {
            c.addTunnelParent(tunnel);
        }
        if (c != null && proto == IpProtocols.TCP && create && TcpTracking.isReuse(c, d)) {
            end(c);
            c = null;
        }
        if (c != null || !create) {
            return c;
        }
        if (flows >= settings.maxFlows()) {
            evictOldest();
        }
        FlowKey key = probe.copy();
        c = new Connection(this, key, proto, d.ipVersion(), now, uid(depth), packetNumber, packetOffset, d.vlan());
        int aOff = d.sourceAddressOffset();
        int bOff = d.destinationAddressOffset();
        int len = d.addressLength();
        boolean flip = wantFlip(d, proto, sport, dport);
        c.origAddr = Arrays.copyOfRange(b, flip ? bOff : aOff, (flip ? bOff : aOff) + len);
        c.respAddr = Arrays.copyOfRange(b, flip ? aOff : bOff, (flip ? aOff : bOff) + len);
        c.origPort = flip ? dport : sport;
        c.respPort = flip ? sport : dport;
        if (flip) {
            c.addHistory('^');
        }
        if (tunnel != null) {
            c.tunnelParents = List.of(tunnel);
        }
        String exp = takeExpected(c.respAddr, c.respPort);
        if (exp != null) {
            c.expectedService = exp;
            c.confirm(exp);
        }
        table.put(key, c);
        activity(proto).append(c);
        flows++;
        if (proto == IpProtocols.TCP) {
            tcp.scheduleInitial(c, now);
        } else if (proto == IpProtocols.UDP && dnsPort(c.respPort)) {
            schedule(c, now + DNS_SESSION_TIMEOUT, TIMER_DNS_EXPIRE);
        }
        if (settings.content()) {
            dpd.attach(c);
        }
        emitConnection(c, d);
        return c;
    }

    private static boolean dnsPort(int port) {
        return port == 53 || port == 137 || port == 5353 || port == 5355;
    }

    private static boolean wantFlip(Datagram d, int proto, int sport, int dport) {
        if (proto == IpProtocols.TCP) {
            int f = d.tcpFlags();
            if ((f & Datagram.SYN) == 0 || (f & Datagram.ACK) != 0) {
                if (LikelyServerPorts.tcp(sport)) {
                    if (LikelyServerPorts.tcp(dport)) {
                        return (f & Datagram.SYN) == 0 && sport < dport;
                    }
                    return true;
                }
            }
            return false;
        }
        if (proto == IpProtocols.UDP) {
            return LikelyServerPorts.udp(sport) && !LikelyServerPorts.udp(dport);
        }
        return false;
    }

    private void evictOldest() {
        Connection victim = null;
        for (ActivityList l : new ActivityList[] {tcpActivity, udpActivity, otherActivity}) {
            Connection head = l.oldest();
            if (head != null && (victim == null || head.last < victim.last)) {
                victim = head;
            }
        }
        if (victim != null) {
            evicted++;
            ledger.skip("flow table full: connection ended early (pcap.max-flows)");
            end(victim);
        }
    }

    private void expireInactive(ActivityList list, long timeout) {
        Connection c;
        while ((c = list.oldest()) != null && c.last + timeout <= now) {
            end(c);
        }
    }

    // ------------------------------------------------------------------ timers

    void schedule(Connection c, long due, int kind) {
        timers.add(new Timer(due, timerOrder++, c, kind, c.timerGeneration));
        if (timers.size() > 8 * Math.max(1024, flows)) {
            timers.removeIf(t -> t.c.removed || t.generation != t.c.timerGeneration);
        }
    }

    void cancelTcpTimers(Connection c) {
        c.timerGeneration++;
    }

    private void runTimers() {
        while (!timers.isEmpty() && timers.peek().due <= now) {
            Timer t = timers.poll();
            Connection c = t.c;
            if (c.removed || t.generation != c.timerGeneration) {
                continue;
            }
            boolean done = switch (t.kind) {
                case TIMER_TCP_EXPIRE -> tcp.expireTimer(c, t.due);
                case TIMER_TCP_ATTEMPT -> tcp.attemptTimer(c);
                case TIMER_DNS_EXPIRE -> {
                    if (t.due - c.last >= DNS_SESSION_TIMEOUT - 1_000_000_000L) {
                        yield true;
                    }
                    // the next firing at which the idle test can pass (the ones before cannot)
                    long next = t.due + DNS_SESSION_TIMEOUT;
                    long passAt = c.last + DNS_SESSION_TIMEOUT - 1_000_000_000L;
                    if (passAt > next) {
                        next += (passAt - next + DNS_SESSION_TIMEOUT - 1) / DNS_SESSION_TIMEOUT * DNS_SESSION_TIMEOUT;
                    }
                    schedule(c, next, TIMER_DNS_EXPIRE);
                    yield false;
                }
                default -> true;
            };
            if (done) {
                end(c);
            }
        }
    }

    // ------------------------------------------------------------------ ending

    private void end(Connection c) {
        if (c.removed) {
            return;
        }
        table.remove(c.key);
        activity(c.proto).remove(c);
        finish(c);
    }

    private void finish(Connection c) {
        if (c.removed) {
            return;
        }
        c.removed = true;
        flows--;
        if (c.origStream != null) {
            c.origStream.flush(c.sink(true));
        }
        if (c.respStream != null) {
            c.respStream.flush(c.sink(false));
        }
        if (c.analyzers != null) {
            for (Analyzer a : c.analyzers) {
                if (!a.failed()) {
                    a.end(c);
                }
                a.releaseAll(c);
            }
            c.analyzers = null;
        }
        emitFlow(c);
    }

    /** End of input: every open connection ends, earliest first. */
    public void close() {
        runTimers();
        List<Connection> open = new ArrayList<>(table.values());
        for (Connection c : open) {
            activity(c.proto).remove(c);
        }
        table.clear();
        open.sort((x, y) -> Long.compare(x.start, y.start));
        for (Connection c : open) {
            finish(c);
        }
        if (decoder.fragmentsDropped() > 0) {
            for (long i = 0; i < decoder.fragmentsDropped(); i++) {
                ledger.skip("IP fragments never completed");
            }
        }
    }

    StreamReassembler stream(Connection c, boolean fromOrig) {
        if (fromOrig) {
            if (c.origStream == null) {
                c.origStream = new StreamReassembler(settings.streamCap(), reassemblyBudget);
            }
            return c.origStream;
        }
        if (c.respStream == null) {
            c.respStream = new StreamReassembler(settings.streamCap(), reassemblyBudget);
        }
        return c.respStream;
    }

    // ------------------------------------------------------------------ expected connections (FTP data)

    void expect(byte[] address, int port, String service) {
        if (expected.size() >= MAX_EXPECTED) {
            Iterator<String> it = expected.keySet().iterator();
            it.next();
            it.remove();
        }
        expected.put(io.dscover.model.event.IpAddresses.format(address) + "/" + port, new Expected(now + EXPECT_TIMEOUT, service));
    }

    private String takeExpected(byte[] address, int port) {
        if (expected.isEmpty()) {
            return null;
        }
        Expected e = expected.remove(io.dscover.model.event.IpAddresses.format(address) + "/" + port);
        return e == null || e.due < now ? null : e.service;
    }

    // ------------------------------------------------------------------ events

    void emit(NetworkEvent e) {
        long late = now - e.getTs();
        if (late > maxLateness) {
            maxLateness = late;
        }
        out.accept(e);
    }

    private void emitConnection(Connection c, Datagram d) {
        ConnectionEvent e = new ConnectionEvent();
        c.stampIdentity(e);
        e.setTs(c.start, tsDigits);
        e.setLogRecord(c.firstRecord);
        e.setLogOffset(c.firstOffset);
        if (c.proto == IpProtocols.TCP) {
            e.setTcpFlags(TcpFlagNames.of(d.tcpFlags()));
        }
        emit(e);
    }

    private void emitFlow(Connection c) {
        FlowEvent e = new FlowEvent();
        c.stampIdentity(e);
        e.setTs(c.start, tsDigits);
        e.setLogRecord(c.firstRecord);
        e.setLogOffset(c.firstOffset);
        e.setEventDuration(c.last - c.start);
        long ob;
        long rb;
        String state;
        if (c.proto == IpProtocols.TCP) {
            ob = c.tcpOrig.size();
            rb = c.tcpResp.size();
            state = TcpTracking.connState(c);
            e.setTcpFlags(TcpFlagNames.of(c.tcpFlagsSeen));
        } else {
            ob = Math.max(0, c.origPayload);
            rb = Math.max(0, c.respPayload);
            if (c.proto == IpProtocols.UDP) {
                state = c.origPayload >= 0 ? (c.respPayload >= 0 ? "SF" : "S0") : (c.respPayload >= 0 ? "SHR" : "OTH");
            } else {
                state = "OTH";
            }
        }
        e.setSourceBytes(ob);
        e.setDestinationBytes(rb);
        e.setSourcePackets(c.origPkts);
        e.setDestinationPackets(c.respPkts);
        e.setSourceIpBytes(c.origIpBytes);
        e.setDestinationIpBytes(c.respIpBytes);
        e.setNetworkBytes(ob + rb);
        e.setNetworkPackets(c.origPkts + c.respPkts);
        e.setFlowState(state);
        e.setFlowHistory(c.history.toString());
        e.setFlowMissedBytes(c.missedBytes);
        e.setNetworkProtocol(c.service());
        if (c.tunnelParents != null) {
            e.setFlowTunnelParents(c.tunnelParents);
        }
        emit(e);
    }

    // ------------------------------------------------------------------ uids

    private long uidCounter;

    private String uid(int depth) {
        long h1 = mix(uidSeed ^ (packetNumber * 0xD6E8FEB86659FD93L) ^ depth);
        long h2 = mix(h1 ^ ++uidCounter);
        StringBuilder sb = new StringBuilder(18).append('C');
        long v = h1 >>> 1;
        for (int i = 0; i < 10; i++) {
            sb.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        v = h2 >>> 1;
        for (int i = 0; i < 7; i++) {
            sb.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        return sb.toString();
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
