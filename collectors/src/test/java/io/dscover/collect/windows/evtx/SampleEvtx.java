package io.dscover.collect.windows.evtx;

import io.dscover.collect.windows.evtx.EvtxWriter.Attr;
import io.dscover.collect.windows.evtx.EvtxWriter.Elem;
import io.dscover.collect.windows.evtx.EvtxWriter.Node;
import io.dscover.collect.windows.evtx.EvtxWriter.Sub;
import io.dscover.collect.windows.evtx.EvtxWriter.Txt;
import io.dscover.collect.windows.evtx.EvtxWriter.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic Sysmon EID 3 and Security 5156/5158 records as Windows stores them: one template per
 * event kind whose System section is filled by substitutions 0-15 (typed as Windows types them)
 * and whose EventData holds one substitution per {@code <Data Name=...>}.
 */
final class SampleEvtx {

    static final List<String> SYSMON3 = List.of("RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "User",
            "Protocol", "Initiated", "SourceIsIpv6", "SourceIp", "SourceHostname", "SourcePort", "SourcePortName",
            "DestinationIsIpv6", "DestinationIp", "DestinationHostname", "DestinationPort", "DestinationPortName");
    static final List<String> WFP = List.of("ProcessID", "Application", "Direction", "SourceAddress", "SourcePort",
            "DestAddress", "DestPort", "Protocol", "FilterRTID", "LayerName", "LayerRTID", "RemoteUserID", "RemoteMachineID");
    static final List<String> WFP_BIND = List.of("ProcessId", "Application", "SourceAddress", "SourcePort", "Protocol",
            "FilterRTID", "LayerName", "LayerRTID");

    /** 2019-05-14T17:17:26.4406515Z as a FILETIME. */
    static final long FILETIME = 132023278464406515L;

    private SampleEvtx() {
    }

    static Elem template(List<String> dataNames, int[] dataTypes) {
        Elem system = new Elem("System", List.of(), List.of(
                new Elem("Provider", List.of(new Attr("Name", new Sub(0, 0x01, true)), new Attr("Guid", new Sub(1, 0x0f, true))), List.of()),
                new Elem("EventID", List.of(new Attr("Qualifiers", new Sub(2, 0x06, true))), List.of(new Sub(3, 0x06, false))),
                new Elem("Version", new Sub(4, 0x04, true)),
                new Elem("Level", new Sub(5, 0x04, true)),
                new Elem("Task", new Sub(6, 0x06, true)),
                new Elem("Opcode", new Sub(7, 0x04, true)),
                new Elem("Keywords", new Sub(8, 0x15, true)),
                new Elem("TimeCreated", List.of(new Attr("SystemTime", new Sub(9, 0x11, true))), List.of()),
                new Elem("EventRecordID", new Sub(10, 0x0a, true)),
                new Elem("Correlation", List.of(new Attr("ActivityID", new Sub(11, 0x0f, true))), List.of()),
                new Elem("Execution", List.of(new Attr("ProcessID", new Sub(12, 0x08, true)),
                        new Attr("ThreadID", new Sub(13, 0x08, true))), List.of()),
                new Elem("Channel", new Sub(14, 0x01, true)),
                new Elem("Computer", new Sub(15, 0x01, true)),
                new Elem("Security", List.of(new Attr("UserID", new Sub(16, 0x13, true))), List.of())));
        List<Node> data = new ArrayList<>();
        for (int i = 0; i < dataNames.size(); i++) {
            data.add(new Elem("Data", List.of(new Attr("Name", new Txt(dataNames.get(i)))),
                    List.of(new Sub(17 + i, dataTypes[i], true))));
        }
        return new Elem("Event", List.of(new Attr("xmlns", new Txt("http://schemas.microsoft.com/win/2004/08/events/event"))),
                List.of(system, new Elem("EventData", List.of(), data)));
    }

    static final Elem SYSMON3_TEMPLATE = template(SYSMON3, new int[] {0x01, 0x01, 0x0f, 0x08, 0x01, 0x01, 0x01, 0x0d,
        0x0d, 0x01, 0x01, 0x06, 0x01, 0x0d, 0x01, 0x01, 0x06, 0x01});
    static final Elem WFP_TEMPLATE = template(WFP, new int[] {0x0a, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x08, 0x0a,
        0x01, 0x06, 0x13, 0x13});
    static final Elem WFP_BIND_TEMPLATE = template(WFP_BIND, new int[] {0x0a, 0x01, 0x01, 0x01, 0x08, 0x0a, 0x01, 0x06});

    static Value[] system(String provider, Value guid, int eventId, int version, int level, int task, long keywords,
            long filetime, long recordId, long pid, long tid, String channel, String computer, Value user) {
        return new Value[] {Value.string(provider), guid, Value.nul(), Value.u16(eventId), Value.u8(version),
            Value.u8(level), Value.u16(task), Value.u8(0), Value.hex64(keywords), Value.filetime(filetime),
            Value.u64(recordId), Value.nul(), Value.u32(pid), Value.u32(tid), Value.string(channel),
            Value.string(computer), user};
    }

    static Value[] concat(Value[] a, Value... b) {
        Value[] all = new Value[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A Sysmon EID 3: powershell.exe on ALICE connecting to 10.59.4.11:389. */
    static EvtxWriter.Chunk sysmon3(EvtxWriter.Chunk c, long recordId, String initiated, String srcIp, int srcPort,
            String dstIp, int dstPort) {
        Value[] sys = system("Microsoft-Windows-Sysmon", Value.guid(0x5770385F, 0xC22A, 0x43E0, 0xBF4C06F5698FFBD9L), 3, 5,
                4, 3, 0x8000000000000000L, FILETIME + recordId, recordId, 1580, 3960,
                "Microsoft-Windows-Sysmon/Operational", "alice.insecurebank.local", Value.sid(5, 18));
        return c.record(recordId, FILETIME + recordId, SYSMON3_TEMPLATE, concat(sys,
                Value.string(""), Value.string("2019-05-14 17:17:24.597"),
                Value.guid(0xECAD0485, 0xF2EC, 0x5CDA, 0x00000010F1631500L), Value.u32(4092),
                Value.string("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"),
                Value.string("insecurebank\\Administrator"), Value.string("tcp"), Value.bool(initiated.equals("true")),
                Value.bool(false), Value.string(srcIp), Value.string("alice.insecurebank.local"), Value.u16(srcPort),
                Value.string(""), Value.bool(false), Value.string(dstIp), Value.string("DC1"), Value.u16(dstPort),
                Value.string("ldap")));
    }

    /** A Security 5156 or 5157 from svchost.exe. */
    static EvtxWriter.Chunk wfp(EvtxWriter.Chunk c, long recordId, int eventId, String direction, String src, int srcPort,
            String dst, int dstPort, int protocol) {
        Value[] sys = system("Microsoft-Windows-Security-Auditing", Value.guid(0x54849625, 0x5478, 0x4994, 0xA5BA3E3B0328C30DL),
                eventId, 1, 0, 12810, eventId == 5156 ? 0x8020000000000000L : 0x8010000000000000L, FILETIME + recordId,
                recordId, 4, 56, "Security", "PC01.example.corp", Value.nul());
        return c.record(recordId, FILETIME + recordId, WFP_TEMPLATE, concat(sys,
                Value.u64(820), Value.string("\\device\\harddiskvolume1\\windows\\system32\\svchost.exe"),
                Value.string(direction), Value.string(src), Value.string(Integer.toString(srcPort)), Value.string(dst),
                Value.string(Integer.toString(dstPort)), Value.u32(protocol), Value.u64(65865),
                Value.string(direction.equals("%%14592") ? "%%14610" : "%%14611"), Value.u16(48), Value.sid(0, 0),
                Value.sid(0, 0)));
    }

    /** A Security 5158 (bind). */
    static EvtxWriter.Chunk bind(EvtxWriter.Chunk c, long recordId, String address, int port) {
        Value[] sys = system("Microsoft-Windows-Security-Auditing", Value.guid(0x54849625, 0x5478, 0x4994, 0xA5BA3E3B0328C30DL),
                5158, 0, 0, 12810, 0x8020000000000000L, FILETIME + recordId, recordId, 4, 56, "Security",
                "PC01.example.corp", Value.nul());
        return c.record(recordId, FILETIME + recordId, WFP_BIND_TEMPLATE, concat(sys,
                Value.u64(2304), Value.string("\\device\\harddiskvolume1\\windows\\system32\\svchost.exe"),
                Value.string(address), Value.string(Integer.toString(port)), Value.u32(17), Value.u64(0),
                Value.string("%%14608"), Value.u16(36)));
    }

    /** A file with one chunk: three Sysmon EID 3, a 5156 out, a 5156 in, a 5157 and a 5158. */
    static byte[] mixedFile() {
        EvtxWriter.Chunk c = new EvtxWriter.Chunk();
        sysmon3(c, 32008, "true", "10.59.4.20", 49583, "10.59.4.11", 389);
        sysmon3(c, 32009, "true", "10.59.4.20", 49584, "10.59.4.11", 445);
        sysmon3(c, 32010, "false", "10.59.4.30", 51234, "10.59.4.20", 5985);
        wfp(c, 227694, 5156, "%%14593", "fe80::80ac:4126:fa58:1b81", 546, "ff02::1:2", 547, 17);
        wfp(c, 227695, 5156, "%%14592", "10.0.2.17", 49263, "10.0.2.15", 3389, 6);
        wfp(c, 227696, 5157, "%%14592", "10.0.2.99", 50000, "10.0.2.15", 445, 6);
        bind(c, 227697, "0.0.0.0", 5353);
        return EvtxWriter.file(c.build());
    }
}
