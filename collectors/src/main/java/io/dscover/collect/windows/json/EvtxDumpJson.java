package io.dscover.collect.windows.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.dscover.collect.windows.record.WindowsRecord;
import java.util.Iterator;
import java.util.Map;

/**
 * evtx_dump (omerbenamram/evtx) JSON: {@code {"Event":{"System":{...},"EventData":{...}}}}, XML
 * attributes under {@code "#attributes"} (or, with {@code --separate-json-attributes}, beside the
 * element as {@code "Provider_attributes"}), element text with attributes under {@code "#text"},
 * EventData typed (numbers and booleans as JSON numbers and booleans).
 */
final class EvtxDumpJson implements JsonForm {

    @Override
    public String name() {
        return "evtx_dump";
    }

    @Override
    public boolean matches(JsonNode o) {
        JsonNode e = o.get("Event");
        return e != null && e.isObject() && e.path("System").isObject();
    }

    @Override
    public WindowsRecord read(JsonNode o) {
        JsonNode event = o.get("Event");
        JsonNode sys = event.get("System");
        WindowsRecord r = new WindowsRecord();
        JsonForm.system(r, WindowsRecord.PROVIDER_NAME, attribute(sys, "Provider", "Name"));
        JsonForm.system(r, WindowsRecord.PROVIDER_GUID, attribute(sys, "Provider", "Guid"));
        JsonForm.system(r, WindowsRecord.EVENT_ID, sys.get("EventID"));
        JsonForm.system(r, "EventID.Qualifiers", attribute(sys, "EventID", "Qualifiers"));
        for (String plain : new String[] {"Version", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Channel",
            "Computer"}) {
            JsonForm.system(r, plain, sys.get(plain));
        }
        JsonForm.system(r, WindowsRecord.TIME_CREATED, attribute(sys, "TimeCreated", "SystemTime"));
        JsonForm.system(r, WindowsRecord.ACTIVITY_ID, attribute(sys, "Correlation", "ActivityID"));
        JsonForm.system(r, WindowsRecord.EXECUTION_PROCESS_ID, attribute(sys, "Execution", "ProcessID"));
        JsonForm.system(r, WindowsRecord.EXECUTION_THREAD_ID, attribute(sys, "Execution", "ThreadID"));
        JsonForm.system(r, WindowsRecord.USER_ID, attribute(sys, "Security", "UserID"));
        JsonNode data = event.get("EventData");
        if (data != null && data.isObject()) {
            readEventData(data, r);
        }
        JsonNode user = event.get("UserData");
        if (user != null && user.isObject()) {
            leaves(user, r, 0);
        }
        return r;
    }

    /** {@code System.<element>.#attributes.<name>} or {@code System.<element>_attributes.<name>}. */
    private static JsonNode attribute(JsonNode sys, String element, String name) {
        JsonNode v = sys.path(element).path("#attributes").get(name);
        return v != null ? v : sys.path(element + "_attributes").get(name);
    }

    private static void readEventData(JsonNode data, WindowsRecord r) {
        int unnamed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.equals("#attributes") || key.endsWith("_attributes") || v.isNull()) {
                continue;
            }
            if (key.equals("Data")) {
                // unnamed <Data> elements, or named ones evtx_dump could not turn into keys
                for (JsonNode item : v.isArray() ? v : java.util.List.of(v)) {
                    JsonNode name = item.path("#attributes").get("Name");
                    if (name != null) {
                        r.putData(name.asText(), JsonForm.text(item.get("#text")));
                    } else if (item.isObject() && item.get("#text") != null && item.get("#text").isArray()) {
                        for (JsonNode t : item.get("#text")) {
                            r.putData("param" + (++unnamed), JsonForm.text(t));
                        }
                    } else {
                        r.putData("param" + (++unnamed), JsonForm.text(item));
                    }
                }
                continue;
            }
            r.putData(key, JsonForm.text(v));
        }
    }

    /** UserData: every leaf by its element name. */
    private static void leaves(JsonNode node, WindowsRecord r, int depth) {
        if (depth > 16) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("#attributes") || f.getKey().endsWith("_attributes")) {
                continue;
            }
            JsonNode v = f.getValue();
            if (v.isObject() && !v.has("#text")) {
                leaves(v, r, depth + 1);
            } else if (!v.isNull()) {
                r.putData(f.getKey(), JsonForm.text(v));
            }
        }
    }
}
