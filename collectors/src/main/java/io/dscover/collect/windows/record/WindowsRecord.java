package io.dscover.collect.windows.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Windows event, whatever form it was exported in: the {@code <System>} fields under their XML
 * names ({@code EventID}, {@code Computer}, attributes as {@code Provider.Name},
 * {@code TimeCreated.SystemTime}, {@code Execution.ProcessID}, ...) and the {@code <EventData>} (or
 * {@code <UserData>}) values by name, all as the text Event XML would show. Built by one reader, then
 * only read.
 */
public final class WindowsRecord {

    public static final String PROVIDER_NAME = "Provider.Name";
    public static final String PROVIDER_GUID = "Provider.Guid";
    public static final String EVENT_ID = "EventID";
    public static final String VERSION = "Version";
    public static final String LEVEL = "Level";
    public static final String TASK = "Task";
    public static final String OPCODE = "Opcode";
    public static final String KEYWORDS = "Keywords";
    public static final String TIME_CREATED = "TimeCreated.SystemTime";
    public static final String EVENT_RECORD_ID = "EventRecordID";
    public static final String ACTIVITY_ID = "Correlation.ActivityID";
    public static final String EXECUTION_PROCESS_ID = "Execution.ProcessID";
    public static final String EXECUTION_THREAD_ID = "Execution.ThreadID";
    public static final String CHANNEL = "Channel";
    public static final String COMPUTER = "Computer";
    public static final String USER_ID = "Security.UserID";

    /** More EventData values than this in one event are dropped (counted by {@link #droppedFields()}). */
    public static final int MAX_FIELDS = 512;

    // sized for a Sysmon event's ~16 System and ~18 EventData fields without rehashing
    private final Map<String, String> system = new LinkedHashMap<>(32);
    private final Map<String, String> eventData = new LinkedHashMap<>(32);
    private int droppedFields;
    private String location = "";
    private long line = -1;
    private long offset = -1;

    public WindowsRecord putSystem(String key, String value) {
        if (system.size() < MAX_FIELDS || system.containsKey(key)) {
            system.put(key, value);
        } else {
            droppedFields++;
        }
        return this;
    }

    public WindowsRecord putData(String name, String value) {
        if (eventData.size() < MAX_FIELDS || eventData.containsKey(name)) {
            eventData.put(name, value);
        } else {
            droppedFields++;
        }
        return this;
    }

    /** A System field ({@code EventID}, {@code Provider.Name}, ...), or {@code null} when the event has none. */
    public String system(String key) {
        return system.get(key);
    }

    /**
     * An EventData value by name, or {@code null}. Names are matched exactly first and then ignoring
     * case, because exporters disagree ({@code ProcessID} in the event, {@code ProcessId} in NXLog).
     */
    public String data(String name) {
        String v = eventData.get(name);
        if (v != null || eventData.containsKey(name)) {
            return v;
        }
        for (Map.Entry<String, String> e : eventData.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The key an EventData value is stored under for {@code name} (matched as {@link #data} does), or null. */
    public String dataKey(String name) {
        if (eventData.containsKey(name)) {
            return name; // equal to the stored key, which is what callers compare with
        }
        String caseInsensitive = null;
        for (String k : eventData.keySet()) {
            if (k.equals(name)) {
                return k;
            }
            if (caseInsensitive == null && k.equalsIgnoreCase(name)) {
                caseInsensitive = k;
            }
        }
        return caseInsensitive;
    }

    public Map<String, String> systemFields() {
        return Collections.unmodifiableMap(system);
    }

    public Map<String, String> eventData() {
        return Collections.unmodifiableMap(eventData);
    }

    public int droppedFields() {
        return droppedFields;
    }

    public String provider() {
        return system.get(PROVIDER_NAME);
    }

    public String channel() {
        return system.get(CHANNEL);
    }

    public String computer() {
        return system.get(COMPUTER);
    }

    /** The event ID, or -1 when it is missing or not a number. */
    public int eventId() {
        return parseUnsigned(system.get(EVENT_ID), 0xffff);
    }

    /** The EventRecordID, or -1 when it is missing or not a number. */
    public long recordId() {
        return parseUnsigned(system.get(EVENT_RECORD_ID), Long.MAX_VALUE);
    }

    /** Where the record is in its input, for diagnostics: {@code line 17}, {@code offset 4608}. */
    public String location() {
        if (line >= 0) { // built on demand: most records are never reported
            location = "line " + line;
            line = -1;
        }
        return location;
    }

    /** Byte offset of the record in the (decompressed) input, or -1 when not known. */
    public long offset() {
        return offset;
    }

    /** Located at a line of a text export: its location reads {@code line N}. */
    public WindowsRecord atLine(long line, long offset) {
        this.line = line;
        this.offset = offset;
        return this;
    }

    public WindowsRecord at(String location, long offset) {
        this.location = location;
        this.line = -1;
        this.offset = offset;
        return this;
    }

    private static int parseUnsigned(String text, int max) {
        long v = parseUnsigned(text, (long) max);
        return (int) v;
    }

    private static long parseUnsigned(String text, long max) {
        if (text == null) {
            return -1;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 19) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }

    @Override
    public String toString() {
        return "WindowsRecord" + system + eventData;
    }
}
