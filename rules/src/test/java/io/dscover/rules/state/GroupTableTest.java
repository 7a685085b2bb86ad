package io.dscover.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GroupTableTest {

    static final class G extends GroupState {
    }

    private static GroupKey k(String s) {
        return GroupKey.of(new Object[] {s});
    }

    @Test
    void idleGroupsAreDroppedAndActiveOnesKept() {
        GroupTable<G> t = new GroupTable<>(100, 10);
        t.touch(k("a"), 0, x -> new G());
        t.touch(k("b"), 5, x -> new G());
        t.touch(k("a"), 8, x -> new G());       // a stays busy
        t.sweep(16);                            // b idle 11 > 10: dropped; a idle 8: kept (second chance)
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.touchIfPresent(k("a"), 16)).isNotNull();
        assertThat(t.touchIfPresent(k("b"), 16)).isNull();
        assertThat(t.expired()).isEqualTo(1);
        t.sweep(27);
        assertThat(t.size()).isZero();
    }

    @Test
    void beyondTheCapAGroupNotTouchedSinceQueuedIsEvictedAndCounted() {
        GroupTable<G> t = new GroupTable<>(3, 1_000);
        t.touch(k("a"), 1, x -> new G());
        t.touch(k("b"), 2, x -> new G());
        t.touch(k("c"), 3, x -> new G());
        t.touch(k("a"), 4, x -> new G());       // a touched again: second chance
        t.touch(k("d"), 5, x -> new G());       // evicts b, the oldest untouched
        assertThat(t.evictions()).isEqualTo(1);
        assertThat(t.touchIfPresent(k("b"), 6)).isNull();
        assertThat(t.touchIfPresent(k("a"), 6)).isNotNull();
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void aMillionSprayedKeysCostEvictionsNotMemory() {
        GroupTable<G> t = new GroupTable<>(1_000, Long.MAX_VALUE);
        for (int i = 0; i < 1_000_000; i++) {
            t.touch(GroupKey.of(new Object[] {i}), i, x -> new G());
        }
        assertThat(t.size()).isEqualTo(1_000);
        assertThat(t.evictions()).isEqualTo(999_000);
    }

    @Test
    void groupsOverTheMemoryBudgetAreEvictedLeastRecentlyUsedFirst() {
        MemoryBudget budget = new MemoryBudget(1_000);
        GroupTable<G> t = new GroupTable<>(100, 1_000, budget);
        G a = t.touch(k("a"), 1, x -> new G());
        t.weigh(a, 400);
        G b = t.touch(k("b"), 2, x -> new G());
        t.weigh(b, 400);
        t.touch(k("a"), 3, x -> new G());          // a is in use again
        G c = t.touch(k("c"), 4, x -> new G());
        t.weigh(c, 400);                           // 1,200 > 1,000: b, untouched since queued, goes

        assertThat(t.evictions()).isEqualTo(1);
        assertThat(t.touchIfPresent(k("b"), 5)).isNull();
        assertThat(budget.usedBytes()).isEqualTo(800);
        assertThat(budget.peakBytes()).isEqualTo(1_200);
        t.weigh(a, 100);                           // a shrank
        assertThat(budget.usedBytes()).isEqualTo(500);
        t.sweep(10_000);                           // all idle: their bytes are returned
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void iteratesInQueueOrder() {
        GroupTable<G> t = new GroupTable<>(10, 100);
        for (String s : new String[] {"x", "y", "z"}) {
            t.touch(k(s), 0, x -> new G());
        }
        List<Object> keys = new ArrayList<>();
        t.groups().forEach(g -> keys.add(g.key().get(0)));
        assertThat(keys).containsExactly("x", "y", "z");
    }

    /** Ops: 0..199 touch key op, 200..209 sweep, 210..219 grow a group over a small budget. */
    @Property(tries = 300)
    void theTableHoldsExactlyTheQueuedGroups(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 219) Integer> ops) {
        MemoryBudget budget = new MemoryBudget(5_000);
        GroupTable<G> t = new GroupTable<>(40, 50, budget);
        long now = 0;
        G last = null;
        for (int op : ops) {
            now++;
            if (op < 200) {
                last = t.touch(GroupKey.of(new Object[] {op % 7 == 0 ? null : "k" + op, op % 3}), now, x -> new G());
            } else if (op < 210) {
                t.sweep(now + 40);
            } else if (last != null) {
                t.weigh(last, 100 * (op - 209));
            }
            Set<GroupKey> queued = new HashSet<>();
            t.groups().forEach(g -> queued.add(g.key()));
            assertThat(queued).hasSize(t.size());
            assertThat(t.size()).isLessThanOrEqualTo(40);
            for (int k = 0; k < 200; k++) {
                GroupKey key = GroupKey.of(new Object[] {k % 7 == 0 ? null : "k" + k, k % 3});
                assertThat(t.contains(key)).isEqualTo(queued.contains(key));
            }
            assertThat(budget.usedBytes()).isLessThanOrEqualTo(5_000);
        }
    }
}
