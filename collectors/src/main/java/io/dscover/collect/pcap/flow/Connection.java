package io.dscover.collect.pcap.flow;

import io.dscover.collect.pcap.proto.Analyzer;
import io.dscover.collect.pcap.proto.Session;
import io.dscover.collect.pcap.stream.StreamReassembler;
import io.dscover.collect.pcap.stream.StreamSink;
import io.dscover.model.event.CommunityId;
import io.dscover.model.event.IpAddresses;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.List;

/** One connection: its identity, counters, Zeek history and state, and the dissectors attached to it. */
final class Connection implements Session {

    static final int MAX_HISTORY = 64;
    static final int MAX_SERVICES = 4;
    static final int MAX_TUNNEL_PARENTS = 4;

    // history bits; the responder's are shifted left by 16 as in Zeek
    static final int HIST_SYN = 0x1;
    static final int HIST_FIN = 0x2;
    static final int HIST_RST = 0x4;
    static final int HIST_FIN_RST = 0x8;
    static final int HIST_DATA = 0x10;
    static final int HIST_ACK = 0x20;
    static final int HIST_MULTI_FLAG = 0x40;

    final FlowTracker tracker;
    final FlowKey key;
    final int proto;
    byte[] origAddr;
    byte[] respAddr;
    int origPort;
    int respPort;
    final long start;
    long last;
    final String uid;
    final long firstRecord;
    final long firstOffset;
    final int vlan;
    final int ipVersion;
    String communityId;
    List<String> tunnelParents;
    boolean removed;
    Connection older;
    Connection newer;
    int timerGeneration;

    long origPkts;
    long respPkts;
    long origIpBytes;
    long respIpBytes;
    long origPayload = -1;
    long respPayload = -1;
    int histSeen;
    final StringBuilder history = new StringBuilder(8);

    TcpEndpoint tcpOrig;
    TcpEndpoint tcpResp;
    boolean tcpActive = true;
    boolean tcpPartial;
    int firstPacketSeen;

    List<Analyzer> analyzers;
    List<String> services;
    int dpdOrigBytes;
    int dpdRespBytes;
    StreamReassembler origStream;
    StreamReassembler respStream;
    long missedBytes;
    String expectedService;
    int tcpFlagsSeen;
    int icmpEvents;
    int teredoSeen;

    Connection(FlowTracker tracker, FlowKey key, int proto, int ipVersion, long start, String uid,
            long firstRecord, long firstOffset, int vlan) {
        this.tracker = tracker;
        this.key = key;
        this.proto = proto;
        this.ipVersion = ipVersion;
        this.start = start;
        this.last = start;
        this.uid = uid;
        this.firstRecord = firstRecord;
        this.firstOffset = firstOffset;
        this.vlan = vlan;
        if (proto == IpProtocols.TCP) {
            tcpOrig = new TcpEndpoint(true);
            tcpResp = new TcpEndpoint(false);
            tcpOrig.peer = tcpResp;
            tcpResp.peer = tcpOrig;
        }
    }

    boolean isOrig(byte[] b, int srcOff, int addrLen, int sport) {
        if (sport != origPort || addrLen != origAddr.length) {
            return false;
        }
        for (int i = 0; i < addrLen; i++) {
            if (b[srcOff + i] != origAddr[i]) {
                return false;
            }
        }
        return true;
    }

    /** Zeek's Connection::CheckHistory: records the letter the first time the mask is seen; true if seen before. */
    boolean checkHistory(int mask, char code) {
        if ((histSeen & mask) == 0) {
            histSeen |= mask;
            addHistory(code);
            return false;
        }
        return true;
    }

    void addHistory(char code) {
        if (history.length() < MAX_HISTORY) {
            history.append(code);
        }
    }

    /** Logarithmic letters (T, W, G, C): recorded at the 1st, 10th, 100th, ... occurrence. */
    int scaledHistory(char code, int count, int threshold) {
        if (count == threshold) {
            addHistory(code);
            long next = (long) threshold * 10;
            return next > Integer.MAX_VALUE ? threshold : (int) next;
        }
        return threshold;
    }

    void flipRoles() {
        origText = null;
        byte[] a = origAddr;
        origAddr = respAddr;
        respAddr = a;
        int p = origPort;
        origPort = respPort;
        respPort = p;
        long t = origPkts;
        origPkts = respPkts;
        respPkts = t;
        t = origIpBytes;
        origIpBytes = respIpBytes;
        respIpBytes = t;
        t = origPayload;
        origPayload = respPayload;
        respPayload = t;
        if (tcpOrig != null) {
            TcpEndpoint e = tcpOrig;
            tcpOrig = tcpResp;
            tcpResp = e;
            tcpOrig.isOrig = true;
            tcpResp.isOrig = false;
            firstPacketSeen = ((firstPacketSeen & 1) != 0 ? 2 : 0) | ((firstPacketSeen & 2) != 0 ? 1 : 0);
            tcpPartial = false;
        }
        StreamReassembler s = origStream;
        origStream = respStream;
        respStream = s;
        addHistory('^');
    }

    void addTunnelParent(String uid) {
        if (tunnelParents == null) {
            tunnelParents = List.of(uid);
        } else if (!tunnelParents.contains(uid) && tunnelParents.size() < MAX_TUNNEL_PARENTS) {
            List<String> l = new ArrayList<>(tunnelParents);
            l.add(uid);
            tunnelParents = List.copyOf(l);
        }
    }

    String communityId() {
        if (communityId == null) {
            int sp = origPort;
            int dp = respPort;
            communityId = CommunityId.compute(0, origAddr, respAddr, proto, sp, dp);
        }
        return communityId;
    }

    private String origText;
    private String respText;

    void stampIdentity(NetworkEvent e) {
        if (origText == null) {
            origText = IpAddresses.format(origAddr);
            respText = IpAddresses.format(respAddr);
        }
        e.setEventProvider("pcap");
        e.setLogFilePath(tracker.inputName);
        e.setSourceIp(origText);
        e.setSourcePort((long) origPort);
        e.setDestinationIp(respText);
        e.setDestinationPort((long) respPort);
        e.setNetworkTransport(IpProtocols.name(proto));
        e.setNetworkType(ipVersion == 4 ? "ipv4" : "ipv6");
        e.setNetworkCommunityId(communityId());
        e.setConnectionUid(uid);
        if (vlan >= 0) {
            e.setNetworkVlanId((long) vlan);
        }
    }

    // ---- Session (what dissectors see)

    @Override
    public void emit(NetworkEvent event) {
        stampIdentity(event);
        if (event.getLogRecord() == null) {
            stampLocation(event);
        }
        tracker.emit(event);
    }

    @Override
    public void stampLocation(NetworkEvent event) {
        event.setTs(tracker.now, tracker.tsDigits);
        event.setLogRecord(tracker.packetNumber);
        event.setLogOffset(tracker.packetOffset);
    }

    @Override
    public boolean partial() {
        return tcpPartial;
    }

    @Override
    public long now() {
        return tracker.now;
    }

    @Override
    public void confirm(String service) {
        if (services == null) {
            services = new ArrayList<>(2);
        }
        if (!services.contains(service) && services.size() < MAX_SERVICES) {
            services.add(service);
        }
    }

    @Override
    public void malformed(String reason, String detail) {
        tracker.malformed(reason, detail);
    }

    @Override
    public boolean reserve(int bytes) {
        return tracker.reserveDissectorMemory(bytes);
    }

    @Override
    public void release(int bytes) {
        tracker.releaseDissectorMemory(bytes);
    }

    @Override
    public void expect(byte[] address, int port, String service) {
        tracker.expect(address, port, service);
    }

    String service() {
        if (services == null || services.isEmpty()) {
            return null;
        }
        return String.join(",", services);
    }

    boolean analyzing() {
        return analyzers != null && !analyzers.isEmpty();
    }

    /** Delivers in-order TCP bytes of one direction to every live dissector. */
    final class Direction implements StreamSink {
        final boolean fromOrig;

        Direction(boolean fromOrig) {
            this.fromOrig = fromOrig;
        }

        @Override
        public void data(byte[] b, int off, int len) {
            tracker.dpd.stream(Connection.this, fromOrig, b, off, len);
        }

        @Override
        public void gap(long len) {
            missedBytes += len;
            if (analyzers != null) {
                for (Analyzer a : analyzers) {
                    if (!a.done()) {
                        a.gap(Connection.this, fromOrig, len);
                    }
                }
            }
        }
    }

    Direction origSink;
    Direction respSink;

    Direction sink(boolean fromOrig) {
        if (fromOrig) {
            if (origSink == null) {
                origSink = new Direction(true);
            }
            return origSink;
        }
        if (respSink == null) {
            respSink = new Direction(false);
        }
        return respSink;
    }
}
