package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dscover collect} on Zeek logs: detected by content in folders, read from stdin with --collector zeek. */
class CollectZeekTest {

    private static final String DNS_TSV = """
            #separator \\x09
            #set_separator\t,
            #empty_field\t(empty)
            #unset_field\t-
            #path\tdns
            #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\tqtype_name\trcode_name
            #types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tstring\tstring
            1714557600.200001\tCHhAvVGS1DHFjwGM9\t10.1.20.15\t49877\t10.1.0.53\t53\tudp\tx7f3a9c.badcdn.example\tA\tNXDOMAIN
            1714557600.300000\tCHhAvVGS1DHFjwGM8\t10.1.20.15\t49878\t10.1.0.53\t53\tudp\texample.com\tA
            """;

    private static final String CONN_JSON = "{\"_path\":\"conn\",\"_write_ts\":\"2024-05-01T10:05:00.000000Z\","
            + "\"ts\":\"2024-05-01T10:00:00.012345Z\",\"uid\":\"C1\",\"id.orig_h\":\"10.1.20.15\",\"id.orig_p\":52344,"
            + "\"id.resp_h\":\"93.184.216.34\",\"id.resp_p\":443,\"proto\":\"tcp\",\"service\":\"ssl\",\"conn_state\":\"SF\"}\n";

    private record Run(int exit, String out, String err) {
    }

    private static Run collect(InputStream stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setIn(stdin);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = Dscover.newCommandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            System.out.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    @Test
    void aFolderOfZeekLogsIsDetectedAndEveryRecordAccounted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dns.2024-05-01-10-00-00.log"), DNS_TSV);
        try (var gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("conn.2024-05-01-10-00-00.json.gz")))) {
            gz.write(CONN_JSON.getBytes(StandardCharsets.UTF_8));
        }

        Run r = collect(new ByteArrayInputStream(new byte[0]), "collect", dir.toString());

        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).as("connection and flow from conn, one dns; the short dns row is rejected").hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"type\":\"connection\",\"ts\":\"2024-05-01T10:00:00.012345Z\"")
                .contains("\"event.component\":\"Network Connection Creation\"", "\"connection.uid\":\"C1\"");
        assertThat(lines.get(1)).startsWith("{\"type\":\"flow\"").contains("\"network.protocol\":\"ssl\"", "\"flow.state\":\"SF\"");
        assertThat(lines.get(2)).contains("\"type\":\"dns\"", "\"dns.response_code\":\"NXDOMAIN\"", "\"event.provider\":\"zeek\"");
        assertThat(r.err()).contains("[zeek]: 1 records, 2 events (connection 1, flow 1)")
                .contains("[zeek]: 2 records, 1 events (dns 1), 1 rejected")
                .contains("rejected 1: wrong column count")
                .contains("dns.2024-05-01-10-00-00.log:line 9: wrong column count: 9 fields, #fields has 10");
    }

    @Test
    void standardInputNeedsTheCollectorNamed() {
        Run r = collect(new ByteArrayInputStream(DNS_TSV.getBytes(StandardCharsets.UTF_8)), "collect", "--collector", "zeek", "-");

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(1).first().asString().contains("\"dns.question.name\":\"x7f3a9c.badcdn.example\"");
        assertThat(r.err()).contains("- [zeek]: 2 records, 1 events");
    }
}
