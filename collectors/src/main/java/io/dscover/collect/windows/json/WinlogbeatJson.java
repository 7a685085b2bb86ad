package io.dscover.collect.windows.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dscover.collect.windows.record.WindowsRecord;
import java.util.Iterator;
import java.util.Map;

/**
 * Winlogbeat / Elastic Agent documents: the event under {@code winlog} ({@code event_id},
 * {@code provider_name}, {@code channel}, {@code computer_name}, {@code record_id},
 * {@code time_created}, {@code process.pid}, {@code user.identifier}, {@code event_data} with every
 * value a string) beside ECS fields ({@code @timestamp}, {@code event.code}, {@code host.name}).
 * Also Winlogbeat 6's flat layout ({@code event_id}, {@code source_name}, {@code log_name},
 * {@code event_data} at the top) and documents whose keys were flattened ({@code "winlog.event_id"}).
 */
final class WinlogbeatJson implements JsonForm {

    @Override
    public String name() {
        return "winlogbeat";
    }

    @Override
    public boolean matches(JsonNode o) {
        JsonNode w = o.get("winlog");
        if (w != null && w.isObject()) {
            return w.has("event_id") || w.has("event_data") || w.has("provider_name");
        }
        if (o.has("winlog.event_id") || o.has("winlog.provider_name")) {
            return true;
        }
        // Winlogbeat 6.x
        return o.has("event_id") && (o.has("source_name") || o.has("log_name")) && !o.has("EventID");
    }

    @Override
    public WindowsRecord read(JsonNode o) {
        JsonNode doc = o.has("winlog") ? o : unflatten(o);
        JsonNode w = doc.get("winlog");
        boolean legacy = w == null || !w.isObject();
        if (legacy) {
            w = doc;
        }
        WindowsRecord r = new WindowsRecord();
        JsonForm.system(r, WindowsRecord.PROVIDER_NAME, first(w.get("provider_name"), w.get("source_name"),
                doc.path("event").get("provider")));
        JsonForm.system(r, WindowsRecord.PROVIDER_GUID, w.get("provider_guid"));
        JsonForm.system(r, WindowsRecord.EVENT_ID, first(w.get("event_id"), doc.path("event").get("code")));
        JsonForm.system(r, WindowsRecord.VERSION, w.get("version"));
        JsonForm.system(r, WindowsRecord.TASK, w.get("task"));
        JsonForm.system(r, WindowsRecord.TIME_CREATED, first(w.get("time_created"), doc.get("@timestamp")));
        JsonForm.system(r, WindowsRecord.EVENT_RECORD_ID, first(w.get("record_id"), w.get("record_number")));
        JsonForm.system(r, WindowsRecord.ACTIVITY_ID, w.get("activity_id"));
        JsonForm.system(r, WindowsRecord.EXECUTION_PROCESS_ID, first(w.path("process").get("pid"), w.get("process_id")));
        JsonForm.system(r, WindowsRecord.EXECUTION_THREAD_ID, first(w.path("process").path("thread").get("id"),
                w.get("thread_id")));
        JsonForm.system(r, WindowsRecord.CHANNEL, first(w.get("channel"), w.get("log_name")));
        JsonForm.system(r, WindowsRecord.COMPUTER, first(w.get("computer_name"), doc.path("host").get("name")));
        JsonForm.system(r, WindowsRecord.USER_ID, w.path("user").get("identifier"));
        for (String section : new String[] {"event_data", "user_data"}) {
            JsonNode data = w.get(section);
            if (data != null && data.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String t = JsonForm.text(f.getValue());
                    if (t != null) {
                        r.putData(f.getKey(), t);
                    }
                }
            }
        }
        backfillFromEcs(doc, r);
        return r;
    }

    /**
     * Documents exported from Elasticsearch have been through Elastic's ingest pipeline, which moves
     * some EventData values to ECS fields (a 5157 keeps no SourceAddress, only {@code source.ip}).
     * Puts them back under their EventData names where the event lacks them.
     */
    private static void backfillFromEcs(JsonNode doc, WindowsRecord r) {
        String provider = r.provider();
        if ("Microsoft-Windows-Security-Auditing".equalsIgnoreCase(provider)) {
            fill(r, "SourceAddress", doc.path("source").get("ip"));
            fill(r, "SourcePort", doc.path("source").get("port"));
            fill(r, "DestAddress", doc.path("destination").get("ip"));
            fill(r, "DestPort", doc.path("destination").get("port"));
            fill(r, "Protocol", first(doc.path("network").get("iana_number"), doc.path("network").get("transport")));
            fill(r, "Direction", doc.path("network").get("direction"));
            fill(r, "Application", doc.path("process").get("executable"));
            fill(r, "ProcessID", doc.path("process").get("pid"));
        } else if ("Microsoft-Windows-Sysmon".equalsIgnoreCase(provider)) {
            fill(r, "SourceIp", doc.path("source").get("ip"));
            fill(r, "SourcePort", doc.path("source").get("port"));
            fill(r, "SourceHostname", doc.path("source").get("domain"));
            fill(r, "DestinationIp", doc.path("destination").get("ip"));
            fill(r, "DestinationPort", doc.path("destination").get("port"));
            fill(r, "DestinationHostname", doc.path("destination").get("domain"));
            fill(r, "Protocol", doc.path("network").get("transport"));
            fill(r, "Image", doc.path("process").get("executable"));
            fill(r, "ProcessId", doc.path("process").get("pid"));
            fill(r, "ProcessGuid", doc.path("process").get("entity_id"));
            fill(r, "RuleName", doc.path("rule").get("name"));
            String direction = JsonForm.text(doc.path("network").get("direction"));
            if (direction != null && r.data("Initiated") == null) {
                if (direction.equals("egress") || direction.equals("outbound")) {
                    r.putData("Initiated", "true");
                } else if (direction.equals("ingress") || direction.equals("inbound")) {
                    r.putData("Initiated", "false");
                }
            }
            String user = JsonForm.text(doc.path("user").get("name"));
            String domain = JsonForm.text(doc.path("user").get("domain"));
            if (user != null && r.data("User") == null) {
                r.putData("User", domain == null ? user : domain + "\\" + user);
            }
        }
    }

    private static void fill(WindowsRecord r, String name, JsonNode ecs) {
        String v = JsonForm.text(ecs);
        if (v != null && r.data(name) == null) {
            r.putData(name, v);
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

    /** {@code {"winlog.event_data.SourceIp": ...}} to nested objects (only keys that are not already nested). */
    static JsonNode unflatten(JsonNode o) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            String[] parts;
            if (key.startsWith("winlog.event_data.") || key.startsWith("winlog.user_data.")) {
                int second = key.indexOf('.', 7);
                parts = new String[] {"winlog", key.substring(7, second), key.substring(second + 1)};
            } else {
                parts = key.split("\\.");
            }
            ObjectNode at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode next = at.get(parts[i]);
                if (!(next instanceof ObjectNode)) {
                    next = at.putObject(parts[i]);
                }
                at = (ObjectNode) next;
            }
            at.set(parts[parts.length - 1], f.getValue());
        }
        return root;
    }
}
