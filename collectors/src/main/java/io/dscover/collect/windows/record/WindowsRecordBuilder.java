package io.dscover.collect.windows.record;

/**
 * Builds a {@link WindowsRecord} from the elements of one {@code <Event>}: each child of
 * {@code <System>} becomes a System field (its attributes {@code Element.Attribute}), each
 * {@code <Data Name="X">} of {@code <EventData>} an EventData value (unnamed ones {@code param1},
 * {@code param2}, ... as Winlogbeat names them), and each leaf under {@code <UserData>} a value by
 * its element name. Also accepts a bare {@code <EventData>} element as the root (Sentinel's
 * {@code SecurityEvent.EventData} column). Namespace prefixes are ignored.
 */
public final class WindowsRecordBuilder implements EventXmlHandler {

    /** Elements nested deeper than this are ignored (Event XML is four levels deep). */
    static final int MAX_DEPTH = 32;

    private static final int NONE = 0;
    private static final int SYSTEM = 1;
    private static final int EVENT_DATA = 2;
    private static final int USER_DATA = 3;

    private WindowsRecord record = new WindowsRecord();
    private final String[] names = new String[MAX_DEPTH];
    private int depth;
    private int section = NONE;
    private int sectionDepth;
    private int unnamedData;
    /** The field the text of the current element goes to, or null when its text is not kept. */
    private String field;
    private boolean fieldIsData;
    private int fieldDepth = -1;
    private final StringBuilder text = new StringBuilder(64);

    /** Starts a new record; the previous one (from {@link #record()}) is no longer touched. */
    public WindowsRecordBuilder reset() {
        record = new WindowsRecord();
        depth = 0;
        section = NONE;
        unnamedData = 0;
        field = null;
        fieldDepth = -1;
        text.setLength(0);
        return this;
    }

    public WindowsRecord record() {
        return record;
    }

    @Override
    public void startElement(String qname) {
        String name = localName(qname);
        depth++;
        if (depth <= MAX_DEPTH) {
            names[depth - 1] = name;
        }
        if (depth > MAX_DEPTH) {
            return;
        }
        if (section == NONE) {
            int s = sectionOf(name);
            if (s != NONE && (depth <= 2)) {
                section = s;
                sectionDepth = depth;
            }
            return;
        }
        int rel = depth - sectionDepth;
        if (section == SYSTEM && rel == 1) {
            beginField(name, false);
        } else if (section == EVENT_DATA && rel == 1) {
            if (name.equals("Data")) {
                beginField(null, true); // named by its Name attribute, or param N when it has none
            } else {
                beginField(name, true);
            }
        } else if (section == USER_DATA && rel >= 2) {
            beginField(name, true); // the innermost element wins: only leaves keep text
        }
    }

    private void beginField(String name, boolean data) {
        field = name;
        fieldIsData = data;
        fieldDepth = depth;
        text.setLength(0);
    }

    @Override
    public void attribute(String qname, String value) {
        if (depth > MAX_DEPTH || section == NONE) {
            return;
        }
        String name = localName(qname);
        int rel = depth - sectionDepth;
        if (section == SYSTEM && rel == 1) {
            record.putSystem(systemKey(names[depth - 1], name), value);
        } else if (section == EVENT_DATA && rel == 1 && field == null && fieldDepth == depth
                && name.equals("Name")) {
            field = value;
        }
    }

    @Override
    public void text(String t) {
        if (fieldDepth == depth && depth <= MAX_DEPTH && (field != null || fieldIsData)) {
            if (text.length() + t.length() <= 1 << 20) {
                text.append(t);
            }
        }
    }

    @Override
    public void endElement() {
        if (depth <= MAX_DEPTH && section != NONE) {
            if (depth == fieldDepth && (field != null || (fieldIsData && section == EVENT_DATA))) {
                String value = text.toString();
                if (!fieldIsData) {
                    record.putSystem(field, value);
                } else {
                    String name = field != null ? field : "param" + (++unnamedData);
                    record.putData(name, value);
                }
                field = null;
                fieldDepth = -1;
                text.setLength(0);
            }
            if (depth == sectionDepth) {
                section = NONE;
            }
        }
        depth--;
    }

    private static final int SYSTEM_KEYS = 16;
    private final String[] keyElements = new String[SYSTEM_KEYS];
    private final String[] keyAttributes = new String[SYSTEM_KEYS];
    private final String[] keys = new String[SYSTEM_KEYS];
    private int keyCount;

    /** {@code Element.Attribute}, the same few in every event: joined once per reader, not per event. */
    private String systemKey(String element, String attribute) {
        for (int i = 0; i < keyCount; i++) {
            if (keyElements[i].equals(element) && keyAttributes[i].equals(attribute)) {
                return keys[i];
            }
        }
        String key = element + "." + attribute;
        if (keyCount < SYSTEM_KEYS) {
            keyElements[keyCount] = element;
            keyAttributes[keyCount] = attribute;
            keys[keyCount++] = key;
        }
        return key;
    }

    private static int sectionOf(String name) {
        return switch (name) {
            case "System" -> SYSTEM;
            case "EventData" -> EVENT_DATA;
            case "UserData" -> USER_DATA;
            default -> NONE;
        };
    }

    static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }
}
