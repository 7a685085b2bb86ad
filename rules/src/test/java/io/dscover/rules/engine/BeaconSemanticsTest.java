package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.at;
import static io.dscover.rules.engine.Events.flowBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code beaconing}: flows to port 443, beacon by source.ip, destination.ip within 1h min 12 having
 * score >= 0.8 (RITA's equal weights, 24 bins of 150 s over [E - 1h, E]).
 */
class BeaconSemanticsTest {

    private static final String SRC = "10.0.0.5";
    private static final String C2 = "198.51.100.7";

    @Test
    void aRegularBeaconRaisesOneAlertOnceItHasCalledBackOverEnoughOfTheWindow() {
        List<FlowEvent> events = new ArrayList<>();
        for (int k = 0; k <= 40; k++) {
            events.add(flowBytes(60 * k, SRC, C2, 443, 1000));
        }
        List<Alert> alerts = SemanticsRules.run(events);

        // Connection k (t = 60k) sees bins of 150 s over [60k - 3600, 60k]: its connections fill the last
        // ceil(0.4k) bins. Intervals and sizes are constant: timestamp 1, data size 1. Below 11 filled bins
        // there is no bimodal fit and the cv of mostly empty bins exceeds 1: histogram 0, so the score is at
        // most (1 + 1 + 10/12 + 0)/4 < 0.8. At k = 26 (t = 1560) 11 bins hold 1,3,2,3,2,3,2,3,2,3,3
        // connections: bimodal fit (6 + 4)/10 = 1 -> histogram 1; duration max(coverage 0.434,
        // consistency ceil3(11/12) = 0.917); score = (1 + 1 + 0.917 + 1)/4 = 0.979. It stays above 0.8 after.
        // The pair is scored at k = 11 (min 12 reached), then one bin (150 s) later at the earliest: k = 14,
        // 17, 20, 23 and 26, so the alert comes at k = 26 as if scored on every connection.
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.kind()).isEqualTo(AlertKind.BEACON);
        assertThat(a.tsNanos()).isEqualTo(at(1560));
        assertThat(a.value()).isEqualTo(0.979);
        assertThat(a.details()).containsEntry("ts_score", 1.0).containsEntry("ds_score", 1.0)
                .containsEntry("dur_score", 0.917).containsEntry("hist_score", 1.0)
                .containsEntry("connections", 27).containsEntry("median_interval_s", 60.0);
        assertThat(a.windowStartNanos()).isEqualTo(at(1560 - 3600));
        assertThat(a.group()).containsEntry("source.ip", SRC).containsEntry("destination.ip", C2);
        assertThat(a.evidence()).hasSize(10);
    }

    @Test
    void aJitteredBeaconIsStillABeacon() {
        int[] gaps = {50, 70, 45, 75, 60, 40, 80, 55, 65, 35, 85};
        long[] sizes = {1000, 1400, 800, 1200, 1000, 600, 1600, 900, 1100, 700, 1300, 1050};
        List<FlowEvent> events = new ArrayList<>();
        long t = 0;
        for (int k = 0; k < 60; k++) {
            events.add(flowBytes(t, SRC, C2, 443, sizes[k % sizes.length]));
            t += gaps[k % gaps.length];
        }
        List<Alert> alerts = SemanticsRules.run(events);

        assertThat(alerts).hasSize(1);
        assertThat((Double) alerts.get(0).details().get("ts_score")).isLessThan(1.0);
        assertThat(alerts.get(0).value().doubleValue()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void randomTrafficIsNotABeacon() {
        SplittableRandom r = new SplittableRandom(7);
        List<FlowEvent> events = new ArrayList<>();
        double t = 0;
        for (int k = 0; k < 120; k++) {
            events.add(flowBytes(Math.floor(t), SRC, C2, 443, 200 + r.nextInt(20_000)));
            t += -60 * Math.log(1 - r.nextDouble());   // exponential gaps, mean 60 s
        }
        assertThat(SemanticsRules.run(events)).isEmpty();
    }

    @Test
    void flowLogRecordsAreScoredAtTheirIntervalAndSaySo() {
        // a 5-minute beacon with jitter, logged in 60 s aggregation intervals (see BeaconTrackerTest):
        // at the 12th record (t = 6900) times truncated to the minute give timestamp 0.9; bins of 150 s over
        // [3300, 6900] hold 12 single records (2,4,5,8,9,12,13,16,17,20,21,23): histogram max(cv 1 -> 0,
        // bimodal 12/11 -> 1) = 1; duration max(coverage ceil3(3300/3600) = 0.917, longest run 2/12);
        // sizes constant -> 1. Score = round3(0.25 * (0.9 + 1 + 0.917 + 1)) = 0.954.
        long[] times = {3600, 3920, 4180, 4540, 4760, 5110, 5390, 5750, 5950, 6330, 6570, 6900};
        List<FlowEvent> events = new ArrayList<>();
        for (long s : times) {
            FlowEvent f = flowBytes(s, SRC, C2, 443, 1000);
            f.setFlowAggregationInterval(60_000_000_000L);
            events.add(f);
        }
        List<Alert> alerts = SemanticsRules.run(events);

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).tsNanos()).isEqualTo(at(6900));
        assertThat(alerts.get(0).value()).isEqualTo(0.954);
        assertThat(alerts.get(0).details()).containsEntry("ts_score", 0.9).containsEntry("dur_score", 0.917)
                .containsEntry("resolution_s", 60.0);
    }
}
