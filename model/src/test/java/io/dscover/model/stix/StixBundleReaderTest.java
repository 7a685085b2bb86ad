package io.dscover.model.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The streaming reader: one object at a time, gzip by content, clear errors for what is not a bundle. */
class StixBundleReaderTest {

    private static final String SMALL = "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":["
            + "{\"type\":\"identity\",\"id\":\"identity--1\",\"name\":\"A\",\"modified\":\"2020-01-01T00:00:00.000Z\"},"
            + "{\"id\":\"relationship--1\",\"modified\":\"2021-06-01T12:00:00.5Z\",\"type\":\"relationship\","
            + "\"relationship_type\":\"uses\",\"description\":\"long prose\"},"
            + "{\"type\":\"malware\",\"id\":\"malware--1\",\"modified\":\"2022-03-04T05:06:07.000Z\",\"description\":\"x\"}"
            + "],\"x_extra\":{\"k\":1}}";

    static List<StixObject> readAll(byte[] bytes, StixReadFilter filter) throws IOException {
        List<StixObject> out = new ArrayList<>();
        StixBundleReader.read(new ByteArrayInputStream(bytes), filter, out::add);
        return out;
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(plain);
        }
        return bos.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deliversEveryObjectInOrderAndSummarisesTheEnvelope() throws IOException {
        List<StixObject> out = new ArrayList<>();
        StixBundleReader.Summary s = StixBundleReader.read(new ByteArrayInputStream(utf8(SMALL)), out::add);
        assertThat(out).extracting(StixObject::id).containsExactly("identity--1", "relationship--1", "malware--1");
        assertThat(s.id()).isEqualTo("bundle--1");
        assertThat(s.objects()).isEqualTo(3);
        assertThat(s.extra()).containsKey("x_extra");
        assertThat(s.newestModified()).hasToString("2022-03-04T05:06:07.000Z");
    }

    @Test
    void readsGzipByItsMagicNumber() throws IOException {
        assertThat(readAll(gzip(utf8(SMALL)), StixReadFilter.EVERYTHING)).hasSize(3);
    }

    @Test
    void aFilterSkipsUnwantedTypesAndPropertiesButStillSeesTheirDates() throws IOException {
        List<StixObject> out = new ArrayList<>();
        StixBundleReader.Summary s = StixBundleReader.read(new ByteArrayInputStream(utf8(SMALL)),
                StixReadFilter.types(Set.of("identity", "relationship"), Set.of("description")), out::add);
        assertThat(out).extracting(StixObject::type).containsExactly("identity", "relationship");
        assertThat(((Relationship) out.get(1)).description()).isNull();
        assertThat(s.skippedObjects()).isEqualTo(1);
        assertThat(s.newestModified()).hasToString("2022-03-04T05:06:07.000Z");
    }

    @Test
    void aFilterCanDropAnObjectByAValueWithoutReadingTheRest() throws IOException {
        StixReadFilter onlyDetects = new StixReadFilter() {
            @Override
            public boolean wantsValue(String type, String property, String text) {
                return !property.equals("relationship_type") || text.equals("detects");
            }
        };
        List<StixObject> out = new ArrayList<>();
        StixBundleReader.Summary s = StixBundleReader.read(new ByteArrayInputStream(utf8(SMALL)), onlyDetects, out::add);
        assertThat(out).extracting(StixObject::type).containsExactly("identity", "malware");
        assertThat(s.skippedObjects()).isEqualTo(1);
    }

    @Test
    void aMalformedObjectIsCountedAndSkippedAndTheRestLoads() throws IOException {
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--2\",\"objects\":["
                + "{\"type\":\"identity\",\"id\":\"identity--1\",\"modified\":\"last tuesday\"},"
                + "42,"
                + "{\"id\":\"x--1\"},"
                + "{\"type\":\"identity\",\"id\":\"identity--2\"}]}";
        List<StixObject> out = new ArrayList<>();
        StixBundleReader.Summary s = StixBundleReader.read(new ByteArrayInputStream(utf8(json)), out::add);
        assertThat(out).extracting(StixObject::id).containsExactly("identity--2");
        assertThat(s.malformedObjects()).isEqualTo(3);
        assertThat(s.problems()).hasSize(3);
        assertThat(s.problems().get(0)).contains("object 1", "identity identity--1", "last tuesday");
        assertThat(s.problems().get(1)).contains("not a JSON object");
        assertThat(s.problems().get(2)).contains("no \"type\"");
    }

    @Test
    void notJsonIsAFormatErrorWithItsPosition() {
        assertThatThrownBy(() -> readAll(utf8("{\"type\": bundle}"), StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("not valid JSON at line 1, column");
    }

    @Test
    void jsonThatIsNotABundleSaysSo() {
        assertThatThrownBy(() -> readAll(utf8("[1, 2]"), StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("not a STIX bundle");
        assertThatThrownBy(() -> readAll(utf8("{\"type\":\"identity\",\"objects\":[]}"), StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("'identity', expected 'bundle'");
        assertThatThrownBy(() -> readAll(utf8("{\"type\":\"bundle\",\"id\":\"b\"}"), StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("no \"objects\"");
        assertThatThrownBy(() -> readAll(utf8(""), StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void aTruncatedFileIsAFormatError() {
        byte[] whole = utf8(SMALL);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> readAll(cut, StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void aTruncatedGzipFileIsAFormatError() throws IOException {
        byte[] gz = gzip(utf8(SMALL.repeat(1).replace("long prose", "x".repeat(5000))));
        byte[] cut = Arrays.copyOf(gz, gz.length - 20);
        assertThatThrownBy(() -> readAll(cut, StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void deepNestingIsRefusedNotRecursedInto() {
        String deep = "{\"type\":\"bundle\",\"objects\":[{\"type\":\"x\",\"id\":\"x--1\",\"a\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}]}";
        assertThatThrownBy(() -> readAll(utf8(deep), StixReadFilter.EVERYTHING))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("limits");
    }
}
