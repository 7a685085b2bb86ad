package io.dscover.collect.windows.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.collect.windows.evtx.BinXmlNode.Element;
import io.dscover.collect.windows.evtx.BinXmlNode.Instance;
import io.dscover.collect.windows.evtx.BinXmlNode.Substitution;
import io.dscover.collect.windows.evtx.BinXmlNode.Template;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile binary XML ends in a format error with an offset, never in a loop, a stack overflow or a bad read. */
class BinXmlParserTest {

    private final byte[] chunk = new byte[EvtxChunk.SIZE];
    private final BinXmlParser parser = new BinXmlParser(chunk);
    private int at = 1024;

    BinXmlParserTest() {
        parser.newChunk(chunk.length);
    }

    private int put(int... bytes) {
        int start = at;
        for (int b : bytes) {
            chunk[at++] = (byte) b;
        }
        return start;
    }

    private void putLe(long v, int n) {
        for (int i = 0; i < n; i++) {
            chunk[at++] = (byte) (v >>> (8 * i));
        }
    }

    /** An element start with an inline name; returns nothing, leaves {@code at} after the name. */
    private void openElement(String name) {
        put(0x01, 0xff, 0xff);
        putLe(0, 4);
        putLe(at + 4, 4);
        putLe(0, 4);
        putLe(0, 2);
        putLe(name.length(), 2);
        byte[] b = name.getBytes(StandardCharsets.UTF_16LE);
        for (byte x : b) {
            chunk[at++] = x;
        }
        putLe(0, 2);
    }

    @Test
    void aTemplateThatContainsItselfIsRefused() {
        int record = at;
        put(0x0f, 1, 1, 0, 0x0c, 1);
        putLe(7, 4);
        int definition = at + 4;
        putLe(definition, 4);
        putLe(0, 4);
        at += 16;
        int sizeAt = at;
        putLe(0, 4);
        int body = at;
        put(0x0f, 1, 1, 0, 0x0c, 1);
        putLe(7, 4);
        putLe(definition, 4); // the definition's only content is an instance of itself
        putLe(0, 4);
        put(0x00);
        int size = at - body;
        System.arraycopy(EvtxWriter.le(size, 4), 0, chunk, sizeAt, 4);
        putLe(0, 4);
        put(0x00);
        assertThatThrownBy(() -> parser.parseRecord(record, at)).isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("contains itself");
    }

    @Test
    void aNameOffsetOutsideTheChunkIsRefused() {
        int record = at;
        put(0x0f, 1, 1, 0, 0x01, 0xff, 0xff);
        putLe(0, 4);
        putLe(0x7fff_fff0L, 4);
        put(0x03, 0x00);
        assertThatThrownBy(() -> parser.parseRecord(record, at)).isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("name offset outside the chunk");
    }

    @Test
    void aNameThatIsNotAnXmlNameIsRefused() {
        int record = at;
        put(0x0f, 1, 1, 0);
        openElement("bad<name");
        put(0x03, 0x00);
        assertThatThrownBy(() -> parser.parseRecord(record, at)).isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("not an XML name");
    }

    @Test
    void elementsNestedBeyondTheLimitAreRefused() {
        int record = at;
        put(0x0f, 1, 1, 0);
        for (int i = 0; i < BinXmlParser.MAX_ELEMENT_DEPTH + 5; i++) {
            openElement("e");
            put(0x02);
        }
        assertThatThrownBy(() -> parser.parseRecord(record, at)).isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("nested deeper than 64");
    }

    @Test
    void anImplausibleNumberOfValuesIsRefused() {
        int record = at;
        put(0x0f, 1, 1, 0, 0x0c, 1);
        putLe(7, 4);
        int definition = at + 4;
        putLe(definition, 4);
        putLe(0, 4);
        at += 16;
        int sizeAt = at;
        putLe(0, 4);
        int body = at;
        put(0x0f, 1, 1, 0);
        openElement("Event");
        put(0x03, 0x00);
        System.arraycopy(EvtxWriter.le(at - body, 4), 0, chunk, sizeAt, 4);
        putLe(1_000_000_000L, 4);
        assertThatThrownBy(() -> parser.parseRecord(record, at + 64)).isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("implausible number of template values");
    }

    @Test
    void structuresThatRunPastTheirRecordAreRefused() {
        int record = at;
        put(0x0f, 1, 1, 0);
        openElement("Event");
        put(0x02, 0x05, 0x01);
        putLe(500, 2); // 500 characters announced, none there
        assertThatThrownBy(() -> parser.parseRecord(record, at)).isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("runs past its end");
    }

    @Test
    void aSmallRecordThatWouldExpandToMillionsOfNodesIsMeasuredFirst() {
        BinXmlNode[] many = new BinXmlNode[1000];
        Arrays.fill(many, new Element("Data", new BinXmlNode.Attribute[0], new BinXmlNode[0], 1));
        BinXmlValue fragment = new BinXmlValue(BinXmlValue.BINXML, null, null, many);
        BinXmlNode[] slots = new BinXmlNode[1000];
        Arrays.fill(slots, new Substitution(0, BinXmlValue.BINXML, false));
        Template template = new Template(512, new BinXmlNode[] {new Element("Event", new BinXmlNode.Attribute[0], slots, 1001)});
        BinXmlNode[] record = {new Instance(template, new BinXmlValue[] {fragment})};
        assertThat(BinXmlRenderer.measure(record)).isGreaterThan(BinXmlRenderer.MAX_NODES);
    }
}
