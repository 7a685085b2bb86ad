package io.dscover.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.bench.SyntheticFlows;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * State is bounded by what the windows need, not by how long the input is: once the longest window
 * (the beacon's hour) is full, the groups held stop growing while the input keeps bringing new keys.
 * (The 10-million-event heap soak is {@code benchmarks/engine/run.sh soak}.)
 */
class MemoryBoundTest {

    @Test
    void groupsHeldStayFlatOnceTheLongestWindowIsFull() {
        // 20 flows/s: the 1 h beacon window holds 72,000 flows; sample at 2.5 and 5 hours of traffic
        SyntheticFlows flows = new SyntheticFlows(11, 360_000, 20, 2_000, 50_000);
        Set<String> pairsSeen = new HashSet<>();
        long atHalf = 0;
        long atEnd;
        try (EngineRun run = SemanticsRules.engine().withMatcherThreads(1).start(a -> { })) {
            NetworkEvent e;
            long n = 0;
            while ((e = flows.next()) != null) {
                run.accept(e);
                if (e.getDestinationPort() == 443) {
                    pairsSeen.add(e.getSourceIp() + ">" + e.getDestinationIp());
                }
                if (++n == 180_000) {
                    atHalf = groups(run.summary());
                }
            }
            atEnd = groups(run.finish());
        }
        assertThat(atEnd).isBetween((long) (atHalf * 0.9), (long) (atHalf * 1.1));
        assertThat(atEnd).isLessThan(pairsSeen.size() / 2);
    }

    private static long groups(RunSummary s) {
        return s.rules().stream().mapToLong(RunSummary.RuleSummary::groups).sum();
    }
}
