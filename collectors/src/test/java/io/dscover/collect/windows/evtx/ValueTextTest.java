package io.dscover.collect.windows.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.collect.windows.evtx.EvtxWriter.Value;
import org.junit.jupiter.api.Test;

/** Binary XML values render as Windows renders them in Event XML. */
class ValueTextTest {

    private static String render(Value v) {
        return ValueText.scalar(v.type(), v.bytes(), 0, v.bytes().length);
    }

    @Test
    void guidsAreUpperCaseWithBracesAndMixedEndianFields() {
        assertThat(render(Value.guid(0x5770385F, 0xC22A, 0x43E0, 0xBF4C06F5698FFBD9L)))
                .isEqualTo("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    }

    @Test
    void sidsHaveRevisionAuthorityAndSubAuthorities() {
        assertThat(render(Value.sid(5, 18))).isEqualTo("S-1-5-18");
        assertThat(render(Value.sid(0, 0))).isEqualTo("S-1-0-0");
        assertThat(render(Value.sid(5, 21, 1587066498L, 1489273250L, 1035260531L, 1108)))
                .isEqualTo("S-1-5-21-1587066498-1489273250-1035260531-1108");
    }

    @Test
    void filetimesAreUtcWithHundredNanosecondDigits() {
        assertThat(render(Value.filetime(131945545015938300L))).isEqualTo("2019-02-13T18:01:41.5938300Z");
        assertThat(render(Value.filetime(0))).isEqualTo("1601-01-01T00:00:00.0000000Z");
        assertThat(ValueText.filetimeNanos(0)).isEqualTo(Long.MIN_VALUE); // before 1678: no epoch nanoseconds
    }

    @Test
    void keywordsAndPointersAreHexadecimal() {
        assertThat(render(Value.hex64(0x8020000000000000L))).isEqualTo("0x8020000000000000");
        assertThat(render(Value.hex64(0xaf855))).isEqualTo("0xaf855");
        assertThat(ValueText.scalar(ValueText.SIZE_T, EvtxWriter.le(0x1f4, 8), 0, 8)).isEqualTo("0x1f4");
    }

    @Test
    void integersBooleansAndStrings() {
        assertThat(render(Value.u64(-1L))).isEqualTo("18446744073709551615");
        assertThat(render(Value.u16(65535))).isEqualTo("65535");
        assertThat(render(Value.bool(true))).isEqualTo("true");
        assertThat(render(Value.bool(false))).isEqualTo("false");
        assertThat(render(Value.string("C:\\Windows\\System32\\svchost.exe")))
                .as("the terminating NUL is not part of the text").isEqualTo("C:\\Windows\\System32\\svchost.exe");
    }

    @Test
    void stringArraysSplitAtNul() {
        byte[] b = "a\0bc\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(ValueText.array(0x81, b, 0, b.length)).containsExactly("a", "bc");
        byte[] ints = EvtxWriter.le(0x0000000200000001L, 8);
        assertThat(ValueText.array(0x88, ints, 0, 8)).containsExactly("1", "2");
    }

    @Test
    void aValueOfTheWrongSizeIsAFormatError() {
        assertThatThrownBy(() -> ValueText.scalar(ValueText.UINT32, new byte[3], 0, 3))
                .isInstanceOf(EvtxFormatException.class).hasMessageContaining("0x08 cannot be 3 bytes");
        assertThatThrownBy(() -> ValueText.scalar(ValueText.SID, new byte[] {1, 5, 0, 0, 0, 0, 0, 5}, 0, 8))
                .isInstanceOf(EvtxFormatException.class);
    }
}
