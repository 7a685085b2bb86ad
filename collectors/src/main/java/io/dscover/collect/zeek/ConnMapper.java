package io.dscover.collect.zeek;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;

/**
 * conn.log: each row is a connection Zeek saw open and a summary of it. It yields a
 * {@code connection} event (Network Connection Creation: who opened what, when; conn.log is the
 * textbook record of that component) and a {@code flow} event (Network Traffic Flow: duration,
 * bytes and packets each way, conn_state, history, service, tunnel parents). Both carry the same
 * time, 5-tuple, uid and Community ID; extra columns go on the flow.
 */
final class ConnMapper extends LogMapper {

    private int service;
    private int duration;
    private int origBytes;
    private int respBytes;
    private int connState;
    private int localOrig;
    private int localResp;
    private int missedBytes;
    private int history;
    private int origPkts;
    private int origIpBytes;
    private int respPkts;
    private int respIpBytes;
    private int tunnelParents;
    private int vlan;

    ConnMapper() {
        super("conn");
    }

    @Override
    void bindColumns() {
        service = claim("service");
        duration = claim("duration");
        origBytes = claim("orig_bytes");
        respBytes = claim("resp_bytes");
        connState = claim("conn_state");
        localOrig = claim("local_orig");
        localResp = claim("local_resp");
        missedBytes = claim("missed_bytes");
        history = claim("history");
        origPkts = claim("orig_pkts");
        origIpBytes = claim("orig_ip_bytes");
        respPkts = claim("resp_pkts");
        respIpBytes = claim("resp_ip_bytes");
        tunnelParents = claim("tunnel_parents");
        vlan = claim("vlan"); // policy/protocols/conn/vlan-logging; inner_vlan stays an extra
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        ConnectionEvent c = shared(new ConnectionEvent());
        FlowEvent f = shared(new FlowEvent());

        int lo = r.bool(localOrig);
        int lr = r.bool(localResp);
        String direction = direction(lo, lr);
        if (direction != null) {
            c.setNetworkDirection(direction);
            f.setNetworkDirection(direction);
        }
        if (lo >= 0) {
            f.setFlowLocalOrig(lo == 1);
        }
        if (lr >= 0) {
            f.setFlowLocalResp(lr == 1);
        }
        long v = r.integer(vlan);
        if (v != ABSENT) {
            c.setNetworkVlanId(v);
            f.setNetworkVlanId(v);
        }

        f.setNetworkProtocol(r.symbol(service));
        if ((v = r.interval(duration)) != ABSENT) {
            f.setEventDuration(v);
        }
        long ob = r.count(origBytes);
        long rb = r.count(respBytes);
        if (ob != ABSENT) {
            f.setSourceBytes(ob);
        }
        if (rb != ABSENT) {
            f.setDestinationBytes(rb);
        }
        if (ob != ABSENT && rb != ABSENT) {
            f.setNetworkBytes(ob + rb);
        }
        long op = r.count(origPkts);
        long rp = r.count(respPkts);
        if (op != ABSENT) {
            f.setSourcePackets(op);
        }
        if (rp != ABSENT) {
            f.setDestinationPackets(rp);
        }
        if (op != ABSENT && rp != ABSENT) {
            f.setNetworkPackets(op + rp);
        }
        if ((v = r.count(origIpBytes)) != ABSENT) {
            f.setSourceIpBytes(v);
        }
        if ((v = r.count(respIpBytes)) != ABSENT) {
            f.setDestinationIpBytes(v);
        }
        f.setFlowState(r.symbol(connState));
        f.setFlowHistory(r.symbol(history));
        if ((v = r.count(missedBytes)) != ABSENT) {
            f.setFlowMissedBytes(v);
        }
        List<String> parents = r.strings(tunnelParents);
        if (parents != null) {
            f.setFlowTunnelParents(parents);
        }
        extras(r, f);
        out.add(c);
        out.add(f);
    }

    /**
     * ECS network.direction from Zeek's local_orig/local_resp (membership in Site::local_nets). F/F
     * is left unset rather than called external: it is also what every row says when the sensor was
     * never told its local networks, which is common.
     */
    static String direction(int localOrig, int localResp) {
        if (localOrig == 1) {
            return localResp == 1 ? "internal" : localResp == 0 ? "outbound" : null;
        }
        if (localOrig == 0 && localResp == 1) {
            return "inbound";
        }
        return null;
    }
}
