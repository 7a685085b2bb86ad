package io.dscover.collect.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.text.Utf8;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Tag;

/**
 * Mutated Zeek logs never break the readers: every data line is either turned into events or
 * rejected with its line number, and nothing else happens. The JSON scanner is held to Jackson's
 * verdict on what is a valid JSON object. Short runs here; {@code mvn verify -Dsoak} runs the long ones.
 */
class ZeekFuzzTest {

    private static final byte[] CONN_TSV = fixture("tsv/conn.log");
    private static final byte[] HTTP_TSV = fixture("tsv/http.log");
    private static final byte[] CONN_JSON = fixture("json/conn.json");
    private static final byte[] DNS_JSON = fixture("json/dns.json");
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(ZeekReading.fixture(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 300)
    void mutatedTsvLogsAccountForEveryLine(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 40) int mutations) {
        byte[] log = mutate(seed % 2 == 0 ? CONN_TSV : HTTP_TSV, seed, mutations, "\t\n\\x-,#()".getBytes(StandardCharsets.US_ASCII));
        assertEveryLineAccountedFor(log);
    }

    @Property(tries = 300)
    void mutatedJsonLogsAccountForEveryLine(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 40) int mutations) {
        byte[] log = mutate(seed % 2 == 0 ? CONN_JSON : DNS_JSON, seed, mutations, "{}[]\":,\\\n0-.eEtfnu".getBytes(StandardCharsets.US_ASCII));
        assertEveryLineAccountedFor(log);
    }

    @Property(tries = 2000)
    void theJsonScannerAcceptsExactlyWhatJacksonAccepts(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 6) int mutations) {
        String[] lines = new String(seed % 2 == 0 ? CONN_JSON : DNS_JSON, StandardCharsets.UTF_8).split("\n");
        byte[] line = lines[(int) Math.floorMod(seed, (long) lines.length)].getBytes(StandardCharsets.UTF_8);
        byte[] mutated = mutate(line, seed, mutations, "{}[]\":,\\0123456789-+.eEtrufalsn \t/bu".getBytes(StandardCharsets.US_ASCII));
        String text = new String(mutated, StandardCharsets.ISO_8859_1);
        if (text.indexOf('\n') >= 0 || text.chars().filter(c -> c == '[' || c == '{').count() > 12) {
            return; // one line, shallow: the scanner's depth limit is not what is compared here
        }
        JsonRecord record = new JsonRecord(Columns.growable(), new AddressCache());
        String ours = record.parse(mutated, 0, mutated.length);
        boolean jackson = jacksonAcceptsOneObject(mutated);
        // The scanner leaves UTF-8 to the source, which rejects a line that is not strict UTF-8 before the
        // scanner sees it. Jackson is laxer there (overlong forms, encoded surrogates, lead bytes F5-F7 pass),
        // so it is no oracle for such lines and they are left out.
        if (Utf8.firstInvalid(mutated, 0, mutated.length) != mutated.length) {
            return;
        }
        assertThat(ours == null).as("scanner %s, Jackson %s: %s", ours, jackson, text).isEqualTo(jackson);
    }

    @Property(tries = 3000)
    void decimalSecondsRoundLikeZeekWithoutMakingTheDouble(@ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long millis,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 2) int scale) {
        double seconds = scale == 0 ? nanos / 1e9 : scale == 1 ? millis / 1e3 + nanos / 1e12 : millis / 1e3;
        byte[] text = Double.toString(seconds).getBytes(StandardCharsets.US_ASCII);
        assertThat(ZeekNumbers.nanosFromDecimal(text, 0, text.length)).as(Double.toString(seconds))
                .isEqualTo(ZeekNumbers.nanosFromSeconds(seconds));
    }

    @Property(tries = 20_000)
    @Tag("soak")
    void soakMutatedTsv(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 400) int mutations) {
        mutatedTsvLogsAccountForEveryLine(seed, mutations);
    }

    @Property(tries = 20_000)
    @Tag("soak")
    void soakMutatedJson(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 400) int mutations) {
        mutatedJsonLogsAccountForEveryLine(seed, mutations);
    }

    @Property(tries = 200_000)
    @Tag("soak")
    void soakScannerAgainstJackson(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 12) int mutations) {
        theJsonScannerAcceptsExactlyWhatJacksonAccepts(seed, mutations);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Flips, inserts, deletes and duplicates bytes, favouring the format's own syntax characters. */
    static byte[] mutate(byte[] original, long seed, int mutations, byte[] syntax) {
        Random random = new Random(seed);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(original.length + mutations * 4);
        byte[] b = original.clone();
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = random.nextInt(b.length);
            byte value = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : syntax[random.nextInt(syntax.length)];
            out.reset();
            switch (random.nextInt(5)) {
                case 0 -> b[at] = value;
                case 1 -> {
                    out.write(b, 0, at);
                    out.write(value);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
                case 2 -> {
                    out.write(b, 0, at);
                    out.write(b, at + 1, b.length - at - 1);
                    b = out.toByteArray();
                }
                case 3 -> b = java.util.Arrays.copyOf(b, at); // truncate
                default -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(16));
                    out.write(b, 0, at + len);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
            }
        }
        return b;
    }

    private static void assertEveryLineAccountedFor(byte[] log) {
        ZeekReading.Result r = ZeekReading.bytes("fuzz.log", log, CollectorOptions.empty());
        long recordsWithEvents = r.events().stream().map(NetworkEvent::getLogRecord).collect(Collectors.toSet()).size();
        assertThat(recordsWithEvents + r.ledger().rejected()).as("%s", r.problems()).isEqualTo(r.ledger().recordsRead());
        assertThat(r.ledger().recordsRead()).isLessThanOrEqualTo(dataLines(log));
        for (NetworkEvent e : r.events()) {
            assertThat(e.getEventProvider()).isEqualTo("zeek");
            assertThat(e.getLogRecord()).isPositive();
        }
    }

    private static long dataLines(byte[] log) {
        // blank means spaces and CRs only: a line of tabs is a (bad) TSV row and counts as a record
        return List.of(new String(log, StandardCharsets.ISO_8859_1).split("\n", -1)).stream()
                .filter(l -> !l.replace(" ", "").replace("\r", "").isEmpty()).count();
    }

    private static boolean jacksonAcceptsOneObject(byte[] line) {
        try (JsonParser p = JACKSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
