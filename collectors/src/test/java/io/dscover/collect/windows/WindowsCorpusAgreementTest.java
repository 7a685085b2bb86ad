package io.dscover.collect.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.evtx.EvtxReader;
import io.dscover.collect.windows.json.WindowsJsonReader;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.collect.windows.xml.EventXmlReader;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.Timestamps;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Agreement with other tools on the shared corpus (skipped when {@code ../shared} is absent):
 * the EVTX reader against python-evtx's XML rendering of the same files and against evtx_dump's
 * JSON, record by record and field by field; the events against Elastic's expected pipeline
 * output, field by field; and every sample read without a rejected record.
 */
class WindowsCorpusAgreementTest {

    static final Path CORPUS = Path.of("../shared/corpus/windows");

    private static List<WindowsRecord> records(RecordReader reader) throws IOException {
        List<WindowsRecord> out = new ArrayList<>();
        try (reader) {
            for (WindowsRecord r; (r = reader.next()) != null;) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<WindowsRecord> evtx(Path p, InputLedger ledger) throws IOException {
        return records(new EvtxReader(new BufferedInputStream(Files.newInputStream(p)), ledger, false));
    }

    @Test
    void evtxReaderAgreesWithPythonEvtxRecordByRecord() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        int files = 0;
        int records = 0;
        int fields = 0;
        try (Stream<Path> s = Files.list(CORPUS.resolve("evtx"))) {
            for (Path evtx : s.sorted().toList()) {
                String base = evtx.getFileName().toString().replace(".evtx", "");
                Path xml = CORPUS.resolve("xml").resolve(base + ".xml");
                InputLedger ledger = new InputLedger(base);
                List<WindowsRecord> ours = evtx(evtx, ledger);
                List<WindowsRecord> theirs = records(new EventXmlReader(Files.newInputStream(xml), new InputLedger(base)));
                assertThat(ledger.rejected()).as(base + " rejected").isZero();
                assertThat(ours).as(base + " record count").hasSameSizeAs(theirs);
                for (int i = 0; i < ours.size(); i++) {
                    String where = base + " record " + (i + 1);
                    Map<String, String> a = normalised(ours.get(i).systemFields(), true);
                    Map<String, String> b = normalised(theirs.get(i).systemFields(), true);
                    assertThat(a).as(where + " System").isEqualTo(b);
                    assertSameMicrosecond(where, ours.get(i), theirs.get(i));
                    assertThat(normalised(ours.get(i).eventData(), false)).as(where + " EventData")
                            .isEqualTo(normalised(theirs.get(i).eventData(), false));
                    fields += a.size() + ours.get(i).eventData().size();
                }
                files++;
                records += ours.size();
            }
        }
        System.out.printf("EVTX vs python-evtx XML: %d files, %d of %d records agree, %d fields compared%n",
                files, records, records, fields);
        assertThat(records).isEqualTo(123);
    }

    @Test
    void evtxReaderAgreesWithEvtxDump() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        Path evtx = CORPUS.resolve("evtx/sigma-net_connection_cloud_metadata_access-sysmon3.evtx");
        Path dump = CORPUS.resolve("evtx_dump-json/sigma-net_connection_cloud_metadata_access-sysmon3.json");
        WindowsRecord ours = evtx(evtx, new InputLedger("evtx")).get(0);
        WindowsRecord theirs = records(new WindowsJsonReader(Files.newInputStream(dump), new InputLedger("dump"), null)).get(0);
        Map<String, String> a = normalised(ours.systemFields(), true);
        Map<String, String> b = normalised(theirs.systemFields(), true);
        assertThat(a).isEqualTo(b);
        assertSameMicrosecond("evtx_dump", ours, theirs);
        assertThat(normalised(ours.eventData(), false)).isEqualTo(normalised(theirs.eventData(), false));
        System.out.printf("EVTX vs evtx_dump JSON: 1 of 1 records agree, %d fields compared%n",
                a.size() + ours.eventData().size());
    }

    /**
     * Our 100 ns FILETIME against a renderer's microseconds: evtx_dump rounds to the microsecond;
     * python-evtx converts through a double, whose resolution at today's FILETIMEs (about 1.3e17
     * hundred-nanosecond units, 53-bit mantissa) is 1.6 microseconds, so it can be 3 microseconds off.
     */
    static void assertSameMicrosecond(String where, WindowsRecord ours, WindowsRecord theirs) {
        long a = Timestamps.parse(ours.system(WindowsRecord.TIME_CREATED)).epochNanos();
        long b = Timestamps.parse(theirs.system(WindowsRecord.TIME_CREATED)).epochNanos();
        assertThat(Math.abs(a - b)).as(where + " TimeCreated " + ours.system(WindowsRecord.TIME_CREATED) + " vs "
                + theirs.system(WindowsRecord.TIME_CREATED)).isLessThan(4_000L);
    }

    /**
     * The differences between renderers that are not differences in the event: python-evtx writes
     * {@code True}, lower-case GUIDs, zero-padded hex, empty attributes for NULL values and
     * {@code 2019-02-13 18:01:41.593830} (microseconds, truncated, and evtx_dump rounds); evtx_dump
     * writes GUIDs without braces; line ends inside values are CR LF in EVTX, LF after an XML parser.
     */
    static Map<String, String> normalised(Map<String, String> fields, boolean system) {
        Map<String, String> out = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (v == null || (v.isEmpty() && (k.contains(".") || system))) {
                return; // an attribute whose value was NULL, or an element with attributes only (<Correlation/>)
            }
            String n = v.replace("\r\n", "\n"); // XML parsers turn CR LF into LF (XML 1.0 section 2.11)
            if (n.equalsIgnoreCase("true") || n.equalsIgnoreCase("false")) {
                n = n.toLowerCase(Locale.ROOT);
            } else if (n.matches("\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?")) {
                n = n.toLowerCase(Locale.ROOT).replace("{", "").replace("}", "");
            } else if (n.matches("0x[0-9a-fA-F]+")) {
                n = "0x" + Long.toHexString(Long.parseUnsignedLong(n.substring(2), 16));
            } else if (k.equals(WindowsRecord.TIME_CREATED)) {
                return; // compared on its own, see assertSameMicrosecond
            }
            out.put(k, n);
        });
        return out;
    }

    @Test
    void eventsAgreeWithElasticsExpectedOutputFieldByField() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        ObjectMapper mapper = new ObjectMapper();
        int compared = 0;
        int agreed = 0;
        for (String id : List.of("5156", "5157")) {
            Path input = CORPUS.resolve("winlogbeat-ecs-json/elastic-system-security-test-" + id + ".json");
            JsonNode expected = mapper.readTree(CORPUS.resolve("winlogbeat-ecs-json/elastic-system-security-test-" + id
                    + ".json-expected.json").toFile()).get("expected").get(0);
            ConnectionEvent e = Collected.of(input).events().get(0);
            Map<String, Object[]> fields = new LinkedHashMap<>();
            fields.put("@timestamp", new Object[] {text(expected.get("@timestamp")), Timestamps.format(e.getTs(), 3)});
            fields.put("source.ip", new Object[] {text(expected.at("/source/ip")), e.getSourceIp()});
            fields.put("source.port", new Object[] {text(expected.at("/source/port")), String.valueOf(e.getSourcePort())});
            fields.put("destination.ip", new Object[] {text(expected.at("/destination/ip")), e.getDestinationIp()});
            fields.put("destination.port", new Object[] {text(expected.at("/destination/port")),
                String.valueOf(e.getDestinationPort())});
            fields.put("network.transport", new Object[] {text(expected.at("/network/transport")), e.getNetworkTransport()});
            fields.put("network.iana_number", new Object[] {text(expected.at("/network/iana_number")),
                String.valueOf(IpProtocols.number(e.getNetworkTransport()))});
            fields.put("network.community_id", new Object[] {text(expected.at("/network/community_id")),
                e.getNetworkCommunityId()});
            fields.put("network.direction", new Object[] {text(expected.at("/network/direction")), e.getNetworkDirection()});
            fields.put("host.name", new Object[] {text(expected.at("/host/name")), e.getHostName()});
            fields.put("event.code", new Object[] {text(expected.at("/event/code")), e.getEventCode()});
            fields.put("event.type allowed/denied", new Object[] {text(expected.at("/event/type")).contains("allowed")
                    ? "allowed" : "blocked", e.getEventAction()});
            if (!expected.at("/process/executable").isMissingNode()) {
                fields.put("process.executable", new Object[] {text(expected.at("/process/executable")),
                    e.getProcessExecutable()});
                fields.put("process.name", new Object[] {text(expected.at("/process/name")), e.getProcessName()});
            }
            int ok = 0;
            for (Map.Entry<String, Object[]> f : fields.entrySet()) {
                assertThat(f.getValue()[1]).as("test-" + id + " " + f.getKey()).isEqualTo(f.getValue()[0]);
                ok++;
            }
            System.out.printf("Elastic test-%s expected: %d of %d fields agree%n", id, ok, fields.size());
            compared += fields.size();
            agreed += ok;
            // the pipeline's own output document is an input we read too, to the same event
            ConnectionEvent fromExpected = Collected.of(CORPUS.resolve("winlogbeat-ecs-json/elastic-system-security-test-"
                    + id + ".json-expected.json")).events().get(0);
            assertThat(fromExpected.getNetworkCommunityId()).isEqualTo(e.getNetworkCommunityId());
            assertThat(fromExpected.getProcessExecutable()).isEqualTo(e.getProcessExecutable());
        }
        System.out.printf("Elastic expected outputs: %d of %d fields agree%n", agreed, compared);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return null;
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(i -> items.add(i.asText()));
            return String.join(",", items);
        }
        return n.asText();
    }

    @Test
    void everySampleIsReadWithoutARejectedRecord() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        Map<String, Long> events = new TreeMap<>();
        try (Stream<Path> s = Files.walk(CORPUS)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList()) {
                Collected c = Collected.of(p);
                assertThat(c.ledger().rejectedByReason()).as(p.toString()).isEmpty();
                events.put(CORPUS.relativize(p).toString(), (long) c.events().size());
            }
        }
        System.out.println("events per corpus sample: " + events);
        // the counts MANIFEST.md gives for each sample
        assertThat(events).containsEntry("nxlog-json/otrf-covenant_sharpsc_query_dcerpc_smb_svcctl.network.json", 12L + 53 + 5)
                .containsEntry("nxlog-json/otrf-covenant_dcom_executeexcel4macro_blocked.network.json", 12L + 59 + 5)
                .containsEntry("nxlog-json/otrf-covenant_sharpwmi_create_dcerpc_wmi.network.json", 48L + 112)
                .containsEntry("evtx/eas-DE_RDP_Tunnel_5156.evtx", 63L + 9)
                .containsEntry("evtx/eas-tunna_iis_rdp_smb_tunneling_sysmon_3.evtx", 12L)
                .containsEntry("evtx/eas-discovery_sysmon_3_Invoke_UserHunter_SourceMachine.evtx", 9L)
                .containsEntry("sentinel-loganalytics-json/otrf-log4shell-SecurityEvent.network.json", 5L)
                .containsEntry("sentinel-loganalytics-json/otrf-log4shell-sysmon-WindowsEvent.network.json", 5L);
    }

    /** The EVTX files and python-evtx's XML of them give the same events (XML time is to the microsecond). */
    @Test
    void evtxAndItsXmlRenderingGiveTheSameEvents() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        int total = 0;
        try (Stream<Path> s = Files.list(CORPUS.resolve("evtx"))) {
            for (Path evtx : s.sorted().toList()) {
                String base = evtx.getFileName().toString().replace(".evtx", "");
                List<ConnectionEvent> fromEvtx = Collected.of(evtx).events();
                List<ConnectionEvent> fromXml = Collected.of(CORPUS.resolve("xml/" + base + ".xml")).events();
                assertThat(fromEvtx).as(base).hasSameSizeAs(fromXml);
                for (int i = 0; i < fromEvtx.size(); i++) {
                    // Sysmon events carry UtcTime (identical text); the others TimeCreated, see assertSameMicrosecond
                    assertThat(Math.abs(fromEvtx.get(i).getTs() - fromXml.get(i).getTs())).as(base + " event " + i)
                            .isLessThan(4_000L);
                }
                List<String> a = comparable(fromEvtx);
                List<String> b = comparable(fromXml);
                assertThat(a).as(base).isEqualTo(b);
                total += a.size();
            }
        }
        System.out.printf("EVTX vs XML rendering: %d of %d events identical%n", total, total);
        assertThat(total).isEqualTo(72 + 12 + 9 + 1);
    }

    private static List<String> comparable(List<ConnectionEvent> events) {
        return events.stream().map(e -> {
            e.setTs(0, 0);
            e.setLogOffset((Long) null);
            e.setLogFilePath(null);
            return EventJson.toJson(e);
        }).toList();
    }
}
