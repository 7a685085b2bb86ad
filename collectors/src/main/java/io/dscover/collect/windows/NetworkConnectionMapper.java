package io.dscover.collect.windows;

import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.ConnectionEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides what each Windows record is: a Sysmon network connection, a Filtering Platform
 * connection or bind, or another event, which is skipped and counted by source and ID (the logs
 * people export hold every kind of event; that is not an error).
 */
final class NetworkConnectionMapper {

    /** Distinct skip reasons kept apart before they are pooled, so a hostile input cannot grow the ledger. */
    static final int MAX_SKIP_REASONS = 64;

    private final InputLedger ledger;
    private final DevicePathMap devices;
    private final Set<String> skipReasons = new HashSet<>();

    NetworkConnectionMapper(InputLedger ledger, DevicePathMap devices) {
        this.ledger = ledger;
        this.devices = devices;
    }

    /** The event for a record, or null when the record was skipped or rejected (counted in the ledger). */
    ConnectionEvent map(WindowsRecord r) {
        int id = r.eventId();
        if (id < 0) {
            ledger.reject(r.location(), "missing event ID",
                    r.system(WindowsRecord.EVENT_ID) == null ? "no EventID" : "EventID " + r.system(WindowsRecord.EVENT_ID));
            return null;
        }
        try {
            ConnectionEvent e;
            if (id == SysmonNetworkConnect.EVENT_ID && SysmonNetworkConnect.isSysmon(r)) {
                e = SysmonNetworkConnect.map(r, devices);
            } else if (FilteringPlatformConnection.handles(id) && FilteringPlatformConnection.isSecurityAuditing(r)) {
                e = FilteringPlatformConnection.map(r, id, devices);
            } else {
                skip(r, id);
                return null;
            }
            long recordId = r.recordId();
            e.setLogRecord(recordId >= 0 ? recordId : ledger.recordsRead());
            if (r.offset() >= 0) {
                e.setLogOffset(r.offset());
            }
            e.setLogFilePath(ledger.input());
            return e;
        } catch (UnusableRecord u) {
            ledger.reject(r.location(), u.reason(), u.getMessage());
            return null;
        }
    }

    private void skip(WindowsRecord r, int id) {
        String source = SysmonNetworkConnect.isSysmon(r) ? "Sysmon"
                : FilteringPlatformConnection.isSecurityAuditing(r) ? "Security"
                : r.provider() != null ? r.provider() : r.channel() != null ? r.channel() : "unknown source";
        if (source.length() > 60) {
            source = source.substring(0, 60);
        }
        String reason = "not a network connection: " + source + " event " + id;
        if (!skipReasons.contains(reason)) {
            if (skipReasons.size() >= MAX_SKIP_REASONS) {
                reason = "not a network connection: other events";
            } else {
                skipReasons.add(reason);
            }
        }
        ledger.skip(reason);
    }
}
