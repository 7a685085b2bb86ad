package io.dscover.rules.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeaconTrackerTest {

    private static final long S = 1_000_000_000L;
    private static final Object[] PAIR = {"10.0.0.5", "198.51.100.7"};
    /** A 5-minute beacon with up to 50 s of jitter, from t = 3600 s. */
    private static final long[] JITTERED = {3600, 3920, 4180, 4540, 4760, 5110, 5390, 5750, 5950, 6330, 6570, 6900};

    private static FlowEvent flow(long bytes, Long aggregationIntervalSeconds) {
        FlowEvent f = new FlowEvent();
        f.setSourceBytes(bytes);
        if (aggregationIntervalSeconds != null) {
            f.setFlowAggregationInterval(aggregationIntervalSeconds * S);
        }
        return f;
    }

    /** threshold 0: the first scoring (at the 12th connection) raises a hit, so its score can be read. */
    private static BeaconHit firstScore(Long aggregationIntervalSeconds) {
        BeaconTracker t = new BeaconTracker(BeaconConfig.of(List.of("source.ip", "destination.ip"),
                Duration.ofHours(2), 12, 0.0), 100);
        BeaconHit hit = null;
        for (long s : JITTERED) {
            BeaconHit h = t.observe(flow(1000, aggregationIntervalSeconds), PAIR, s * S);
            if (h != null) {
                assertThat(hit).as("one hit only").isNull();
                hit = h;
            }
        }
        return hit;
    }

    @Test
    void flowLogTimesAreQuantisedToTheirAggregationInterval() {
        // truncated to the minute: 3600 3900 4140 4500 4740 5100 5340 5700 5940 6300 6540 6900;
        // intervals 300 240 360 240 360 240 360 240 360 240 360: median 300, Q1 240, Q3 360 -> Bowley 0 -> 1;
        // |d-300| is 60 ten times and 0 once -> MAD 60 -> 240/300 = 0.8; timestamp = 0.9
        BeaconHit hit = firstScore(60L);

        assertThat(hit.connections()).isEqualTo(12);
        assertThat(hit.score().resolutionNanos()).isEqualTo(60 * S);
        assertThat(hit.score().medianIntervalSeconds()).isEqualTo(300.0);
        assertThat(hit.score().intervalMadSeconds()).isEqualTo(60.0);
        assertThat(hit.score().timestampScore()).isEqualTo(0.9);
        assertThat(hit.score().details()).containsEntry("resolution_s", 60.0);
    }

    @Test
    void atOneSecondTheSameConnectionsLookLessRegular() {
        // intervals 320 260 360 220 350 280 360 200 380 240 330: median 320, Q1 240, Q3 360 ->
        // Bowley -40/120 -> 0.667; MAD 40 -> 280/320 = 0.875; timestamp = round3(0.77083) = 0.771
        BeaconHit hit = firstScore(null);

        assertThat(hit.score().resolutionNanos()).isEqualTo(S);
        assertThat(hit.score().medianIntervalSeconds()).isEqualTo(320.0);
        assertThat(hit.score().timestampScore()).isEqualTo(0.771);
    }

    @Test
    void aStrobeIsReportedOnceAndNotScored() {
        BeaconTracker t = new BeaconTracker(BeaconConfig.of(List.of("source.ip", "destination.ip"),
                Duration.ofHours(1), 12, 0.8).withStrobeLimit(20), 100);
        List<BeaconHit> hits = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            BeaconHit h = t.observe(flow(100, null), PAIR, i * S);
            if (h != null) {
                hits.add(h);
            }
        }
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).strobe()).isTrue();
        assertThat(hits.get(0).connections()).isEqualTo(21);   // more than the limit of 20
        assertThat(hits.get(0).score()).isNull();
        assertThat(t.strobes()).isEqualTo(1);

        // an hour later the pair is quiet enough again: a new burst is a new strobe episode
        for (int i = 0; i < 30; i++) {
            BeaconHit h = t.observe(flow(100, null), PAIR, (5000 + i) * S);
            if (h != null) {
                hits.add(h);
            }
        }
        assertThat(hits).hasSize(2);
        assertThat(t.strobes()).isEqualTo(2);
    }

    @Test
    void theDefaultStrobeLimitIsRitasDailyLimitScaledToTheWindow() {
        assertThat(BeaconConfig.defaultStrobeLimit(Duration.ofDays(1))).isEqualTo(86_400);
        assertThat(BeaconConfig.defaultStrobeLimit(Duration.ofHours(6))).isEqualTo(21_600);
    }

    @Test
    void keysWithNothingLeftInTheWindowAreForgotten() {
        BeaconTracker t = new BeaconTracker(BeaconConfig.of(List.of("source.ip", "destination.ip"),
                Duration.ofMinutes(10), 12, 0.8), 100);
        for (int i = 0; i < 100; i++) {
            t.observe(flow(100, null), new Object[] {"10.0.0." + i, "198.51.100.7"}, i * 60 * S);
        }
        // at t = 99 min only the keys touched in the last 10 minutes remain
        assertThat(t.keys()).isEqualTo(11);
    }
}
