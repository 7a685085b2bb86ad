package io.dscover.rules.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RITA's beacon score, each expectation worked out by hand in the comments. */
class BeaconScorerTest {

    private static final long S = 1_000_000_000L;
    private static final BeaconScorer SCORER = new BeaconScorer(
            BeaconConfig.of(List.of("source.ip", "destination.ip"), Duration.ofHours(1), 4, 0.8));

    private static long[] seconds(long... s) {
        long[] t = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = s[i] * S;
        }
        return t;
    }

    private static long[] none(int n) {
        long[] b = new long[n];
        java.util.Arrays.fill(b, Long.MIN_VALUE);
        return b;
    }

    @Test
    void aPerfectBeaconScoresOne() {
        // 13 connections every 60 s, 1000 bytes each, over [0, 720]:
        // intervals all 60: IQR 0 < 10 so skew 0, MAD 0 -> timestamp 1; sizes likewise -> data size 1
        // 24 bins of 30 s: bins 0,2,..,22 and 23 hold one each (13 bars): cv = 0.920 -> 0.080,
        //   bimodal: 13 bars of height 1 in one bucket, 13/12 -> capped 1; histogram 1
        // duration: coverage 720/720 = 1
        long[] t = seconds(0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720);
        long[] b = new long[13];
        java.util.Arrays.fill(b, 1000);
        BeaconScore s = SCORER.score(t, b, 13, 0, 720 * S, S);

        assertThat(s.timestampScore()).isEqualTo(1.0);
        assertThat(s.dataSizeScore()).isEqualTo(1.0);
        assertThat(s.histogramScore()).isEqualTo(1.0);
        assertThat(s.durationScore()).isEqualTo(1.0);
        assertThat(s.score()).isEqualTo(1.0);
        assertThat(s.medianIntervalSeconds()).isEqualTo(60.0);
    }

    @Test
    void aJitteredBeaconScoresHighButBelowOne() {
        // intervals 50 70 45 75 60 40 80 55 65 35 85, sorted 35..85: median 60, Q1 45, Q3 75 -> Bowley
        //   (45+75-120)/30 = 0 -> skew 1; |d-60| sorted 0 5 5 10 10 15 15 20 20 25 25 -> MAD 15 -> 45/60 = 0.75;
        //   timestamp = (1 + 0.75)/2 = 0.875
        // sizes sorted 600 700 800 900 1000 1000 1050 1100 1200 1300 1400 1600: median 1025, Q1 850, Q3 1250
        //   -> Bowley (850+1250-2050)/400 = 0.125 -> 0.875; |b-1025| median 200 -> 825/1025 = 0.8049;
        //   data size = round3(0.83994) = 0.840
        // 24 bins of 27.5 s: 12 bars of height 1 -> cv 1 -> 0; bimodal 12/11 -> 1; histogram 1
        // duration: coverage 660/660 = 1
        // score = (0.875 + 0.840 + 1 + 1)/4 = 0.92875 -> 0.929
        long[] t = seconds(0, 50, 120, 165, 240, 300, 340, 420, 475, 540, 575, 660);
        long[] b = {1000, 1400, 800, 1200, 1000, 600, 1600, 900, 1100, 700, 1300, 1050};
        BeaconScore s = SCORER.score(t, b, 12, 0, 660 * S, S);

        assertThat(s.timestampScore()).isEqualTo(0.875);
        assertThat(s.dataSizeScore()).isEqualTo(0.840);
        assertThat(s.histogramScore()).isEqualTo(1.0);
        assertThat(s.durationScore()).isEqualTo(1.0);
        assertThat(s.score()).isEqualTo(0.929);
        assertThat(s.medianIntervalSeconds()).isEqualTo(60.0);
        assertThat(s.intervalMadSeconds()).isEqualTo(15.0);
        assertThat(s.intervalSkew()).isEqualTo(0.0);
        assertThat(s.medianBytes()).isEqualTo(1025.0);
    }

    @Test
    void fewConnectionsSpreadThinScoreLowOnTheHistogram() {
        // intervals 55 65 55 65 60 65 55: median 60, Q1 55, Q3 65, IQR 10 -> Bowley 0 -> 1; MAD 5 -> 55/60;
        //   timestamp = round3(0.95833) = 0.958
        // sizes 900 950 1000 1000 1000 1050 1100 1300: median 1000, Q1 975, Q3 1075 -> Bowley 0.5 -> 0.5;
        //   MAD 50 -> 0.95; data size = 0.725
        // 24 bins of 17.5 s: 8 bars of 1 -> cv 1.414 -> 0; 8 bars < 11: no bimodal fit; histogram 0
        // duration: 8 bars >= 6: coverage 1 (the wrapping run 23,0 of 2 bars gives consistency only 0.167)
        // score = (0.958 + 0.725 + 1 + 0)/4 = 0.67075 -> 0.671
        long[] t = seconds(0, 55, 120, 175, 240, 300, 365, 420);
        long[] b = {900, 1000, 1100, 1000, 1300, 1000, 950, 1050};
        BeaconScore s = SCORER.score(t, b, 8, 0, 420 * S, S);

        assertThat(s.timestampScore()).isEqualTo(0.958);
        assertThat(s.dataSizeScore()).isEqualTo(0.725);
        assertThat(s.histogramScore()).isEqualTo(0.0);
        assertThat(s.durationScore()).isEqualTo(1.0);
        assertThat(s.score()).isEqualTo(0.671);
    }

    @Test
    void withoutSizesTheScoreIsTheMeanOfTheOtherParts() {
        // the jittered beacon without sizes: (0.875 + 1 + 1)/3 = 0.95833 -> 0.958
        long[] t = seconds(0, 50, 120, 165, 240, 300, 340, 420, 475, 540, 575, 660);
        BeaconScore s = SCORER.score(t, none(12), 12, 0, 660 * S, S);

        assertThat(s.dataSizeScore()).isNull();
        assertThat(s.medianBytes()).isNull();
        assertThat(s.score()).isEqualTo(0.958);
    }

    @Test
    void weightsAreConfigurable() {
        BeaconScorer timestampsOnly = new BeaconScorer(BeaconConfig.of(List.of(), Duration.ofHours(1), 4, 0.8)
                .withWeights(new BeaconWeights(1, 0, 0, 0)));
        long[] t = seconds(0, 50, 120, 165, 240, 300, 340, 420, 475, 540, 575, 660);
        long[] b = {1000, 1400, 800, 1200, 1000, 600, 1600, 900, 1100, 700, 1300, 1050};
        BeaconScore s = timestampsOnly.score(t, b, 12, 0, 660 * S, S);

        assertThat(s.score()).isEqualTo(0.875);
        assertThat(s.histogramScore()).isNull();
        assertThat(s.dataSizeScore()).isNull();
    }

    @Test
    void fewerThanFourDistinctTimesCannotBeScored() {
        assertThat(SCORER.score(seconds(0, 0, 0, 60, 120), none(5), 5, 0, 120 * S, S)).isNull();
        assertThat(SCORER.score(seconds(0, 0, 60, 120, 180), none(5), 5, 0, 180 * S, S)).isNotNull();
    }

    @Test
    void bowleySkewIsZeroWhenTheSpreadIsTinyOrTheMedianSitsOnAQuartile() {
        assertThat(BeaconScorer.bowley(new double[] {900, 950, 1000, 1000, 1000, 1050, 1100, 1300})).isEqualTo(0.5);
        assertThat(BeaconScorer.bowley(new double[] {100, 101, 102, 103, 104})).isZero();   // IQR 3 < 10
        assertThat(BeaconScorer.bowley(new double[] {1, 1, 1, 50, 100})).isZero();         // Q1 = Q2 = 1
        assertThat(BeaconScorer.bowley(new double[] {10, 20, 30, 100, 200})).isEqualTo((15 + 150 - 60) / 135.0);
    }

    @Test
    void theLongestRunOfBinsWrapsAround() {
        assertThat(BeaconScorer.longestRun(new int[] {1, 0, 0, 1})).isEqualTo(2);
        assertThat(BeaconScorer.longestRun(new int[] {1, 1, 1, 1})).isEqualTo(4);
        assertThat(BeaconScorer.longestRun(new int[] {0, 1, 1, 0})).isEqualTo(2);
    }
}
