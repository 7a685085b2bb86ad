package io.dscover.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimeOrderedMergeTest {

    private static final long S = 1_000_000_000L;

    private static NetworkEvent at(long seconds, String label) {
        ConnectionEvent e = new ConnectionEvent();
        e.setTs(seconds * S);
        e.setLogFilePath(label);
        return e;
    }

    private static List<String> drain(TimeOrderedMerge m) throws IOException {
        List<String> out = new ArrayList<>();
        NetworkEvent e;
        while ((e = m.next()) != null) {
            out.add(e.getLogFilePath());
        }
        return out;
    }

    @Test
    void mergesInputsByEventTimeBreakingTiesByInputOrder() throws IOException {
        EventStream a = EventStream.of(List.of(at(1, "a1"), at(3, "a3"), at(5, "a5")));
        EventStream b = EventStream.of(List.of(at(2, "b2"), at(3, "b3"), at(4, "b4")));

        assertThat(drain(new TimeOrderedMerge(List.of(a, b), Duration.ZERO)))
                .containsExactly("a1", "b2", "a3", "b3", "b4", "a5");
    }

    @Test
    void sortsOutDisorderWithinTheLateness() throws IOException {
        EventStream a = EventStream.of(List.of(at(10, "10"), at(8, "8"), at(12, "12"), at(9, "9"), at(15, "15")));
        TimeOrderedMerge m = new TimeOrderedMerge(List.of(a), Duration.ofSeconds(5));

        assertThat(drain(m)).containsExactly("8", "9", "10", "12", "15");
        assertThat(m.lateEvents()).isZero();
    }

    @Test
    void anEventLaterThanTheLatenessIsReleasedLateNotLost() throws IOException {
        // 0 is released once 100 is read, 100 once 200 is read; then 1 comes, behind 100
        EventStream a = EventStream.of(List.of(at(0, "0"), at(100, "100"), at(200, "200"), at(1, "1")));
        TimeOrderedMerge m = new TimeOrderedMerge(List.of(a), Duration.ofSeconds(5));

        assertThat(drain(m)).containsExactly("0", "100", "1", "200");
        assertThat(m.lateEvents()).isEqualTo(1);
    }

    @Test
    void aFullBufferReleasesEarlyAndCountsIt() throws IOException {
        List<NetworkEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(at(i, Integer.toString(i)));
        }
        TimeOrderedMerge m = new TimeOrderedMerge(List.of(EventStream.of(events)), Duration.ofHours(1), 3);

        assertThat(drain(m)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(m.releasedEarly()).isPositive();
        assertThat(m.mostBuffered()).isLessThanOrEqualTo(4);
    }

    @Test
    void readsOnlyAsFarAheadAsTheSlowestInputNeeds() throws IOException {
        // a covers hours 0..1, b hour 10: a is drained while b holds one event
        List<NetworkEvent> early = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            early.add(at(i, "a"));
        }
        TimeOrderedMerge m = new TimeOrderedMerge(List.of(EventStream.of(early),
                EventStream.of(List.of(at(36_000, "b")))), Duration.ofSeconds(5));
        drain(m);
        assertThat(m.mostBuffered()).isLessThan(10);
    }

    @Property(tries = 200)
    void losesNothingAndSortsWhateverIsWithinTheLateness(
            @ForAll @Size(min = 1, max = 4) List<@Size(max = 60) List<@IntRange(min = 0, max = 8) Integer>> jitters,
            @ForAll @IntRange(min = 0, max = 10) int latenessSeconds) throws IOException {
        // each input: times 10*i + jitter (disorder up to 8 s)
        List<EventStream> inputs = new ArrayList<>();
        List<NetworkEvent> all = new ArrayList<>();
        for (int k = 0; k < jitters.size(); k++) {
            List<NetworkEvent> in = new ArrayList<>();
            List<Integer> j = jitters.get(k);
            for (int i = 0; i < j.size(); i++) {
                in.add(at(10L * i + j.get(i), k + ":" + i));
            }
            all.addAll(in);
            inputs.add(EventStream.of(in));
        }
        TimeOrderedMerge m = new TimeOrderedMerge(inputs, Duration.ofSeconds(latenessSeconds));
        List<NetworkEvent> out = new ArrayList<>();
        NetworkEvent e;
        while ((e = m.next()) != null) {
            out.add(e);
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(all);
        long inversions = 0;
        long newest = Long.MIN_VALUE;
        for (NetworkEvent x : out) {
            if (x.getTs() < newest) {
                inversions++;
            }
            newest = Math.max(newest, x.getTs());
        }
        assertThat(m.lateEvents()).isEqualTo(inversions);
        if (latenessSeconds >= 8) {
            assertThat(out).isSortedAccordingTo(Comparator.comparingLong(NetworkEvent::getTs));
        }
    }
}
