package io.dscover.collect.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.json.WindowsJsonReader;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.xml.EventXmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The XML and JSON readers on damaged exports (bytes overwritten, cut short): no exception escapes,
 * and every record found is either returned or counted as rejected. Long version behind {@code soak}.
 */
class TextFormsFuzzTest {

    private static final List<byte[]> SAMPLES = List.of(read("wevtutil-sysmon.xml"), read("eventviewer-security.xml"),
            read("winlogbeat.ndjson"), read("nxlog.json"), read("evtx_dump.json"), read("sentinel.json"));

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Collected.resourcePath(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void damagedTextExportsAreReadWithoutThrowing(@ForAll("sample") int which,
            @ForAll("damage") List<Tuple2<Double, Byte>> damage, @ForAll("cut") double cut) throws IOException {
        check(which, damage, cut);
    }

    @Property(tries = 20_000)
    @Tag("soak")
    void damagedTextExportsAreReadWithoutThrowingSoak(@ForAll("sample") int which,
            @ForAll("damage") List<Tuple2<Double, Byte>> damage, @ForAll("cut") double cut) throws IOException {
        check(which, damage, cut);
    }

    private static void check(int which, List<Tuple2<Double, Byte>> damage, double cut) throws IOException {
        byte[] original = SAMPLES.get(which);
        byte[] b = Arrays.copyOf(original, (int) (original.length * cut));
        for (Tuple2<Double, Byte> d : damage) {
            if (b.length > 0) {
                b[(int) (d.get1() * (b.length - 1))] = d.get2();
            }
        }
        InputLedger ledger = new InputLedger("fuzz");
        RecordReader reader = which < 2 ? new EventXmlReader(new ByteArrayInputStream(b), ledger)
                : new WindowsJsonReader(new ByteArrayInputStream(b), ledger, null);
        NetworkConnectionMapper mapper = new NetworkConnectionMapper(ledger, DevicePathMap.defaults());
        long returned = 0;
        try (WindowsEventSource source = new WindowsEventSource(reader, mapper)) {
            while (source.read(e -> { })) {
                returned++;
            }
        }
        assertThat(returned).isLessThanOrEqualTo(ledger.recordsRead());
    }

    @Provide
    Arbitrary<Integer> sample() {
        return Arbitraries.integers().between(0, SAMPLES.size() - 1);
    }

    @Provide
    Arbitrary<List<Tuple2<Double, Byte>>> damage() {
        Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes()),
                Tuple.of(2, Arbitraries.of((byte) '<', (byte) '>', (byte) '"', (byte) '{', (byte) '}', (byte) '\n',
                        (byte) '&', (byte) '/', (byte) '\\', (byte) 0)));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), bytes).as(Tuple::of).list().ofMinSize(0).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Double> cut() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1.0)), Tuple.of(1, Arbitraries.doubles().between(0, 1)));
    }
}
