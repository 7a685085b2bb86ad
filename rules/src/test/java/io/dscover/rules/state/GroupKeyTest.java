package io.dscover.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupKeyTest {

    @Test
    void keysAreEqualValueByValueWithNullAsAValue() {
        for (int n = 0; n <= 4; n++) {
            Object[] a = new Object[n];
            Object[] b = new Object[n];
            for (int i = 0; i < n; i++) {
                a[i] = i == 1 ? null : "v" + i;
                b[i] = i == 1 ? null : new String("v" + i);
            }
            assertThat(GroupKey.of(a)).as("%d values", n).isEqualTo(GroupKey.of(b)).hasSameHashCodeAs(GroupKey.of(b));
            if (n > 0) {
                b[n - 1] = "other";
                assertThat(GroupKey.of(a)).isNotEqualTo(GroupKey.of(b));
            }
        }
        assertThat(GroupKey.of(new Object[] {"a"})).isNotEqualTo(GroupKey.of(new Object[] {"a", null}));
        assertThat(GroupKey.of(new Object[] {80L})).isNotEqualTo(GroupKey.of(new Object[] {80}));
    }

    @Test
    void addressPairsThatDifferLikeNeighboursDoNotCollide() {
        // with Arrays.hashCode these 10,000 pairs share far fewer hash values
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                hashes.add(GroupKey.of(new Object[] {"10.1.3." + i, "23.5.0." + j}).hashCode());
            }
        }
        assertThat(hashes.size()).isGreaterThan(9_990);
    }

    @Test
    void namesTheValuesAfterTheByFields() {
        GroupKey k = GroupKey.of(new Object[] {"10.0.0.1", 443L, "tcp"});
        assertThat(k.toMap(List.of("source.ip", "destination.port")))
                .isEqualTo(Map.of("source.ip", "10.0.0.1", "destination.port", 443L, "key[2]", "tcp"));
        assertThat(k.values()).containsExactly("10.0.0.1", 443L, "tcp");
        assertThat(k.get(2)).isEqualTo("tcp");
    }
}
