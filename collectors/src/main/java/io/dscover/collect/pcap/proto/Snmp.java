package io.dscover.collect.pcap.proto;

import io.dscover.model.event.SnmpEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * SNMP v1/v2c/v3 messages (BER): version, community (v1/v2c), PDU type and the OIDs of the
 * variable bindings (at most {@link #MAX_OIDS}). One {@code snmp} event per PDU.
 */
final class Snmp extends Analyzer {

    static final int MAX_OIDS = 32;

    @Override
    public String name() {
        return "snmp";
    }

    @Override
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
        Der msg = new Der(b);
        int end = off + len;
        if (!msg.read(off, end) || msg.tag != 0x30) {
            bad(s, "not a BER sequence");
            return;
        }
        Der v = new Der(b);
        if (!v.read(msg.start, msg.end) || v.tag != 0x02 || v.end - v.start != 1) {
            bad(s, "no version");
            return;
        }
        int version = b[v.start] & 0xff;
        SnmpEvent e = new SnmpEvent();
        e.setSnmpVersion(version == 0 ? "1" : version == 1 ? "2c" : version == 3 ? "3" : String.valueOf(version));
        if (version == 3) {
            s.confirm("snmp");
            e.setSnmpPduType("encrypted-or-v3");
            s.emit(e);
            return;
        }
        Der c = new Der(b);
        if (!c.read(v.end, msg.end) || c.tag != 0x04) {
            bad(s, "no community");
            return;
        }
        e.setSnmpCommunity(Bytes.latin1(b, c.start, Math.min(c.end - c.start, 256)));
        Der pdu = new Der(b);
        if (!pdu.read(c.end, msg.end) || pdu.tag < 0xa0 || pdu.tag > 0xa8) {
            bad(s, "no PDU");
            return;
        }
        String type = switch (pdu.tag) {
            case 0xa0 -> "get";
            case 0xa1 -> "getnext";
            case 0xa2 -> "response";
            case 0xa3 -> "set";
            case 0xa4 -> "trap";
            case 0xa5 -> "getbulk";
            case 0xa6 -> "inform";
            case 0xa7 -> "trap2";
            default -> "report";
        };
        e.setSnmpPduType(type);
        switch (pdu.tag) {
            case 0xa0, 0xa1 -> e.setSnmpGetRequests(1L);
            case 0xa5 -> e.setSnmpGetBulkRequests(1L);
            case 0xa2 -> e.setSnmpGetResponses(1L);
            case 0xa3 -> e.setSnmpSetRequests(1L);
            default -> {
            }
        }
        List<String> oids = new ArrayList<>();
        Der f = new Der(b);
        int p = pdu.start;
        // v1 traps have a different layout; for the others skip request-id, error-status, error-index
        int skipFields = pdu.tag == 0xa4 ? 5 : 3;
        for (int i = 0; i < skipFields && f.read(p, pdu.end); i++) {
            p = f.end;
        }
        if (f.read(p, pdu.end) && f.tag == 0x30) {
            Der vb = new Der(b);
            int q = f.start;
            while (q < f.end && vb.read(q, f.end) && oids.size() < MAX_OIDS) {
                Der oid = new Der(b);
                if (vb.tag == 0x30 && oid.read(vb.start, vb.end) && oid.tag == 0x06) {
                    oids.add(Certificates.oid(b, oid.start, oid.end));
                }
                q = vb.end;
            }
        }
        if (!oids.isEmpty()) {
            e.setSnmpOids(oids);
        }
        s.confirm("snmp");
        s.emit(e);
    }

    private void bad(Session s, String why) {
        s.malformed("malformed SNMP message", why);
        fail();
    }
}
