package io.dscover.collect.windows.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.collect.windows.record.WindowsRecordBuilder;
import io.dscover.collect.windows.xml.EventXml;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Microsoft Sentinel / Log Analytics rows: {@code SecurityEvent} (EventData as an XML string),
 * {@code WindowsEvent} (EventData as a JSON string or object; Sysmon and other channels through the
 * Azure Monitor Agent) and the legacy {@code Event} table ({@code Source}, {@code EventLog}, EventData
 * as XML). Event time is {@code TimeGenerated}.
 */
final class SentinelJson implements JsonForm {

    private static final Set<String> TABLES = Set.of("SecurityEvent", "WindowsEvent", "Event");

    private final ObjectMapper mapper;

    SentinelJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "sentinel";
    }

    @Override
    public boolean matches(JsonNode o) {
        if (!o.has("EventID")) {
            return false;
        }
        String type = JsonForm.text(o.get("Type"));
        if (type != null && TABLES.contains(type)) {
            return true;
        }
        return o.has("TimeGenerated") && (o.has("EventData") || o.has("EventSourceName") || o.has("TenantId"));
    }

    @Override
    public WindowsRecord read(JsonNode o) {
        WindowsRecord r = new WindowsRecord();
        JsonNode provider = first(o.get("Provider"), o.get("EventSourceName"), o.get("Source"));
        String table = JsonForm.text(o.get("Type"));
        if (provider == null && "SecurityEvent".equals(table)) {
            r.putSystem(WindowsRecord.PROVIDER_NAME, "Microsoft-Windows-Security-Auditing");
        }
        JsonForm.system(r, WindowsRecord.PROVIDER_NAME, provider);
        JsonForm.system(r, WindowsRecord.EVENT_ID, o.get("EventID"));
        JsonForm.system(r, WindowsRecord.CHANNEL, first(o.get("Channel"), o.get("EventLog")));
        JsonForm.system(r, WindowsRecord.COMPUTER, o.get("Computer"));
        JsonForm.system(r, WindowsRecord.TIME_CREATED, o.get("TimeGenerated"));
        JsonForm.system(r, WindowsRecord.EVENT_RECORD_ID, first(o.get("EventRecordId"), o.get("EventRecordID")));
        JsonForm.system(r, WindowsRecord.TASK, o.get("Task"));
        JsonForm.system(r, WindowsRecord.LEVEL, first(o.get("EventLevel"), o.get("Level")));
        JsonNode data = o.get("EventData");
        if (data != null && data.isTextual()) {
            String text = data.textValue().strip();
            if (text.startsWith("<")) {
                xmlEventData(text, r);
            } else if (text.startsWith("{")) {
                try {
                    jsonEventData(mapper.readTree(text), r);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("EventData is not valid JSON: " + e.getOriginalMessage(), e);
                }
            }
        } else if (data != null && data.isObject()) {
            jsonEventData(data, r);
        }
        return r;
    }

    private static void xmlEventData(String xml, WindowsRecord r) {
        WindowsRecordBuilder b = new WindowsRecordBuilder();
        try {
            EventXml.parse(xml, b);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("EventData is not valid XML: " + firstLine(e.getMessage()), e);
        }
        b.record().eventData().forEach(r::putData);
    }

    private static void jsonEventData(JsonNode data, WindowsRecord r) {
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String t = JsonForm.text(f.getValue());
            if (t != null) {
                r.putData(f.getKey(), t);
            }
        }
    }

    private static JsonNode first(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c != null && !c.isNull() && !c.isMissingNode()) {
                return c;
            }
        }
        return null;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        String[] lines = m.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
