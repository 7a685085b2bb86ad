package io.dscover.model.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttackReleasesTest {

    @Test
    void releasesAreListedInOrderOfVersionAndDate() {
        List<AttackReleases.Release> all = AttackReleases.all();
        for (int i = 1; i < all.size(); i++) {
            assertThat(AttackReleases.compareVersions(all.get(i - 1).version(), all.get(i).version())).isNegative();
            assertThat(all.get(i - 1).date()).isLessThanOrEqualTo(all.get(i).date());
        }
    }

    @Test
    void aBundleIsTheFirstReleasePublishedOnOrAfterItsNewestChange() {
        assertThat(AttackReleases.infer("2021-11-10", null).version()).isEqualTo("10.1");
        assertThat(AttackReleases.infer("2021-10-21", null).version()).isEqualTo("10.0");
        assertThat(AttackReleases.infer("2021-10-22", null).version()).isEqualTo("10.1");
        assertThat(AttackReleases.infer("2025-11-12", null).version()).isEqualTo("18.1");
        assertThat(AttackReleases.infer("2025-04-25", null).version()).isEqualTo("17.1");
    }

    @Test
    void contentThatNeedsANewerReleaseWins() {
        assertThat(AttackReleases.infer("2025-04-01", "18.0").version()).isEqualTo("18.0");
        assertThat(AttackReleases.infer(null, "18.0").version()).isEqualTo("18.0");
        assertThat(AttackReleases.infer(null, null).version()).isEqualTo("unknown");
    }

    @Test
    void aBundleNewerThanEveryKnownReleaseSaysSoRatherThanGuess() {
        AttackReleases.Inference i = AttackReleases.infer("2031-01-01", null);
        assertThat(i.version()).isEqualTo("newer than 18.1");
        assertThat(i.basis()).contains("2031-01-01");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(AttackReleases.compareVersions("9.0", "10.0")).isNegative();
        assertThat(AttackReleases.compareVersions("18.1", "18.1")).isZero();
        assertThat(AttackReleases.compareVersions("11.10", "11.9")).isPositive();
    }
}
