package io.dscover.collect.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.Input;
import io.dscover.collect.InputProblem;
import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sysmon EID 3 and Security 5156/5157/5158 become connection events, whatever form they were exported in. */
class WindowsCollectorTest {

    @TempDir
    Path tmp;

    private static String ts(ConnectionEvent e) {
        return Timestamps.format(e.getTs(), e.getTsPrecision());
    }

    @Test
    void sysmonNetworkConnectFromWevtutilXml() throws IOException {
        Collected c = Collected.resource("wevtutil-sysmon.xml");
        assertThat(c.ledger().recordsRead()).isEqualTo(3);
        assertThat(c.ledger().skippedByReason()).containsExactly(Map.entry("not a network connection: Sysmon event 1", 1L));
        ConnectionEvent e = c.event(118204);
        assertThat(ts(e)).as("UtcTime, when Sysmon saw the connection").isEqualTo("2024-03-11T09:15:01.112Z");
        assertThat(e.getSourceIp()).isEqualTo("10.20.30.47");
        assertThat(e.getSourcePort()).isEqualTo(51522);
        assertThat(e.getDestinationIp()).isEqualTo("203.0.113.80");
        assertThat(e.getDestinationPort()).isEqualTo(443);
        assertThat(e.getNetworkTransport()).isEqualTo("tcp");
        assertThat(e.getNetworkType()).isEqualTo("ipv4");
        assertThat(e.getNetworkDirection()).isEqualTo("outbound");
        assertThat(e.getProcessExecutable()).isEqualTo("C:\\Users\\jdoe\\AppData\\Local\\Temp\\upd&check.exe");
        assertThat(e.getProcessName()).isEqualTo("upd&check.exe");
        assertThat(e.getProcessPid()).isEqualTo(7340);
        assertThat(e.getProcessEntityId()).isEqualTo("{6b2d41a7-cb30-65ee-5c03-000000002d00}");
        assertThat(e.getUserDomain()).isEqualTo("CORP");
        assertThat(e.getUserName()).isEqualTo("jdoe");
        assertThat(e.getRuleName()).isEqualTo("technique_id=T1071,technique_name=Web Protocols");
        assertThat(e.getHostName()).isEqualTo("WS-ACCT-07.corp.example");
        assertThat(e.getSourceHostname()).isEqualTo("WS-ACCT-07.corp.example");
        assertThat(e.getDestinationHostname()).as("'-' means none").isNull();
        assertThat(e.getEventProvider()).isEqualTo("sysmon");
        assertThat(e.getEventCode()).isEqualTo("3");
        assertThat(e.getEventComponent()).isEqualTo("Network Connection Creation");
        assertThat(e.getLogOffset()).isZero();
        assertThat(e.getNetworkCommunityId()).startsWith("1:");
        assertThat(e.extra()).containsEntry("winlog.event_data.DestinationPortName", "https");
    }

    @Test
    void anInboundRecordWithTheListenerFirstIsTurnedToPutTheOriginatorFirst() throws IOException {
        ConnectionEvent e = Collected.resource("wevtutil-sysmon.xml").event(118209);
        assertThat(e.getNetworkDirection()).isEqualTo("inbound");
        assertThat(e.getSourceIp() + ":" + e.getSourcePort()).isEqualTo("10.20.31.9:53311");
        assertThat(e.getDestinationIp() + ":" + e.getDestinationPort()).isEqualTo("10.20.30.47:445");
        assertThat(e.extra()).containsEntry("winlog.event_data.SourceIp", "10.20.30.47")
                .containsEntry("winlog.event_data.SourcePort", 445L);
        assertThat(e.getProcessExecutable()).isEqualTo("System");
        assertThat(e.getProcessName()).isEqualTo("System");
    }

    @Test
    void filteringPlatformEventsFromAnEventViewerExport() throws IOException {
        Collected c = Collected.resource("eventviewer-security.xml");
        assertThat(c.events()).hasSize(3);
        assertThat(c.ledger().skippedByReason()).containsExactly(Map.entry("not a network connection: Security event 4624", 1L));

        ConnectionEvent allowed = c.event(4410921);
        assertThat(ts(allowed)).isEqualTo("2024-03-11T09:20:11.318277600Z");
        assertThat(allowed.getEventAction()).isEqualTo("allowed");
        assertThat(allowed.getEventProvider()).isEqualTo("winsec");
        assertThat(allowed.getEventDataset()).isEqualTo("winsec.wfp_connection");
        assertThat(allowed.getNetworkDirection()).isEqualTo("outbound");
        assertThat(allowed.getSourceIp() + ":" + allowed.getSourcePort()).isEqualTo("10.20.40.12:50712");
        assertThat(allowed.getDestinationIp() + ":" + allowed.getDestinationPort()).isEqualTo("198.51.100.23:8443");
        assertThat(allowed.getNetworkTransport()).isEqualTo("tcp");
        assertThat(allowed.getProcessPid()).isEqualTo(2212);
        assertThat(allowed.getProcessExecutable()).as("no drive mapping known: the NT path as logged")
                .isEqualTo("\\device\\harddiskvolume4\\program files\\backup agent\\agent.exe");
        assertThat(allowed.getProcessName()).isEqualTo("agent.exe");
        assertThat(allowed.extra()).containsEntry("winlog.event_data.LayerNameDescription", "Connect")
                .containsEntry("winlog.event_data.FilterRTID", "69871");

        ConnectionEvent blocked = c.event(4410925);
        assertThat(blocked.getEventAction()).isEqualTo("blocked");
        assertThat(blocked.getNetworkDirection()).isEqualTo("inbound");
        assertThat(blocked.getSourceIp() + ":" + blocked.getSourcePort()).isEqualTo("10.20.99.201:55190");
        assertThat(blocked.getDestinationIp() + ":" + blocked.getDestinationPort()).isEqualTo("10.20.40.12:445");
        assertThat(blocked.getRuleName()).isEqualTo("Block SMB from guest VLAN");

        ConnectionEvent bind = c.event(4410927);
        assertThat(bind.getEventDataset()).isEqualTo("winsec.wfp_bind");
        assertThat(bind.getEventAction()).isEqualTo("allowed");
        assertThat(bind.getSourceIp() + " " + bind.getSourcePort()).isEqualTo(":: 50713");
        assertThat(bind.getDestinationIp()).isNull();
        assertThat(bind.getNetworkTransport()).isEqualTo("udp");
        assertThat(bind.getProcessPid()).isEqualTo(2212);
        assertThat(bind.getNetworkCommunityId()).isNull();
    }

    @Test
    void aDeviceMapGivesDriveLetters() throws IOException {
        Collected c = Collected.resource("eventviewer-security.xml",
                Map.of(WindowsCollector.OPTION_DEVICE_MAP, "\\Device\\HarddiskVolume4=D:;\\Device\\HarddiskVolume2=C:"));
        ConnectionEvent e = c.event(4410921);
        assertThat(e.getProcessExecutable()).isEqualTo("D:\\program files\\backup agent\\agent.exe");
        assertThat(e.extra()).containsEntry("winlog.event_data.Application",
                "\\device\\harddiskvolume4\\program files\\backup agent\\agent.exe");
    }

    @Test
    void brokenEventsAreRejectedWithTheirLineAndTheRestIsRead() throws IOException {
        Collected c = Collected.resource("broken-events.xml");
        assertThat(c.ledger().recordsRead()).isEqualTo(5);
        assertThat(c.events()).extracting(ConnectionEvent::getLogRecord).containsExactly(1L, 5L);
        assertThat(c.ledger().examples()).extracting(InputProblem::render).containsExactly(
                "broken-events.xml:line 4: invalid field: DestinationIp: 'not-an-address'",
                "broken-events.xml:line 3: malformed event XML: Unexpected close tag </Data>; expected </EventData>.",
                "broken-events.xml:line 5: truncated event XML: the <Event> has no end tag before the next event or the end of the input");
        ConnectionEvent v6 = c.event(5);
        assertThat(v6.getSourceIp()).as("zone id dropped").isEqualTo("fe80::1");
        assertThat(v6.getDestinationIp()).isEqualTo("fe80::2");
        assertThat(v6.getNetworkType()).isEqualTo("ipv6");
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String payload = "<?xml version=\"1.0\"?>\n<!DOCTYPE Event [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                + "<Provider Name=\"Microsoft-Windows-Sysmon\"/><EventID>3</EventID><Computer>&xxe;</Computer>"
                + "<TimeCreated SystemTime=\"2024-03-11T10:00:00Z\"/></System><EventData><Data Name=\"Image\">&xxe;</Data>"
                + "<Data Name=\"Protocol\">tcp</Data><Data Name=\"SourceIp\">10.0.0.1</Data><Data Name=\"SourcePort\">1</Data>"
                + "<Data Name=\"DestinationIp\">10.0.0.2</Data><Data Name=\"DestinationPort\">2</Data></EventData></Event>\n";
        Path xml = tmp.resolve("xxe.xml");
        Files.writeString(xml, payload);
        Collected c = Collected.of(xml);
        assertThat(c.events()).isEmpty();
        assertThat(c.ledger().rejectedByReason()).containsOnlyKeys("malformed event XML");
        assertThat(c.ledger().examples().get(0).detail()).contains("xxe");
        assertThat(c.json()).noneMatch(j -> j.contains("TOP-SECRET"));
        assertThat(c.ledger().examples()).noneMatch(p -> p.detail().contains("TOP-SECRET"));
    }

    @Test
    void entityExpansionIsNotPossible() throws IOException {
        StringBuilder bomb = new StringBuilder("<!DOCTYPE Event [<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append("<!ENTITY ").append(c).append(" \"");
            bomb.append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><Event><System><EventID>3</EventID><Computer>&j;</Computer></System></Event>");
        Path xml = tmp.resolve("bomb.xml");
        Files.writeString(xml, bomb);
        Collected c = Collected.of(xml);
        assertThat(c.events()).isEmpty();
        assertThat(c.ledger().rejected()).isEqualTo(1);
    }

    @Test
    void utf16ExportsReadLikeUtf8() throws IOException {
        Path utf8 = Collected.resourcePath("wevtutil-sysmon.xml");
        Path utf16 = tmp.resolve("powershell-export.xml");
        byte[] text = Files.readString(utf8).getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(utf16, withBom);
        List<String> a = Collected.of(utf8).events().stream().map(WindowsCollectorTest::withoutProvenance).toList();
        List<String> b = Collected.of(utf16).events().stream().map(WindowsCollectorTest::withoutProvenance).toList();
        assertThat(b).hasSize(2).isEqualTo(a);
    }

    @Test
    void winlogbeatDocumentsIncludingOnesElasticsPipelineRewrote() throws IOException {
        Collected c = Collected.resource("winlogbeat.ndjson");
        assertThat(c.ledger().recordsRead()).isEqualTo(4);
        assertThat(c.events()).hasSize(3);
        ConnectionEvent ecsOnly = c.event(118230);
        assertThat(ecsOnly.getSourceIp() + ":" + ecsOnly.getSourcePort() + " -> " + ecsOnly.getDestinationIp() + ":"
                + ecsOnly.getDestinationPort()).isEqualTo("10.20.30.47:51600 -> 10.20.40.12:3389");
        assertThat(ecsOnly.getNetworkDirection()).isEqualTo("outbound");
        assertThat(ecsOnly.getUserName()).isEqualTo("jdoe");
        assertThat(ecsOnly.getProcessExecutable()).isEqualTo("C:\\Windows\\System32\\mstsc.exe");
        assertThat(ts(ecsOnly)).isEqualTo("2024-03-11T09:21:00.250Z");
    }

    @Test
    void nxlogJsonWithItsZoneLessLocalTimes() throws IOException {
        Collected c = Collected.resource("nxlog.json");
        assertThat(c.ledger().rejectedByReason()).containsOnlyKeys("truncated JSON", "not JSON");
        assertThat(c.ledger().examples()).extracting(InputProblem::location).containsExactly("line 6", "line 5");
        assertThat(c.ledger().skippedByReason()).containsKey("not a network connection: Security event 4624");
        ConnectionEvent wfp = c.event(4410921);
        assertThat(ts(wfp)).as("local 05:20:11, collector 4 h behind UTC by @timestamp").isEqualTo("2024-03-11T09:20:11Z");
        assertThat(wfp.getProcessPid()).as("NXLog's ProcessId for the event's ProcessID").isEqualTo(2212);
        ConnectionEvent unc = c.event(4410928);
        assertThat(unc.getProcessPid()).isEqualTo(0x8a4);
        assertThat(unc.getProcessExecutable()).isEqualTo("\\\\fs01\\tools\\sync.exe");
        assertThat(unc.getNetworkDirection()).isEqualTo("outbound");

        Collected utc = Collected.resource("nxlog.json", Map.of(WindowsCollector.OPTION_TIMEZONE, "UTC"));
        assertThat(ts(utc.event(4410921))).isEqualTo("2024-03-11T05:20:11Z");
    }

    @Test
    void evtxDumpJsonWithRecordSeparators() throws IOException {
        Collected c = Collected.resource("evtx_dump.json");
        assertThat(c.events()).hasSize(2);
        assertThat(c.ledger().rejected()).isZero();
        assertThat(c.event(4410921).getEventCode()).isEqualTo("5156");
        assertThat(c.event(118209).getProcessEntityId()).isEqualTo("{6b2d41a7-0a11-65ee-0b00-000000002d00}");
    }

    @Test
    void sentinelRowsAndAnXxeInsideTheirEventDataString() throws IOException {
        Collected c = Collected.resource("sentinel.json");
        assertThat(c.events()).hasSize(2);
        assertThat(c.ledger().rejectedByReason()).containsOnlyKeys("unusable sentinel event");
        assertThat(c.json()).noneMatch(j -> j.contains(hostname()));
        assertThat(ts(c.events().get(1))).isEqualTo("2024-03-11T09:15:01.1120000Z");
    }

    /** One event exported five ways is one event: same tuple, process, time (to the millisecond), host. */
    @Test
    void everyFormOfTheSameEventAgrees() throws IOException {
        String xml = key(Collected.resource("eventviewer-security.xml").event(4410921));
        assertThat(key(Collected.resource("winlogbeat.ndjson").event(4410921))).isEqualTo(xml);
        assertThat(key(Collected.resource("evtx_dump.json").event(4410921))).isEqualTo(xml);
        assertThat(key(Collected.resource("sentinel.json").events().get(0))).isEqualTo(xml);
        String sysmon = key(Collected.resource("wevtutil-sysmon.xml").event(118204));
        assertThat(key(Collected.resource("winlogbeat.ndjson").event(118204))).isEqualTo(sysmon);
        assertThat(key(Collected.resource("nxlog.json").event(118204))).isEqualTo(sysmon);
        assertThat(key(Collected.resource("sentinel.json").events().get(1))).isEqualTo(sysmon);
        assertThat(key(Collected.resource("evtx_dump.json").event(118209)))
                .isEqualTo(key(Collected.resource("wevtutil-sysmon.xml").event(118209)));
    }

    @Test
    void nativeEvtxThroughTheCollector() throws IOException {
        Path evtx = tmp.resolve("Security.evtx");
        Files.write(evtx, io.dscover.collect.windows.evtx.SampleEvtxAccess.mixedFile());
        Collected c = Collected.of(evtx);
        assertThat(c.events()).hasSize(7);
        assertThat(c.events()).extracting(ConnectionEvent::getEventCode)
                .containsExactly("3", "3", "3", "5156", "5156", "5157", "5158");
        ConnectionEvent first = c.events().get(0);
        assertThat(first.getLogOffset()).isEqualTo(4096 + 512);
        assertThat(ts(first)).isEqualTo("2019-05-14T17:17:24.597Z");
        assertThat(first.getProcessEntityId()).isEqualTo("{ecad0485-f2ec-5cda-0000-0010f1631500}");
        ConnectionEvent v6 = c.event(227694);
        assertThat(v6.getSourceIp()).isEqualTo("fe80::80ac:4126:fa58:1b81");
        assertThat(v6.getNetworkTransport()).isEqualTo("udp");
        assertThat(ts(v6)).isEqualTo("2019-05-14T17:17:26.4634209Z");
    }

    @Test
    void detectionByContentAndNotClaimingDscoversOwnEvents() throws IOException {
        CollectorRegistry registry = BuiltInCollectors.registry();
        for (String name : List.of("wevtutil-sysmon.xml", "eventviewer-security.xml", "winlogbeat.ndjson", "nxlog.json",
                "evtx_dump.json", "sentinel.json")) {
            assertThat(registry.detect(CollectorRegistry.sample(Input.of(Collected.resourcePath(name)))))
                    .as(name).map(x -> x.name()).contains("windows");
        }
        Path own = tmp.resolve("out.jsonl");
        Files.write(own, Collected.resource("eventviewer-security.xml").json());
        assertThat(registry.detect(CollectorRegistry.sample(Input.of(own)))).map(x -> x.name()).contains("jsonl");
        assertThat(new WindowsCollector().probe(new io.dscover.collect.InputSample("x.txt",
                "just some text\n".getBytes(StandardCharsets.UTF_8)))).isZero();
    }

    @Test
    void badOptionsAreNamed() {
        Path xml = Collected.resourcePath("wevtutil-sysmon.xml");
        assertThatThrownBy(() -> Collected.of(xml, Map.of(WindowsCollector.OPTION_DEVICE_MAP, "C:=D:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windows.device-map: 'C:=D:'");
        assertThatThrownBy(() -> Collected.of(xml, Map.of(WindowsCollector.OPTION_TIMEZONE, "Mars/Olympus")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windows.timezone");
        assertThatThrownBy(() -> Collected.of(xml, Map.of(WindowsCollector.OPTION_EVTX_CHECKSUMS, "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'read' or 'skip'");
    }

    private static String key(ConnectionEvent e) {
        return Timestamps.format(e.getTs(), 3) + " " + e.getSourceIp() + ":" + e.getSourcePort() + " -> "
                + e.getDestinationIp() + ":" + e.getDestinationPort() + "/" + e.getNetworkTransport() + " "
                + e.getNetworkDirection() + " " + e.getEventAction() + " pid " + e.getProcessPid() + " "
                + e.getProcessExecutable() + " " + e.getProcessEntityId() + " " + e.getUserDomain() + "\\" + e.getUserName()
                + " @" + e.getHostName();
    }

    private static String withoutProvenance(ConnectionEvent e) {
        e.setLogOffset((Long) null);
        e.setLogFilePath(null);
        return EventJson.toJson(e);
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            return "no-such-hostname-file";
        }
    }
}
