package io.dscover.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The hand-written RFC 3339 formatter and parser against java.time, over every time a long of
 * nanoseconds holds (1677-09-21 to 2262-04-11).
 */
class TimestampsTest {

    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** java.time's rendering with exactly {@code digits} fraction digits, truncated. */
    static String reference(long nanos, int digits) {
        Instant i = instant(nanos);
        String s = SECONDS.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        if (digits > 0) {
            s += "." + String.format("%09d", i.getNano()).substring(0, digits);
        }
        return s + "Z";
    }

    @Property
    void formatsAsJavaTimeDoes(@ForAll("nanos") long nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
        assertThat(Timestamps.format(nanos, digits)).isEqualTo(reference(nanos, digits));
    }

    @Property
    void parsesWhatItFormatsKeepingThePrecision(@ForAll("nanos") long nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
        long unit = (long) Math.pow(10, 9 - digits);
        java.math.BigInteger exact = java.math.BigInteger.valueOf(Math.floorDiv(nanos, unit))
                .multiply(java.math.BigInteger.valueOf(unit));
        if (exact.bitLength() > 63) {
            // the text names a time before the first one a long holds: refused, not wrapped
            assertThatThrownBy(() -> Timestamps.parse(Timestamps.format(nanos, digits)))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        long truncated = exact.longValueExact();
        Timestamps.Parsed p = Timestamps.parse(Timestamps.format(nanos, digits));
        assertThat(p.epochNanos()).isEqualTo(truncated);
        assertThat(p.precision()).isEqualTo(digits);
    }

    @Property
    void offsetsAreAppliedAsJavaTimeDoes(@ForAll("nanos") long nanos, @ForAll @IntRange(min = -1080, max = 1080) int offsetMinutes,
            @ForAll boolean colon) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
        OffsetDateTime odt = instant(nanos).atOffset(offset);
        String hhmm = String.format("%s%02d%s%02d", offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60,
                colon ? ":" : "", Math.abs(offsetMinutes) % 60);
        String text = SECONDS.format(odt.toLocalDateTime()) + "." + String.format("%09d", odt.getNano()) + hhmm;
        Timestamps.Parsed p = Timestamps.parse(text);
        assertThat(instant(p.epochNanos())).isEqualTo(OffsetDateTime.parse(withColon(text, colon)).toInstant());
    }

    private static String withColon(String text, boolean colon) {
        return colon ? text : text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
    }

    @Property
    void epochSecondsAreExact(@ForAll @IntRange(min = 0, max = 2_000_000_000) int seconds,
            @ForAll @IntRange(min = 0, max = 999_999) int micros) {
        Timestamps.Parsed p = Timestamps.parseEpochSeconds(seconds + "." + String.format("%06d", micros));
        assertThat(p.epochNanos()).isEqualTo(seconds * 1_000_000_000L + micros * 1_000L);
        assertThat(p.precision()).isEqualTo(6);
    }

    @Example
    void leapDaysExistOnlyInLeapYears() {
        for (int year : new int[] {1904, 2000, 2024, 2096}) {
            String text = year + "-02-29T00:00:00Z";
            assertThat(instant(Timestamps.parse(text).epochNanos())).isEqualTo(Instant.parse(text));
        }
        for (int year : new int[] {1900, 2023, 2100, 2200}) {
            assertThatThrownBy(() -> Timestamps.parse(year + "-02-29T00:00:00Z"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        }
    }

    @Example
    void aLeapSecondIsHeldAtFiftyNine() {
        assertThat(Timestamps.parse("2016-12-31T23:59:60Z").epochNanos())
                .isEqualTo(Instant.parse("2016-12-31T23:59:59Z").getEpochSecond() * 1_000_000_000L);
    }

    @Example
    void acceptsTheFormsLogsUse() {
        long expected = Instant.parse("2024-05-01T10:00:00.5Z").toEpochMilli() * 1_000_000L;
        assertThat(Timestamps.parse("2024-05-01T10:00:00.5Z").epochNanos()).isEqualTo(expected);
        assertThat(Timestamps.parse("2024-05-01 10:00:00.5").epochNanos()).as("no zone means UTC").isEqualTo(expected);
        assertThat(Timestamps.parse("2024-05-01t10:00:00,5z").epochNanos()).isEqualTo(expected);
        assertThat(Timestamps.parse("2024-05-01T12:00:00.5+02").epochNanos()).isEqualTo(expected);
        assertThat(Timestamps.parse("1714557600.5").epochNanos()).isEqualTo(expected);
        assertThat(Timestamps.parse("-1.5").epochNanos()).isEqualTo(-1_500_000_000L);
    }

    @Example
    void refusesWhatIsNotATime() {
        for (String s : new String[] {"", "now", "2024-13-01T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z",
            "2024-05-01T10:00:00.Z", "2024-05-01T10:00:00+2400", "2024-05-01T10:00:00+02:0", "2024-05-01X10:00:00Z",
            "1.2.3", "-", ".", "2024-05-01T10:00:00Zjunk", "1".repeat(65)}) {
            assertThatThrownBy(() -> Timestamps.parse(s)).as(s).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Example
    void epochSecondsBeyondWhatNanosecondsCanHoldAreRefusedNotWrapped() {
        assertThatThrownBy(() -> Timestamps.parse("999999999999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.parse("9223372037")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.parse("1600-02-29T00:00:00Z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Timestamps.parse("2263-01-01T00:00:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Timestamps.parse("9223372036").epochNanos()).isEqualTo(9_223_372_036_000_000_000L);
    }

    @Provide
    Arbitrary<Long> nanos() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 4_102_444_800_000_000_000L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-86_400_000_000_000L, 86_400_000_000_000L)))
                .map(n -> n);
    }

    @Example
    void truncatesRatherThanRounds() {
        long n = Instant.parse("2024-12-31T23:59:59.999999999Z").truncatedTo(ChronoUnit.NANOS).getEpochSecond()
                * 1_000_000_000L + 999_999_999L;
        assertThat(Timestamps.format(n, 3)).isEqualTo("2024-12-31T23:59:59.999Z");
        assertThat(Timestamps.format(n, 0)).isEqualTo("2024-12-31T23:59:59Z");
    }
}
