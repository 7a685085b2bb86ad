package io.dscover.rules.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.ConnectionEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private static final long S = 1_000_000_000L;
    private static final Object[] KEY = {"10.0.0.5"};

    private static SequenceTracker threeSteps() {
        return new SequenceTracker(new SequenceConfig(List.of("source.ip"), Duration.ofSeconds(60), 3), 100);
    }

    @Test
    void allStepsMustComeInOrderWithinTheDuration() {
        SequenceTracker t = threeSteps();
        assertThat(t.step(0, new ConnectionEvent(), KEY, 0)).isNull();
        assertThat(t.step(2, new ConnectionEvent(), KEY, S)).isNull();      // step 2 before step 1: no progress
        assertThat(t.step(1, new ConnectionEvent(), KEY, 2 * S)).isNull();
        SequenceHit hit = t.step(2, new ConnectionEvent(), KEY, 60 * S);
        assertThat(hit).isNotNull();
        assertThat(hit.startNanos()).isZero();
        assertThat(hit.steps()).hasSize(3);
    }

    @Test
    void oneEventMatchingTwoStepsCannotCompleteBothAlone() {
        // the engine delivers the highest step first: step 2 then step 1 for the same event
        SequenceTracker t = threeSteps();
        t.step(0, new ConnectionEvent(), KEY, 0);
        ConnectionEvent both = new ConnectionEvent();
        assertThat(t.step(2, both, KEY, S)).isNull();
        assertThat(t.step(1, both, KEY, S)).isNull();
        assertThat(t.step(2, new ConnectionEvent(), KEY, 2 * S)).isNotNull();
    }

    @Test
    void aPartialMatchPastTheDurationIsDead() {
        SequenceTracker t = threeSteps();
        t.step(0, new ConnectionEvent(), KEY, 0);
        t.step(1, new ConnectionEvent(), KEY, 30 * S);
        assertThat(t.step(2, new ConnectionEvent(), KEY, 61 * S)).isNull();
    }

    @Test
    void keysThatCanNoLongerCompleteAreForgotten() {
        SequenceTracker t = threeSteps();
        for (int i = 0; i < 10; i++) {
            t.step(0, new ConnectionEvent(), new Object[] {"host" + i}, i * S);
        }
        assertThat(t.keys()).isEqualTo(10);
        t.sweep(70 * S);  // idle for more than 60 s: hosts 0..9 all
        assertThat(t.keys()).isZero();
    }

    @Test
    void laterStepsDoNotCreateKeys() {
        SequenceTracker t = threeSteps();
        t.step(1, new ConnectionEvent(), KEY, 0);
        t.step(2, new ConnectionEvent(), KEY, 0);
        assertThat(t.keys()).isZero();
    }
}
