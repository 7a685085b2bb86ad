package io.dscover.rules.engine;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.Timestamps;

/** Test events at whole or fractional seconds after 2024-05-01T10:00:00Z, each with its own record number. */
public final class Events {

    public static final long T0 = Timestamps.parse("2024-05-01T10:00:00Z").epochNanos();

    private static long record;

    private Events() {
    }

    public static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    public static FlowEvent flow(double seconds, String src, String dst, long dport, String state) {
        FlowEvent f = new FlowEvent();
        init(f, seconds, src, dst, dport, "tcp");
        f.setSourcePort(40000L);
        f.setFlowState(state);
        return f;
    }

    public static FlowEvent flowBytes(double seconds, String src, String dst, long dport, long bytes) {
        FlowEvent f = flow(seconds, src, dst, dport, "SF");
        f.setSourceBytes(bytes);
        return f;
    }

    public static ConnectionEvent connection(double seconds, String src, String dst, long dport) {
        ConnectionEvent c = new ConnectionEvent();
        init(c, seconds, src, dst, dport, "tcp");
        c.setSourcePort(50000L);
        return c;
    }

    public static DnsEvent dns(double seconds, String src, String name, String type) {
        DnsEvent d = new DnsEvent();
        init(d, seconds, src, "192.0.2.53", 53, "udp");
        d.setSourcePort(53000L);
        d.setDnsQuestionName(name);
        d.setDnsQuestionType(type);
        return d;
    }

    private static void init(NetworkEvent e, double seconds, String src, String dst, long dport, String transport) {
        e.setTs(at(seconds), 6);
        e.setSourceIp(src);
        e.setDestinationIp(dst);
        e.setDestinationPort(dport);
        e.setNetworkTransport(transport);
        e.setLogFilePath("test.events.jsonl");
        e.setLogRecord(++record);
    }
}
