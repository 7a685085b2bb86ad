package io.dscover.model.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StixTimestampTest {

    @ParameterizedTest
    @ValueSource(strings = {"2021-11-10T09:30:48.697365Z", "2025-11-12T22:03:39.105Z", "2017-06-01T00:00:00Z",
        "2030-01-01T00:00:00.000000001Z", "2024-02-29T23:59:59.9Z"})
    void writesWhatItRead(String text) {
        StixTimestamp t = StixTimestamp.parse(text);
        assertThat(t.toString()).isEqualTo(text);
        assertThat(t.instant()).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-11-10 09:30:48Z", "2021-11-10T09:30:48+00:00", "2021-11-10T09:30:48", "2021-11-10",
        "2021-11-10T09:30:48.Z", "2021-02-30T00:00:00Z", "yesterday", "2021-11-10T09:30:48.1234567890Z"})
    void refusesWhatStixDoesNotAllow(String text) {
        assertThatThrownBy(() -> StixTimestamp.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void comparesByTimeNotText() {
        assertThat(StixTimestamp.parse("2021-11-10T09:30:48Z"))
                .isLessThan(StixTimestamp.parse("2021-11-10T09:30:48.1Z"));
        assertThat(StixTimestamp.parse("2021-11-10T09:30:48.5Z").date()).isEqualTo("2021-11-10");
    }
}
