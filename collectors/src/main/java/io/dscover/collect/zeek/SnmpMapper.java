package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.SnmpEvent;
import java.util.List;

/** snmp.log: the SNMP requests and responses of one session (Zeek analyses SNMP over UDP only). */
final class SnmpMapper extends LogMapper {

    private int version;
    private int community;
    private int getRequests;
    private int getBulkRequests;
    private int getResponses;
    private int setRequests;

    SnmpMapper() {
        super("snmp");
    }

    @Override
    void bindColumns() {
        version = claim("version");
        community = claim("community");
        getRequests = claim("get_requests");
        getBulkRequests = claim("get_bulk_requests");
        getResponses = claim("get_responses");
        setRequests = claim("set_requests");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "udp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        SnmpEvent e = flowEvidence(new SnmpEvent());
        e.setSnmpVersion(r.symbol(version));
        e.setSnmpCommunity(r.string(community));
        long v;
        if ((v = r.count(getRequests)) != ABSENT) {
            e.setSnmpGetRequests(v);
        }
        if ((v = r.count(getBulkRequests)) != ABSENT) {
            e.setSnmpGetBulkRequests(v);
        }
        if ((v = r.count(getResponses)) != ABSENT) {
            e.setSnmpGetResponses(v);
        }
        if ((v = r.count(setRequests)) != ABSENT) {
            e.setSnmpSetRequests(v);
        }
        extras(r, e);
        out.add(e);
    }
}
