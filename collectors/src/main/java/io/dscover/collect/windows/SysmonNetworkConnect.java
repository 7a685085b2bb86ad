package io.dscover.collect.windows;

import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.Timestamps;
import java.util.Locale;

/**
 * Sysmon Event ID 3 (NetworkConnect) to a connection event. {@code Initiated} gives the direction;
 * for {@code Initiated=true} Source* is the local initiator, for {@code false} Sysmon versions
 * disagree on which side is Source*, so {@link Orientation} puts the originator first. The time is {@code UtcTime}, when Sysmon saw the connection (the record's
 * TimeCreated is later: Sysmon reports network events in batches).
 */
final class SysmonNetworkConnect {

    static final String PROVIDER = "Microsoft-Windows-Sysmon";
    static final int EVENT_ID = 3;

    private SysmonNetworkConnect() {
    }

    static boolean isSysmon(WindowsRecord r) {
        String provider = r.provider();
        if (provider != null) {
            return provider.equalsIgnoreCase(PROVIDER);
        }
        String channel = r.channel();
        return channel != null && channel.toLowerCase(Locale.ROOT).startsWith("microsoft-windows-sysmon");
    }

    static ConnectionEvent map(WindowsRecord r, DevicePathMap devices) throws UnusableRecord {
        EventDataValues d = new EventDataValues(r);
        ConnectionEvent e = new ConnectionEvent();
        e.setEventProvider("sysmon");
        e.setEventDataset("sysmon.network_connect");
        e.setEventCode(Integer.toString(EVENT_ID));
        Timestamps.Parsed t = d.time("UtcTime");
        if (t == null) {
            t = RecordTime.created(r);
        }
        e.setTs(t.epochNanos(), t.precision());
        String sourceIp = d.ip("SourceIp");
        String destinationIp = d.ip("DestinationIp");
        e.setSourceIp(sourceIp);
        e.setDestinationIp(destinationIp);
        e.setSourcePort(d.port("SourcePort"));
        e.setDestinationPort(d.port("DestinationPort"));
        e.setNetworkTransport(d.transport("Protocol"));
        e.setNetworkType(ProcessFields.networkType(sourceIp));
        d.markUsed("SourceIsIpv6");
        d.markUsed("DestinationIsIpv6");
        String initiated = d.text("Initiated");
        if (initiated != null) {
            if (initiated.equalsIgnoreCase("true")) {
                e.setNetworkDirection("outbound");
            } else if (initiated.equalsIgnoreCase("false")) {
                e.setNetworkDirection("inbound");
            } else {
                throw UnusableRecord.invalid("Initiated", initiated);
            }
        }
        e.setSourceHostname(d.text("SourceHostname"));
        e.setDestinationHostname(d.text("DestinationHostname"));
        if ("inbound".equals(e.getNetworkDirection())) {
            Orientation.inbound(e, d.peek("SourcePortName") != null, d.peek("DestinationPortName") != null,
                    "SourceIp", "SourcePort", "DestinationIp", "DestinationPort");
        }
        ProcessFields.executable(e, devices.apply(d.text("Image")));
        e.setProcessPid(d.pid("ProcessId"));
        String guid = d.text("ProcessGuid");
        if (guid != null) {
            e.setProcessEntityId(canonicalGuid(guid));
        }
        ProcessFields.user(e, d.text("User"));
        e.setRuleName(d.text("RuleName"));
        e.setHostName(r.computer());
        e.computeCommunityId();
        d.keepUnusedAsExtras(e);
        return e;
    }

    /**
     * Renderers disagree on GUID case and braces (Windows and NXLog lower-case with braces in
     * EventData, evtx_dump upper-case without): one form, {@code {lower-case}}, so events of one
     * process join across exports.
     */
    static String canonicalGuid(String guid) {
        String g = guid.strip().toLowerCase(Locale.ROOT);
        if (!g.startsWith("{")) {
            g = "{" + g;
        }
        if (!g.endsWith("}")) {
            g = g + "}";
        }
        return g;
    }
}
