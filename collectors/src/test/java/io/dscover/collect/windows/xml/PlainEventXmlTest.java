package io.dscover.collect.windows.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.windows.record.EventXmlHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain Event XML reader is a shortcut, never a second opinion: whenever it reads an event, the
 * hardened StAX parser reads the same event into exactly the same calls; whenever the StAX parser
 * finds an event malformed, the plain reader has declined it. Checked on every event of the
 * repository's and the corpus's XML exports, on hand-made edge cases and on randomly damaged events.
 */
class PlainEventXmlTest {

    private static final String SYSMON = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
            + "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>3</EventID>"
            + "<TimeCreated SystemTime='2024-03-11T09:15:02.4417820Z'/><EventRecordID>17</EventRecordID><Correlation/>"
            + "<Execution ProcessID='3132' ThreadID='4472'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>"
            + "<Computer>WS-ACCT-07.corp.example</Computer><Security UserID='S-1-5-18'/></System><EventData>"
            + "<Data Name='RuleName'>-</Data><Data Name='Image'>C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe</Data>"
            + "<Data Name='User'>CORP\\jdoe</Data><Data Name='SourceIp'>10.20.30.47</Data><Data Name='SourcePort'>49152</Data>"
            + "<Data Name='DestinationIp'>93.184.216.34</Data><Data Name='DestinationPort'>443</Data></EventData></Event>";

    /** Entities, CR LF, non-ASCII text, prefixes, white space in tags, an empty element. */
    private static final String RICH = "<e:Event xmlns:e='urn:x'>\r\n <e:System ><Provider Name=\"A &amp; B\" /></e:System>\r\n"
            + " <EventData><Data Name='CommandLine'>cmd /c \"a &amp;&amp; b\" &lt;x&gt; &apos;\u00fc\u65e5\uD83D\uDE00&apos;</Data>"
            + "<Data Name = 'x' >line\rtwo\r\n</Data ><Data/></EventData></e:Event>";

    @Test
    void readsEveryEventOfTheRepositoryExportsExactlyAsTheStaxParserDoes() throws IOException {
        for (String name : List.of("wevtutil-sysmon.xml", "eventviewer-security.xml")) {
            List<byte[]> events = events(Files.readAllBytes(resource(name)));
            assertThat(events).as(name).isNotEmpty();
            for (byte[] event : events) {
                assertThat(plain(event)).as("%s: the plain reader takes its events", name).isNotNull();
                assertSameAsStax(event);
            }
        }
    }

    @Test
    void agreesWithTheStaxParserOnTheBrokenSample() throws IOException {
        for (byte[] event : events(Files.readAllBytes(resource("broken-events.xml")))) {
            assertSameAsStax(event);
        }
    }

    @Test
    void agreesWithTheStaxParserOnEveryCorpusEvent() throws IOException {
        Path dir = Path.of("../shared/corpus/windows/xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "corpus absent");
        int taken = 0;
        int all = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                for (byte[] event : events(Files.readAllBytes(f))) {
                    all++;
                    if (assertSameAsStax(event)) {
                        taken++;
                    }
                }
            }
        }
        assertThat(all).isPositive();
        assertThat(taken).as("events read by the plain reader, of %d", all).isEqualTo(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Event><Data Name='CommandLine'>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</Data></Event>",
        "<Event><Data Name=\"a &amp; b\">x</Data></Event>",
        "<Event>\r\n  <Data Name='x'>line one\r\nline two\rthree</Data>\r\n</Event>",
        "<Event><Data Name='User'>MÜNCHEN\\Jürgen 日本 \uD83D\uDE00</Data></Event>",
        "<e:Event xmlns:e='urn:x' xmlns='urn:y'><e:System e:a='1' b = \"2\" ></e:System ></e:Event >",
        "<Event><Correlation/><Security UserID='S-1-5-18' /><Data/></Event>",
        "<Event><Data Name='x'>]]</Data><Data Name='y'>]></Data><Data Name='z'>a > b ]] > c</Data></Event>",
        "<Event><Data Name='x'>\u007f</Data></Event>",
        "<Event/>",
        RICH,
    })
    void readsThePlainShapeLikeTheStaxParser(String xml) {
        byte[] event = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(plain(event)).isNotNull();
        assertSameAsStax(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Event><!-- a comment --><Data>x</Data></Event>",
        "<Event><Data><![CDATA[x]]></Data></Event>",
        "<Event><?pi x?></Event>",
        "<Event><Data>&#x1;</Data></Event>",
        "<Event><Data>&xxe;</Data></Event>",
        "<Event><Data Name='a\tb'>x</Data></Event>",
        "<Event><Data Name='a'>x\u0001</Data></Event>",
        "<Event><Data Name='a' Name='b'>x</Data></Event>",
        "<Event><Data Name='a'Value='b'>x</Data></Event>",
        "<Event><Data>x</Dat></Event>",
        "<Event><Data>x</Data>",
        "<Event><Data>a ]]> b</Data></Event>",
        "<Event><Data Name='<'>x</Data></Event>",
        "<Event><Data>\u00e9</Data></Event>trailing",
    })
    void declinesAnythingElseAndTheStaxParserDecides(String xml) {
        byte[] event = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(plain(event)).isNull();
        assertSameAsStax(event);
    }

    @Test
    void declinesInvalidUtf8() {
        byte[] event = "<Event><Data>ab</Data></Event>".getBytes(StandardCharsets.ISO_8859_1);
        event[13] = (byte) 0xc3; // a lead byte followed by 'b'
        assertThat(plain(event)).isNull();
        assertThat(stax(event)).isNull();
    }

    @Property(tries = 2_000)
    void damagedEventsAreReadExactlyAsTheStaxParserReadsThem(@ForAll("damaged") byte[] event) {
        assertSameAsStax(event);
    }

    @Property(tries = 100_000)
    @Tag("soak")
    void damagedEventsAreReadExactlyAsTheStaxParserReadsThemSoak(@ForAll("damaged") byte[] event) {
        assertSameAsStax(event);
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Arbitraries.of(SYSMON, RICH).flatMap(xml -> damaged(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<byte[]> damaged(byte[] base) {
        Arbitrary<Byte> significant = Arbitraries.of((byte) '<', (byte) '>', (byte) '/', (byte) '=', (byte) '\'',
                (byte) '"', (byte) '&', (byte) ';', (byte) '\r', (byte) '\n', (byte) '\t', (byte) ']', (byte) '!',
                (byte) '?', (byte) ':', (byte) '#', (byte) 'x', (byte) '1', (byte) ' ', (byte) 0xc3, (byte) 0xa9,
                (byte) 0xef, (byte) 0xbf, (byte) 0xff, (byte) 0x01, (byte) 0x7f, (byte) '-', (byte) 'a');
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, base.length - 1),
                Arbitraries.integers().between(0, 2), significant.map(b -> (int) b)).as((at, kind, value) -> new int[] {at, kind, value});
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            List<Byte> bytes = new ArrayList<>();
            for (byte b : base) {
                bytes.add(b);
            }
            for (int[] e : edits) {
                int at = Math.min(e[0], bytes.size() - 1);
                switch (e[1]) {
                    case 0 -> bytes.set(at, (byte) e[2]);
                    case 1 -> bytes.add(at, (byte) e[2]);
                    default -> {
                        if (bytes.size() > 1) {
                            bytes.remove(at);
                        }
                    }
                }
            }
            byte[] out = new byte[bytes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.get(i);
            }
            return out;
        });
    }

    /** Checks the property on one event; true when the plain reader took it. */
    private static boolean assertSameAsStax(byte[] event) {
        List<String> fast = plain(event);
        List<String> stax = stax(event);
        if (stax == null) {
            assertThat(fast).as("the plain reader must decline what the StAX parser rejects: %s",
                    new String(event, StandardCharsets.UTF_8)).isNull();
        }
        if (fast != null) {
            assertThat(fast).as(new String(event, StandardCharsets.UTF_8)).isEqualTo(stax);
        }
        return fast != null;
    }

    private static List<String> plain(byte[] event) {
        Recorder r = new Recorder();
        return new PlainEventXml().parse(event, 0, event.length, r) ? r.calls() : null;
    }

    private static List<String> stax(byte[] event) {
        Recorder r = new Recorder();
        try {
            EventXml.parse(event, 0, event.length, r);
            return r.calls();
        } catch (XMLStreamException e) {
            return null;
        }
    }

    private static List<byte[]> events(byte[] export) throws IOException {
        InputStream in = Utf8Input.of(new ByteArrayInputStream(export)).utf8();
        EventXmlSplitter splitter = new EventXmlSplitter(in, EventXmlReader.MAX_EVENT_BYTES);
        List<byte[]> events = new ArrayList<>();
        EventXmlSplitter.Found found;
        while ((found = splitter.next()) != EventXmlSplitter.Found.END) {
            if (found == EventXmlSplitter.Found.EVENT) {
                events.add(java.util.Arrays.copyOf(splitter.eventBytes(), splitter.eventLength()));
            }
        }
        return events;
    }

    private static Path resource(String name) {
        try {
            return Path.of(PlainEventXmlTest.class.getResource("/windows/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calls a handler receives, adjacent text joined (parsers may cut text anywhere). */
    private static final class Recorder implements EventXmlHandler {
        private final List<String> calls = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String name) {
            flush();
            calls.add("start " + name);
        }

        @Override
        public void attribute(String name, String value) {
            flush();
            calls.add("attribute " + name + "=" + value);
        }

        @Override
        public void text(String t) {
            text.append(t);
        }

        @Override
        public void endElement() {
            flush();
            calls.add("end");
        }

        private void flush() {
            if (text.length() > 0) {
                calls.add("text " + text);
                text.setLength(0);
            }
        }

        List<String> calls() {
            flush();
            return calls;
        }
    }
}
