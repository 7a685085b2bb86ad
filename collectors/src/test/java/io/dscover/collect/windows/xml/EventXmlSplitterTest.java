package io.dscover.collect.windows.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * The splitter's one-pass step over plain tags is only a shortcut: with it and without it the
 * splitter finds the same events (kind, bytes, line and offset) in intact, broken and randomly
 * damaged exports, with buffers cut at every size.
 */
class EventXmlSplitterTest {

    private static final List<byte[]> SAMPLES = List.of(read("wevtutil-sysmon.xml"), read("eventviewer-security.xml"),
            read("broken-events.xml"));

    @Test
    void findsTheSameEventsInTheRepositoryExportsWithAndWithoutTheShortcut() throws IOException {
        for (byte[] sample : SAMPLES) {
            List<String> events = split(sample, true, Integer.MAX_VALUE);
            assertThat(events).isNotEmpty().isEqualTo(split(sample, false, Integer.MAX_VALUE));
            for (int chunk : new int[] {1, 7, 300, 4096}) {
                assertThat(split(sample, true, chunk)).as("read %d bytes at a time", chunk).isEqualTo(events);
            }
        }
    }

    @Property(tries = 500)
    void findsTheSameEventsInDamagedExports(@ForAll("sample") int which,
            @ForAll("damage") List<Tuple2<Double, Byte>> damage, @ForAll("chunk") int chunk) throws IOException {
        check(which, damage, chunk);
    }

    @Property(tries = 20_000)
    @Tag("soak")
    void findsTheSameEventsInDamagedExportsSoak(@ForAll("sample") int which,
            @ForAll("damage") List<Tuple2<Double, Byte>> damage, @ForAll("chunk") int chunk) throws IOException {
        check(which, damage, chunk);
    }

    private static void check(int which, List<Tuple2<Double, Byte>> damage, int chunk) throws IOException {
        byte[] b = SAMPLES.get(which).clone();
        for (Tuple2<Double, Byte> d : damage) {
            b[(int) (d.get1() * (b.length - 1))] = d.get2();
        }
        assertThat(split(b, true, chunk)).isEqualTo(split(b, false, chunk));
    }

    @Provide
    Arbitrary<Integer> sample() {
        return Arbitraries.integers().between(0, SAMPLES.size() - 1);
    }

    @Provide
    Arbitrary<Integer> chunk() {
        return Arbitraries.integers().between(1, 70_000);
    }

    @Provide
    Arbitrary<List<Tuple2<Double, Byte>>> damage() {
        Arbitrary<Byte> bytes = Arbitraries.of((byte) '<', (byte) '>', (byte) '/', (byte) '\'', (byte) '"', (byte) '!',
                (byte) '?', (byte) '\n', (byte) 'E', (byte) ' ', (byte) ':', (byte) '-', (byte) '[');
        return Arbitraries.doubles().between(0, 1).flatMap(at -> bytes.map(v -> Tuple.of(at, v))).list().ofMaxSize(6);
    }

    /** Everything the splitter reports, one line per find. */
    private static List<String> split(byte[] export, boolean shortcut, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(export) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        EventXmlSplitter splitter = new EventXmlSplitter(in, 64 * 1024, shortcut);
        List<String> found = new ArrayList<>();
        EventXmlSplitter.Found f;
        while ((f = splitter.next()) != EventXmlSplitter.Found.END) {
            found.add(f + " line " + splitter.eventLine() + " offset " + splitter.eventOffset() + " "
                    + (f == EventXmlSplitter.Found.OVERSIZED ? ""
                            : HexFormat.of().formatHex(Arrays.copyOf(splitter.eventBytes(), splitter.eventLength()))));
        }
        found.add("end at line " + splitter.line());
        return found;
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of(EventXmlSplitterTest.class.getResource("/windows/" + name).toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
