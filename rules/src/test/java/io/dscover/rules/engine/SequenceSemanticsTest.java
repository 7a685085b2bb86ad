package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.at;
import static io.dscover.rules.engine.Events.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smb_then_rpc}: sequence by source.ip, destination.ip within 5m [connection where
 * destination.port == 445] then [connection where destination.port == 135].
 */
class SequenceSemanticsTest {

    private static final String A = "10.0.0.5";
    private static final String B = "10.0.0.20";

    @Test
    void stepsInOrderWithinTheDurationRaiseOneAlert() {
        ConnectionEvent smb = connection(0, A, B, 445);
        ConnectionEvent rpc = connection(299, A, B, 135);

        List<Alert> alerts = SemanticsRules.run(List.of(smb, rpc));

        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("smb_then_rpc");
        assertThat(a.kind()).isEqualTo(AlertKind.SEQUENCE);
        assertThat(a.tsNanos()).isEqualTo(at(299));
        assertThat(a.windowStartNanos()).isEqualTo(at(0));
        assertThat(a.windowEndNanos()).isEqualTo(at(299));
        assertThat(a.group()).containsEntry("source.ip", A).containsEntry("destination.ip", B);
        assertThat(a.evidence()).extracting(Evidence::record).containsExactly(smb.getLogRecord(), rpc.getLogRecord());
        assertThat(a.component()).isEqualTo("Network Connection Creation");
    }

    @Test
    void theDurationIsInclusive() {
        assertThat(SemanticsRules.run(List.of(connection(0, A, B, 445), connection(300, A, B, 135)))).hasSize(1);
    }

    @Test
    void stepsFurtherApartThanTheDurationRaiseNothing() {
        assertThat(SemanticsRules.run(List.of(connection(0, A, B, 445), connection(300.001, A, B, 135)))).isEmpty();
    }

    @Test
    void stepsOutOfOrderRaiseNothing() {
        assertThat(SemanticsRules.run(List.of(connection(0, A, B, 135), connection(10, A, B, 445)))).isEmpty();
    }

    @Test
    void stepsOnDifferentKeysRaiseNothing() {
        assertThat(SemanticsRules.run(List.of(connection(0, A, B, 445), connection(10, A, "10.0.0.21", 135),
                connection(20, "10.0.0.6", B, 135)))).isEmpty();
    }

    @Test
    void theLatestFirstStepIsTheOneThatCounts() {
        // SMB at 0 and 200, RPC at 400: too late for the first SMB, in time for the second
        ConnectionEvent late = connection(200, A, B, 445);
        ConnectionEvent rpc = connection(400, A, B, 135);
        List<Alert> alerts = SemanticsRules.run(List.of(connection(0, A, B, 445), late, rpc));

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).windowStartNanos()).isEqualTo(at(200));
        assertThat(alerts.get(0).evidence()).extracting(Evidence::record)
                .containsExactly(late.getLogRecord(), rpc.getLogRecord());
    }

    @Test
    void aCompletedSequenceIsConsumedSoOneChainGivesOneAlert() {
        // a second RPC needs a new SMB first
        List<Alert> alerts = SemanticsRules.run(List.of(connection(0, A, B, 445), connection(10, A, B, 135),
                connection(20, A, B, 135), connection(30, A, B, 445), connection(40, A, B, 135)));

        assertThat(alerts).extracting(Alert::tsNanos).containsExactly(at(10), at(40));
    }
}
