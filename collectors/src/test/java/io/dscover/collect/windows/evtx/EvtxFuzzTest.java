package io.dscover.collect.windows.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.record.WindowsRecordBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Damaged EVTX files (random bytes overwritten anywhere in a valid file, then maybe cut short) never
 * make the reader throw or hang: every record is either rendered or counted as rejected. Short
 * here; {@code mvn verify -Dsoak} runs the long version.
 */
class EvtxFuzzTest {

    private static final byte[] VALID = SampleEvtx.mixedFile();

    @Property(tries = 300)
    void damagedFilesAreReadWithoutThrowing(@ForAll("damage") List<Tuple2<Integer, Byte>> damage,
            @ForAll("cut") int cut) throws IOException {
        check(damage, cut);
    }

    @Property(tries = 20_000)
    @Tag("soak")
    void damagedFilesAreReadWithoutThrowingSoak(@ForAll("damage") List<Tuple2<Integer, Byte>> damage,
            @ForAll("cut") int cut) throws IOException {
        check(damage, cut);
    }

    private static void check(List<Tuple2<Integer, Byte>> damage, int cut) throws IOException {
        byte[] file = Arrays.copyOf(VALID, Math.min(VALID.length, cut));
        for (Tuple2<Integer, Byte> d : damage) {
            if (d.get1() < file.length) {
                file[d.get1()] = d.get2();
            }
        }
        InputLedger ledger = new InputLedger("fuzz.evtx");
        WindowsRecordBuilder builder = new WindowsRecordBuilder();
        long rendered = 0;
        try (EvtxRecords r = new EvtxRecords(new ByteArrayInputStream(file), ledger, false)) {
            while (r.next(builder.reset())) {
                rendered++;
            }
        }
        assertThat(rendered).isLessThanOrEqualTo(ledger.recordsRead());
        assertThat(rendered + ledger.rejected()).isGreaterThanOrEqualTo(Math.min(1, ledger.recordsRead()));
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Byte>>> damage() {
        // most damage lands in the records area, where the binary XML is
        Arbitrary<Integer> offset = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, VALID.length - 1)),
                Tuple.of(6, Arbitraries.integers().between(4096 + 512, 4096 + 512 + 6000)));
        return net.jqwik.api.Combinators.combine(offset, Arbitraries.bytes()).as(Tuple::of).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(VALID.length)),
                Tuple.of(1, Arbitraries.integers().between(0, VALID.length)));
    }
}
