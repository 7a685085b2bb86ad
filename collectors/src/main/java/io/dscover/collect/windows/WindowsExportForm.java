package io.dscover.collect.windows;

import io.dscover.collect.windows.xml.Utf8Input;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The three families of Windows event exports, told apart by their first bytes, and how sure the
 * collector is that an input is one of them.
 */
enum WindowsExportForm {
    EVTX, EVENT_XML, JSON;

    private static final byte[] ELF_FILE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final byte[] ELF_CHUNK = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    /** The form and the confidence (0-100) for {@code Collector.probe}. */
    record Detected(WindowsExportForm form, int confidence) {
    }

    static Detected detect(byte[] head) {
        if (startsWith(head, ELF_FILE)) {
            return new Detected(EVTX, 100);
        }
        if (startsWith(head, ELF_CHUNK)) {
            return new Detected(EVTX, 90);
        }
        String text = text(head);
        int i = firstNonBlank(text);
        if (i < 0) {
            return new Detected(null, 0);
        }
        char first = text.charAt(i);
        if (first == '<') {
            return new Detected(EVENT_XML, xmlConfidence(text));
        }
        if (first == '{' || first == '[' || text.startsWith("Record ", i)) {
            return new Detected(JSON, jsonConfidence(text));
        }
        return new Detected(null, 0);
    }

    private static int xmlConfidence(String t) {
        boolean event = t.contains("<Event>") || t.contains("<Event ") || t.contains("<Event\n") || t.contains("<Event\r");
        if (!event) {
            return 0;
        }
        if (t.contains("schemas.microsoft.com/win/2004/08/events/event")) {
            return 95;
        }
        return t.contains("<System>") || t.contains("<EventData") ? 80 : 0;
    }

    private static int jsonConfidence(String t) {
        String first = firstLine(t);
        if (first.contains("\"type\"") && first.contains("\"ts\"") && first.contains("\"event.component\"")) {
            return 0; // dscover's own events (which may carry winlog.event_data.* extras): the jsonl collector's
        }
        if (t.contains("\"#attributes\"") && t.contains("\"System\"") && t.contains("\"Event\"")
                || t.contains("\"Provider_attributes\"")) {
            return 95; // evtx_dump
        }
        if (t.contains("\"winlog\"") || t.contains("\"winlog.event_id\"") || t.contains("\"winlog.provider_name\"")) {
            return 90; // Winlogbeat / Elastic Agent
        }
        if (t.contains("\"EventID\"") && (t.contains("\"SourceModuleType\"") || t.contains("\"SourceName\"")
                || t.contains("\"EventReceivedTime\""))) {
            return 90; // NXLog
        }
        if (t.contains("\"EventID\"") && t.contains("\"TimeGenerated\"")) {
            return 90; // Sentinel / Log Analytics
        }
        if (t.contains("\"event_id\"") && (t.contains("\"source_name\"") || t.contains("\"log_name\""))) {
            return 80; // Winlogbeat 6
        }
        return 0;
    }

    /** The head as text: decoded when it is UTF-16, else byte for byte. */
    private static String text(byte[] head) {
        Charset cs = Utf8Input.detect(head);
        if (cs.equals(StandardCharsets.UTF_16LE) || cs.equals(StandardCharsets.UTF_16BE)) {
            return new String(head, 0, head.length & ~1, cs).replace("\uFEFF", "");
        }
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    private static int firstNonBlank(String t) {
        int i = t.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0; // UTF-8 BOM read byte for byte
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\uFEFF') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String firstLine(String t) {
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
