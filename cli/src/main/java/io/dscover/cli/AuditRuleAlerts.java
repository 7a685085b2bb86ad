package io.dscover.cli;

import io.dscover.collect.cloud.findings.RuleAlerts;
import io.dscover.model.event.NetworkEvent;

/**
 * The "rule alerts by technique" section of {@code dscover audit}: every event of the audit goes
 * through {@link #accept}, and {@link #finish} gives the section. {@link EngineRuleAlerts} runs the
 * rules engine; {@link AuditCommand#ruleAlerts()} sets it up.
 */
interface AuditRuleAlerts {

    void accept(NetworkEvent event);

    RuleAlerts finish();

    /** No rules run ({@code --no-rules}): the section says why. */
    static AuditRuleAlerts skipped(String note) {
        return new AuditRuleAlerts() {
            @Override
            public void accept(NetworkEvent event) {
                // nothing to evaluate
            }

            @Override
            public RuleAlerts finish() {
                return RuleAlerts.unavailable(note);
            }
        };
    }
}
