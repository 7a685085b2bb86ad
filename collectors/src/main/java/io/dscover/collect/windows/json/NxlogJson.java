package io.dscover.collect.windows.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.Timestamps;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * NXLog {@code im_msvistalog} events written as JSON (the OTRF / Mordor datasets): System fields
 * renamed ({@code SourceName}, {@code Hostname}, {@code RecordNumber}, {@code ExecutionProcessID},
 * {@code Keywords} as a signed decimal) and every EventData value merged into the same flat object
 * as a string. Keys that are NXLog's or Logstash's own are not EventData.
 *
 * <p>Time: {@code EventTime} is the collector host's local time without a zone. Its offset is taken
 * from {@code windows.timezone} when set, else inferred from the same record's
 * {@code EventReceivedTime} (local) and Logstash's {@code @timestamp} (UTC) rounded to 15 minutes,
 * else UTC is assumed.
 */
final class NxlogJson implements JsonForm {

    /** Keys NXLog and Logstash add; everything else in the object is the event's EventData. */
    private static final Set<String> NOT_EVENT_DATA = Set.of("EventID", "SourceName", "ProviderGuid", "Channel",
            "Hostname", "RecordNumber", "Version", "Task", "OpcodeValue", "Opcode", "Keywords", "EventType", "Severity",
            "SeverityValue", "Category", "Message", "ExecutionProcessID", "ThreadID", "EventTime", "EventReceivedTime",
            "SourceModuleName", "SourceModuleType", "UserID", "AccountName", "AccountType", "Domain", "ActivityID",
            "RelatedActivityID", "ERRORLEVEL", "@timestamp", "@version", "host", "port", "tags", "type",
            "beat", "log_name", "EventData");

    private static final long QUARTER_HOUR_NANOS = 15L * 60 * 1_000_000_000L;
    private static final long MAX_OFFSET_NANOS = 14L * 3600 * 1_000_000_000L;

    private final ZoneId localZone;

    /** @param localZone the zone of zone-less local times, or null to infer it per record */
    NxlogJson(ZoneId localZone) {
        this.localZone = localZone;
    }

    @Override
    public String name() {
        return "nxlog";
    }

    @Override
    public boolean matches(JsonNode o) {
        return o.has("EventID") && (o.has("SourceName") || o.has("SourceModuleType") || o.has("EventReceivedTime"))
                && (o.has("Hostname") || o.has("Channel"));
    }

    @Override
    public WindowsRecord read(JsonNode o) {
        WindowsRecord r = new WindowsRecord();
        JsonForm.system(r, WindowsRecord.PROVIDER_NAME, o.get("SourceName"));
        JsonForm.system(r, WindowsRecord.PROVIDER_GUID, o.get("ProviderGuid"));
        JsonForm.system(r, WindowsRecord.EVENT_ID, o.get("EventID"));
        JsonForm.system(r, WindowsRecord.VERSION, o.get("Version"));
        JsonForm.system(r, WindowsRecord.TASK, o.get("Task"));
        JsonForm.system(r, WindowsRecord.OPCODE, o.get("OpcodeValue"));
        String keywords = JsonForm.text(o.get("Keywords"));
        if (keywords != null) {
            r.putSystem(WindowsRecord.KEYWORDS, hexKeywords(keywords));
        }
        JsonForm.system(r, WindowsRecord.EVENT_RECORD_ID, o.get("RecordNumber"));
        JsonForm.system(r, WindowsRecord.EXECUTION_PROCESS_ID, o.get("ExecutionProcessID"));
        JsonForm.system(r, WindowsRecord.EXECUTION_THREAD_ID, o.get("ThreadID"));
        JsonForm.system(r, WindowsRecord.CHANNEL, o.get("Channel"));
        JsonForm.system(r, WindowsRecord.COMPUTER, o.get("Hostname"));
        JsonForm.system(r, WindowsRecord.USER_ID, o.get("UserID"));
        JsonForm.system(r, WindowsRecord.ACTIVITY_ID, o.get("ActivityID"));
        String time = eventTime(o);
        if (time != null) {
            r.putSystem(WindowsRecord.TIME_CREATED, time);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!NOT_EVENT_DATA.contains(f.getKey())) {
                String t = JsonForm.text(f.getValue());
                if (t != null) {
                    r.putData(f.getKey(), t);
                }
            }
        }
        return r;
    }

    /** NXLog writes Keywords as a signed 64-bit decimal; Event XML shows them in hexadecimal. */
    static String hexKeywords(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return t.toLowerCase(java.util.Locale.ROOT);
        }
        try {
            return "0x" + Long.toHexString(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** EventTime in UTC (RFC 3339), or null when the record has none or it is not a time. */
    private String eventTime(JsonNode o) {
        String text = JsonForm.text(o.get("EventTime"));
        if (text == null) {
            return null;
        }
        Timestamps.Parsed asUtc;
        try {
            asUtc = Timestamps.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EventTime: " + e.getMessage(), e);
        }
        if (hasZone(text)) {
            return Timestamps.format(asUtc.epochNanos(), asUtc.precision());
        }
        long offset = offsetNanos(o, asUtc.epochNanos());
        return Timestamps.format(asUtc.epochNanos() - offset, asUtc.precision());
    }

    private long offsetNanos(JsonNode o, long localAsUtc) {
        if (localZone != null) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localAsUtc, 1_000_000_000L), 0, ZoneOffset.UTC);
            return localZone.getRules().getOffset(local).getTotalSeconds() * 1_000_000_000L;
        }
        String received = JsonForm.text(o.get("EventReceivedTime"));
        String stamp = JsonForm.text(o.get("@timestamp"));
        if (received == null || stamp == null || hasZone(received) || !hasZone(stamp)) {
            return 0;
        }
        try {
            long diff = Timestamps.parse(received).epochNanos() - Timestamps.parse(stamp).epochNanos();
            long rounded = Math.round((double) diff / QUARTER_HOUR_NANOS) * QUARTER_HOUR_NANOS;
            return Math.abs(rounded) <= MAX_OFFSET_NANOS ? rounded : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Whether an ISO 8601 date-time names its zone ({@code Z} or {@code +hh:mm} after the time). */
    static boolean hasZone(String text) {
        String t = text.trim();
        if (t.endsWith("Z") || t.endsWith("z")) {
            return true;
        }
        int time = Math.max(t.indexOf('T'), t.indexOf(' '));
        if (time < 0) {
            return false;
        }
        return t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0;
    }
}
