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
}
