package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.CollectorOptions;
import io.dscover.collect.Input;
import io.dscover.collect.Inputs;
import io.dscover.model.event.NetworkEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad lines are counted with file and line and cost nothing else; compressed, rotated and piped logs read like any other. */
class ZeekMalformedInputTest {

    private static final String HEADER = """
            #separator \\x09
            #set_separator\t,
            #empty_field\t(empty)
            #unset_field\t-
            #path\tconn
            #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state
            #types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring
            """;

    private static String row(String ts, String port) {
        return ts + "\tC1\t10.0.0.1\t" + port + "\t10.0.0.2\t80\ttcp\tSF\n";
    }

    @Test
    void badTsvRowsAreRejectedOrFlaggedByLineAndTheRestIsRead() {
        byte[] badUtf8 = "1714557600.000000\tC\u00e9\t10.0.0.1\t1\t10.0.0.2\t80\ttcp\tSF\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("1714557599.000000\tC0\t10.0.0.1\t1\n".getBytes(StandardCharsets.UTF_8)); // line 1: before any header
        b.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        b.writeBytes((row("1714557600.000000", "1000") // 9: good
                + "1714557600.000000\tC1\t10.0.0.1\n" // 10: too few columns
                + row("1714557600.000000", "1000") .replace("SF\n", "SF\textra\n") // 11: too many
                + row("yesterday", "1000") // 12: bad ts
                + row("-", "1000") // 13: unset ts
                + row("1714557601.000000", "http") // 14: bad port: the field is left out, the row kept
                + row("1714557601.000000", "70000") // 15: port out of range
                + "\n" // 16: blank, not a record
                + row("1714557602.000000", "2000").replace("\n", "\r\n")) // 17: CRLF
                .getBytes(StandardCharsets.UTF_8));
        int line18 = b.size();
        b.writeBytes(badUtf8); // 18: invalid UTF-8
        b.writeBytes(row("1714557603.000000", "3000").getBytes(StandardCharsets.UTF_8)); // 19: good

        ZeekReading.Result r = ZeekReading.bytes("conn.log", b.toByteArray(), CollectorOptions.empty());

        assertThat(r.ledger().recordsRead()).isEqualTo(11);
        assertThat(r.ledger().rejectedByReason()).containsEntry("no header", 1L).containsEntry("wrong column count", 2L)
                .containsEntry("bad ts", 1L).containsEntry("missing ts", 1L).containsEntry("invalid UTF-8", 1L).hasSize(5);
        assertThat(r.ledger().flaggedByReason()).containsEntry("bad field value", 2L);
        assertThat(r.ofType("flow")).extracting(NetworkEvent::getLogRecord).containsExactly(9L, 14L, 15L, 17L, 19L);
        assertThat(r.ofType("flow").get(1).getSourcePort()).isNull();
        assertThat(r.ofType("flow").get(3).getSourcePort()).isEqualTo(2000L);
        assertThat(r.problems()).contains(
                "conn.log:line 1: no header: data before any #fields line",
                "conn.log:line 10: wrong column count: 3 fields, #fields has 8",
                "conn.log:line 11: wrong column count: 9 fields, #fields has 8",
                "conn.log:line 12: bad ts: ts: not a time 'yesterday'",
                "conn.log:line 13: missing ts: ts is unset",
                "conn.log:line 14: bad field value: id.orig_p: not a port 'http'; left out",
                "conn.log:line 15: bad field value: id.orig_p: port out of range '70000'; left out",
                "conn.log:line 18: invalid UTF-8: byte 20 of the line (offset " + (line18 + 19) + ")");
    }

    @Test
    void badJsonLinesAreRejectedByLineAndTheRestIsRead() {
        String good = "{\"ts\":1714557600.5,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":53,\"proto\":\"udp\",\"query\":\"a.example\"}\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((good // 1
                + "{\"ts\":1714557600.5,\"uid\":\"C1\",\"id.orig_h\":\"10.0.\n" // 2: truncated
                + "[1,2,3]\n" // 3: not an object
                + "{\"ts\":\"soon\",\"query\":\"b.example\"}\n" // 4: bad ts
                + "{\"ts\":1714557600.5,\"query\":\"c.example\"} trailing\n" // 5
                + "{\"ts\":1714557600.5,\"query\":\"tab\tinside\"}\n" // 6: raw control character
                + "{\"ts\":1714557600.5,\"id.orig_p\":-1,\"query\":\"d.example\"}\n" // 7: bad port, kept
                + "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}\n" // 8: nested too deep
                + "{\"_path\":\"../../etc\",\"ts\":1.0}\n" // 9: a _path that is no log name
                + "{\"ts\":1714557600.5,\"query\":01}\n" // 10: leading zero
                + "{\"ts\":1714557600.5,\"query\":\"\\q\"}\n") // 11: bad escape
                .getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xc0, (byte) 0x80, '"', '}', '\n'}); // 12: overlong UTF-8
        b.writeBytes(good.getBytes(StandardCharsets.UTF_8)); // 13

        ZeekReading.Result r = ZeekReading.bytes("dns.json", b.toByteArray(), CollectorOptions.empty());

        assertThat(r.ledger().recordsRead()).isEqualTo(13);
        assertThat(r.events()).extracting(NetworkEvent::getLogRecord).containsExactly(1L, 7L, 13L);
        assertThat(r.ledger().rejectedByReason()).containsEntry("malformed JSON", 6L).containsEntry("not a JSON object", 1L)
                .containsEntry("bad ts", 1L).containsEntry("bad _path", 1L).containsEntry("invalid UTF-8", 1L);
        assertThat(r.ledger().flaggedByReason()).containsEntry("bad field value", 1L);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("dns.json:line 2: malformed JSON: unterminated string"))
                .anySatisfy(p -> assertThat(p).startsWith("dns.json:line 8: malformed JSON: nested deeper than 16"))
                .anySatisfy(p -> assertThat(p).startsWith("dns.json:line 12: invalid UTF-8: byte 7"));
    }

    @Test
    void aHostileHundredMegabyteLineIsRejectedUnreadAndTheNextLinesCount() {
        long hostile = 100L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long left = hostile;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        String after = "\n" + row("1714557600.000000", "1000");
        ZeekReading.Result r = ZeekReading.stream("conn.log", () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), huge,
                new java.io.ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8))))), CollectorOptions.empty());

        assertThat(r.ledger().rejectedByReason()).containsExactly(java.util.Map.entry("line too long", 1L));
        assertThat(r.problems()).containsExactly("conn.log:line 8: line too long: over 1048576 bytes");
        assertThat(r.ofType("flow")).singleElement().satisfies(f -> assertThat(f.getLogRecord()).isEqualTo(9L));
    }

    @Test
    void gzipRotatedNamesAndFoldersReadAsTheLogsTheyAre(@TempDir Path dir) throws IOException {
        Path day = Files.createDirectories(dir.resolve("2024-05-01"));
        gzip(ZeekReading.fixture("tsv/conn.log"), day.resolve("conn.10:00:00-11:00:00.log.gz"));
        gzip(ZeekReading.fixture("json/dns.json"), day.resolve("dns.2024-05-01-10-00-00.json.gz"));
        Files.copy(ZeekReading.fixture("tsv/http.log"), day.resolve("http.2024-05-01-10-00-00.log"));

        List<Input> inputs = Inputs.expand(List.of(dir));
        assertThat(inputs).hasSize(3);
        long events = 0;
        for (Input in : inputs) {
            ZeekReading.Result r = ZeekReading.read(in, CollectorOptions.empty(), inputs);
            assertThat(r.ledger().rejected()).isZero();
            events += r.events().size();
        }
        assertThat(events).isEqualTo(24 + 5 + 3);
    }

    @Test
    void standardInputIsReadWithoutAName() {
        ZeekReading.Result tsv = ZeekReading.stream("-", () -> open("tsv/conn.log"), CollectorOptions.empty());
        ZeekReading.Result json = ZeekReading.stream("-", () -> open("json/conn.json"), CollectorOptions.empty());

        assertThat(tsv.events()).hasSize(24);
        assertThat(json.events()).hasSize(24);
        assertThat(json.events().get(0).getEventDataset()).isEqualTo("zeek.conn");
    }

    private static InputStream open(String fixture) {
        try {
            return Files.newInputStream(ZeekReading.fixture(fixture));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
    }
}
