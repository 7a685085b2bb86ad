package io.dscover.rules.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.FlowEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window functions slide exactly: expected values are worked out by hand in the comments. The
 * having predicate records every value it is asked about and never fires, so the list is the
 * window's value after each event.
 */
class AggregateWindowTest {

    private static final long S = 1_000_000_000L;
    /** (time s, value) pairs fed to a 25 s window. */
    private static final long[][] SERIES = {{0, 5}, {10, 3}, {20, 8}, {30, 1}, {40, 7}, {50, 2}, {80, 4}};
    // windows [t-25, t]:  t0 {5}  t10 {5,3}  t20 {5,3,8}  t30 {3,8,1}  t40 {8,1,7}  t50 {1,7,2}  t80 {4}

    private static List<Double> valuesAfterEachEvent(AggregateFunction f) {
        List<Double> seen = new ArrayList<>();
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(f, "source.bytes", List.of("source.ip"),
                Duration.ofSeconds(25), Having.of("never", v -> seen.add(v) && false)), 100);
        for (long[] point : SERIES) {
            w.add(new FlowEvent(), new Object[] {"10.0.0.1"}, point[1], point[0] * S);
        }
        return seen;
    }

    @Test
    void countSlides() {
        assertThat(valuesAfterEachEvent(AggregateFunction.COUNT)).containsExactly(1.0, 2.0, 3.0, 3.0, 3.0, 3.0, 1.0);
    }

    @Test
    void sumSlides() {
        assertThat(valuesAfterEachEvent(AggregateFunction.SUM)).containsExactly(5.0, 8.0, 16.0, 12.0, 16.0, 10.0, 4.0);
    }

    @Test
    void minSlides() {
        assertThat(valuesAfterEachEvent(AggregateFunction.MIN)).containsExactly(5.0, 3.0, 3.0, 1.0, 1.0, 1.0, 4.0);
    }

    @Test
    void maxSlides() {
        assertThat(valuesAfterEachEvent(AggregateFunction.MAX)).containsExactly(5.0, 5.0, 8.0, 8.0, 8.0, 7.0, 4.0);
    }

    @Test
    void avgSlides() {
        assertThat(valuesAfterEachEvent(AggregateFunction.AVG))
                .containsExactly(5.0, 4.0, 16.0 / 3, 4.0, 16.0 / 3, 10.0 / 3, 4.0);
    }

    @Test
    void countDistinctCountsValuesNotEvents() {
        List<Double> seen = new ArrayList<>();
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(AggregateFunction.COUNT_DISTINCT,
                "destination.port", List.of("source.ip"), Duration.ofSeconds(10),
                Having.of("never", v -> seen.add(v) && false)), 100);
        Object[] key = {"10.0.0.1"};
        long[][] points = {{0, 22}, {1, 22}, {2, 80}, {11, 443}, {12, 443}, {13, 22}};
        // windows [t-10, t]: t0 {22}  t1 {22,22}  t2 {22,22,80}  t11 {22,80,443}  t12 {80,443,443}  t13 {443,443,22}
        for (long[] p : points) {
            w.add(new FlowEvent(), key, p[1], p[0] * S);
        }
        assertThat(seen).containsExactly(1.0, 1.0, 2.0, 3.0, 2.0, 2.0);
    }

    @Test
    void sumIsExactForIntegersAndDropsRoundingWhenFractionsLeave() {
        List<Double> seen = new ArrayList<>();
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(AggregateFunction.SUM, "x",
                List.of(), Duration.ofSeconds(5), Having.of("never", v -> seen.add(v) && false)), 10);
        w.add(new FlowEvent(), new Object[0], 0.1, 0);
        w.add(new FlowEvent(), new Object[0], 0.2, S);
        w.add(new FlowEvent(), new Object[0], Long.MAX_VALUE / 2, 10 * S); // both fractions have left
        assertThat(seen.get(2)).isEqualTo((double) (Long.MAX_VALUE / 2));
    }

    @Test
    void eventsWithoutAUsableValueAreIgnoredByFunctionsOfAField() {
        List<Double> seen = new ArrayList<>();
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(AggregateFunction.SUM, "source.bytes",
                List.of("source.ip"), Duration.ofSeconds(25), Having.of("never", v -> seen.add(v) && false)), 100);
        w.add(new FlowEvent(), new Object[] {"a"}, 10L, 0);
        w.add(new FlowEvent(), new Object[] {"a"}, null, S);
        w.add(new FlowEvent(), new Object[] {"a"}, "not a number", 2 * S);
        w.add(new FlowEvent(), new Object[] {"a"}, 5L, 3 * S);
        assertThat(seen).containsExactly(10.0, 15.0);
        assertThat(w.ignored()).isEqualTo(2);
    }

    @Test
    void groupsAreIndependentAndNullIsAKeyValue() {
        List<Double> seen = new ArrayList<>();
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(AggregateFunction.COUNT, null,
                List.of("source.ip"), Duration.ofSeconds(25), Having.of("never", v -> seen.add(v) && false)), 100);
        w.add(new FlowEvent(), new Object[] {"a"}, null, 0);
        w.add(new FlowEvent(), new Object[] {"b"}, null, S);
        w.add(new FlowEvent(), new Object[] {null}, null, 2 * S);
        w.add(new FlowEvent(), new Object[] {"a"}, null, 3 * S);
        w.add(new FlowEvent(), new Object[] {null}, null, 4 * S);
        assertThat(seen).containsExactly(1.0, 1.0, 1.0, 2.0, 2.0);
        assertThat(w.groups()).isEqualTo(3);
    }

    @Test
    void groupsWhoseWindowEmptiedAreForgotten() {
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(AggregateFunction.COUNT, null,
                List.of("source.ip"), Duration.ofSeconds(10), Having.atLeast(100)), 100);
        for (int i = 0; i < 50; i++) {
            w.add(new FlowEvent(), new Object[] {"host" + i}, null, i * S);
        }
        // at t=49 only the groups touched in [39, 49] can still hold anything
        assertThat(w.groups()).isEqualTo(11);
        w.sweep(1000 * S);
        assertThat(w.groups()).isZero();
    }

    @Test
    void theBucketIsTheWindowsThousandthRoundedDownToAPowerOfTen() {
        assertThat(AggregateWindow.quantum(Duration.ofSeconds(60).toNanos())).isEqualTo(10_000_000L);
        assertThat(AggregateWindow.quantum(Duration.ofMinutes(5).toNanos())).isEqualTo(100_000_000L);
        assertThat(AggregateWindow.quantum(Duration.ofHours(1).toNanos())).isEqualTo(1_000_000_000L);
        assertThat(AggregateWindow.quantum(Duration.ofHours(6).toNanos())).isEqualTo(10_000_000_000L);
        assertThat(AggregateWindow.quantum(999)).isEqualTo(1);
    }

    @Test
    void eventsOfOneBucketMergeSoARateDoesNotCostMemory() {
        // an hour's window, 1 s buckets: 10,000 events in one second are one entry
        for (AggregateFunction f : AggregateFunction.values()) {
            GroupWindow g = new GroupWindow(f, S, 10);
            long small = 0;
            for (int i = 0; i < 10_000; i++) {
                g.add(i * 50_000L, (long) (i % 7), null);   // all within the first second, values 0..6
                if (i == 99) {
                    small = g.estimatedBytes();   // every value seen, evidence ring full
                }
            }
            assertThat(g.estimatedBytes()).as(f.name()).isEqualTo(small);
            Number expected = switch (f) {
                case COUNT -> 10_000L;
                case COUNT_DISTINCT -> 7L;
                case SUM -> 29_994L;          // 1428 full cycles of 0..6 (21 each) = 29,988, plus 0+1+2+3
                case MIN -> 0L;
                case MAX -> 6L;
                case AVG -> 29_994 / 10_000.0;
            };
            assertThat(g.value()).as(f.name()).isEqualTo(expected);
        }
    }

    @Test
    void mergedBucketsLeaveAsTheyCame() {
        List<Double> seen = new ArrayList<>();
        AggregateWindow w = new AggregateWindow(AggregateWindowConfig.of(AggregateFunction.MAX, "x", List.of(),
                Duration.ofSeconds(10), Having.of("never", v -> seen.add(v) && false)), 10);
        // 10 s window, 10 ms buckets: 9 then 4 in one bucket, 7 in a later one; at t=10.005 the first bucket
        // [0, 0.01) is out (its start 0 < 0.005), although the exact window [0.005, 10.005] would keep 9 at 0.006
        w.add(new FlowEvent(), new Object[0], 9L, 6_000_000L);
        w.add(new FlowEvent(), new Object[0], 4L, 7_000_000L);
        w.add(new FlowEvent(), new Object[0], 7L, 5 * S);
        w.add(new FlowEvent(), new Object[0], 1L, 10 * S + 5_000_000L);
        assertThat(seen).containsExactly(9.0, 9.0, 9.0, 7.0);
    }
}
