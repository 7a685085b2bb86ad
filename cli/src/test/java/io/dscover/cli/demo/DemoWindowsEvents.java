package io.dscover.cli.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The demo's Windows events from WS-042 (the same host as in the capture), as an Event Viewer XML
 * export: Sysmon EID 3 network connections and Security 5156 (allowed) / 5157 (blocked) records.
 * Planted: PowerShell calling the C2 address, and signed binaries that should not talk to the
 * internet doing so — mshta (T1218.005), regsvr32 (T1218.010), rundll32 (T1218.011), msiexec
 * (T1218.007), bitsadmin (T1197); plus a blocked outbound SMB attempt.
 */
final class DemoWindowsEvents {

    private static final DateTimeFormatter SYSMON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final StringBuilder xml = new StringBuilder();
    private long recordId = 48_211;

    static byte[] generate() {
        DemoWindowsEvents w = new DemoWindowsEvents();
        w.xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n");
        long base = DemoCapture.START_MICROS / 1000;
        w.sysmon(base + 59_000, 6_412, "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "ACME\\jdoe",
                "10.20.1.42", 49_690, "198.51.100.10", 443);
        w.sysmon(base + 61_500, 7_804, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "ACME\\jdoe",
                "10.20.1.42", 49_720, DemoCapture.C2, 443);
        w.sysmon(base + 250_100, 7_804, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "ACME\\jdoe",
                "10.20.1.42", 49_733, "198.51.100.23", 80);
        w.sysmon(base + 410_000, 8_120, "C:\\Windows\\System32\\mshta.exe", "ACME\\jdoe", "10.20.1.42", 49_801,
                "198.51.100.44", 443);
        w.sysmon(base + 415_000, 8_244, "C:\\Windows\\System32\\regsvr32.exe", "ACME\\jdoe", "10.20.1.42", 49_805,
                "198.51.100.45", 443);
        w.sysmon(base + 420_000, 8_302, "C:\\Windows\\System32\\rundll32.exe", "ACME\\jdoe", "10.20.1.42", 49_809,
                "198.51.100.46", 8080);
        w.sysmon(base + 425_000, 8_377, "C:\\Windows\\System32\\msiexec.exe", "ACME\\jdoe", "10.20.1.42", 49_812,
                "198.51.100.47", 80);
        w.sysmon(base + 430_000, 8_401, "C:\\Windows\\System32\\bitsadmin.exe", "ACME\\jdoe", "10.20.1.42", 49_815,
                "198.51.100.48", 443);
        w.security(5156, base + 800_000, 4, "System", "10.20.1.42", 49_900, "10.20.1.31", 445, "%%14593");
        w.security(5157, base + 805_000, 7_804,
                "\\device\\harddiskvolume3\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe",
                "10.20.1.42", 49_904, "10.20.1.32", 445, "%%14593");
        w.security(5156, base + 850_000, 1_320, "\\device\\harddiskvolume3\\windows\\system32\\mstsc.exe", "10.20.1.42",
                49_910, "10.20.1.10", 3389, "%%14593");
        w.xml.append("</Events>\n");
        return w.xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void sysmon(long millis, int pid, String image, String user, String src, int sport, String dst,
            int dport) {
        Instant t = Instant.ofEpochMilli(millis);
        xml.append("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>")
                .append("<Provider Name=\"Microsoft-Windows-Sysmon\" Guid=\"{5770385f-c22a-43e0-bf4c-06f5698ffbd9}\"/>")
                .append("<EventID>3</EventID><Version>5</Version><Level>4</Level><Task>3</Task><Opcode>0</Opcode>")
                .append("<Keywords>0x8000000000000000</Keywords>")
                .append("<TimeCreated SystemTime=\"").append(t.plusMillis(1500)).append("\"/>")
                .append("<EventRecordID>").append(recordId++).append("</EventRecordID><Correlation/>")
                .append("<Execution ProcessID=\"3088\" ThreadID=\"4304\"/>")
                .append("<Channel>Microsoft-Windows-Sysmon/Operational</Channel>")
                .append("<Computer>WS-042.acme.example</Computer><Security UserID=\"S-1-5-18\"/></System><EventData>")
                .append(data("RuleName", "-"))
                .append(data("UtcTime", SYSMON_TIME.format(t)))
                .append(data("ProcessGuid", String.format("{7d1c2a3b-6a0e-6908-%04x-000000003c00}", pid)))
                .append(data("ProcessId", Integer.toString(pid)))
                .append(data("Image", image))
                .append(data("User", user))
                .append(data("Protocol", "tcp"))
                .append(data("Initiated", "true"))
                .append(data("SourceIsIpv6", "false"))
                .append(data("SourceIp", src))
                .append(data("SourceHostname", "WS-042.acme.example"))
                .append(data("SourcePort", Integer.toString(sport)))
                .append(data("SourcePortName", "-"))
                .append(data("DestinationIsIpv6", "false"))
                .append(data("DestinationIp", dst))
                .append(data("DestinationHostname", "-"))
                .append(data("DestinationPort", Integer.toString(dport)))
                .append(data("DestinationPortName", dport == 443 ? "https" : dport == 80 ? "http" : "-"))
                .append("</EventData></Event>\n");
    }

    private void security(int eventId, long millis, int pid, String application, String src, int sport, String dst,
            int dport, String direction) {
        Instant t = Instant.ofEpochMilli(millis);
        xml.append("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>")
                .append("<Provider Name=\"Microsoft-Windows-Security-Auditing\" ")
                .append("Guid=\"{54849625-5478-4994-A5BA-3E3B0328C30D}\"/>")
                .append("<EventID>").append(eventId).append("</EventID><Version>1</Version><Level>0</Level>")
                .append("<Task>12810</Task><Opcode>0</Opcode><Keywords>")
                .append(eventId == 5156 ? "0x8020000000000000" : "0x8010000000000000").append("</Keywords>")
                .append("<TimeCreated SystemTime=\"").append(t).append("\"/>")
                .append("<EventRecordID>").append(recordId++).append("</EventRecordID><Correlation/>")
                .append("<Execution ProcessID=\"4\" ThreadID=\"3712\"/><Channel>Security</Channel>")
                .append("<Computer>WS-042.acme.example</Computer><Security/></System><EventData>")
                .append(data("ProcessID", Integer.toString(pid)))
                .append(data("Application", application))
                .append(data("Direction", direction))
                .append(data("SourceAddress", src))
                .append(data("SourcePort", Integer.toString(sport)))
                .append(data("DestAddress", dst))
                .append(data("DestPort", Integer.toString(dport)))
                .append(data("Protocol", "6"))
                .append(data("FilterRTID", "70201"))
                .append(data("LayerName", "%%14611"))
                .append(data("LayerRTID", "48"))
                .append(data("RemoteUserID", "S-1-0-0"))
                .append(data("RemoteMachineID", "S-1-0-0"))
                .append("</EventData></Event>\n");
    }

    private static String data(String name, String value) {
        return "<Data Name=\"" + name + "\">" + value.replace("&", "&amp;").replace("<", "&lt;") + "</Data>";
    }
}
