package io.dscover.collect.windows;

import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.Timestamps;

/**
 * Security audit events of the Windows Filtering Platform to connection events: 5156 (connection
 * permitted), 5157 (blocked), 5158 (bind to a local port permitted), 5159 (bind blocked).
 *
 * <p>Outbound ({@code %%14593}): Source* is the local initiator. Inbound ({@code %%14592}): most real
 * records (OTRF, Elastic samples) carry the remote initiator in Source*, but not all (Microsoft's
 * documented example has the local listener there), so {@link Orientation} puts the originator
 * first. A bind (5158/5159) has only the local Source*.
 * {@code Application} is an NT device path; {@link DevicePathMap} gives the drive letter when known.
 */
final class FilteringPlatformConnection {

    static final String PROVIDER = "Microsoft-Windows-Security-Auditing";

    private FilteringPlatformConnection() {
    }

    static boolean isSecurityAuditing(WindowsRecord r) {
        String provider = r.provider();
        if (provider != null) {
            return provider.equalsIgnoreCase(PROVIDER);
        }
        return "Security".equalsIgnoreCase(r.channel());
    }

    static boolean handles(int eventId) {
        return eventId >= 5156 && eventId <= 5159;
    }

    static ConnectionEvent map(WindowsRecord r, int eventId, DevicePathMap devices) throws UnusableRecord {
        EventDataValues d = new EventDataValues(r);
        boolean bind = eventId == 5158 || eventId == 5159;
        ConnectionEvent e = new ConnectionEvent();
        e.setEventProvider("winsec");
        e.setEventDataset(bind ? "winsec.wfp_bind" : "winsec.wfp_connection");
        e.setEventCode(Integer.toString(eventId));
        e.setEventAction(eventId == 5156 || eventId == 5158 ? "allowed" : "blocked");
        Timestamps.Parsed t = RecordTime.created(r);
        e.setTs(t.epochNanos(), t.precision());
        String sourceIp = d.ip("SourceAddress");
        e.setSourceIp(sourceIp);
        e.setSourcePort(d.port("SourcePort"));
        e.setNetworkType(ProcessFields.networkType(sourceIp));
        if (!bind) {
            e.setDestinationIp(d.ip("DestAddress"));
            e.setDestinationPort(d.port("DestPort"));
            String direction = d.text("Direction");
            if (direction != null) {
                String normal = direction(direction);
                if (normal == null) {
                    throw UnusableRecord.invalid("Direction", direction);
                }
                e.setNetworkDirection(normal);
                if (normal.equals("inbound")) {
                    Orientation.inbound(e, false, false, "SourceAddress", "SourcePort", "DestAddress", "DestPort");
                }
            }
        }
        e.setNetworkTransport(d.transport("Protocol"));
        String application = d.text("Application");
        String mapped = devices.apply(application);
        ProcessFields.executable(e, mapped);
        if (application != null && !application.equals(mapped)) {
            e.putExtra("winlog.event_data.Application", application);
        }
        e.setProcessPid(d.pid("ProcessID"));
        String origin = d.text("FilterOrigin");
        if (origin != null && !origin.equalsIgnoreCase("Unknown")) {
            e.setRuleName(origin);
        } else if (origin != null) {
            e.putExtra("winlog.event_data.FilterOrigin", origin);
        }
        e.setHostName(r.computer());
        e.computeCommunityId();
        d.keepUnusedAsExtras(e);
        String layer = layerDescription(r.data("LayerName"));
        if (layer != null) {
            e.putExtra("winlog.event_data.LayerNameDescription", layer);
        }
        return e;
    }

    /** {@code %%14592}/{@code Inbound} and {@code %%14593}/{@code Outbound} (message ids of msobjs.dll). */
    static String direction(String v) {
        return switch (v.strip()) {
            case "%%14592" -> "inbound";
            case "%%14593" -> "outbound";
            default -> v.equalsIgnoreCase("inbound") ? "inbound" : v.equalsIgnoreCase("outbound") ? "outbound" : null;
        };
    }

    /** The WFP layer message ids as Event Viewer shows them. */
    static String layerDescription(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.strip()) {
            case "%%14608" -> "Resource Assignment";
            case "%%14609" -> "Listen";
            case "%%14610" -> "Receive/Accept";
            case "%%14611" -> "Connect";
            default -> null;
        };
    }
}
