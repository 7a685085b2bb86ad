package io.dscover.cli;

import io.dscover.collect.cloud.findings.RuleAlerts;
import io.dscover.model.event.NetworkEvent;

/**
 * The "rule alerts by technique" section of {@code dscover audit}: every event of the audit goes
 * through {@link #accept}, and {@link #finish} gives the section.
 *
 * <p><b>Extension point for the rules engine.</b> Until the engine is wired in,
 * {@link AuditCommand#ruleAlerts()} returns {@link #notYetAvailable()}, whose section says
 * "rule alerts: engine not yet available". To wire it: implement this interface over the engine
 * (load the built-in rules, insert each event, group the alerts by technique into
 * {@link RuleAlerts.TechniqueAlerts}) and return it from {@code AuditCommand#ruleAlerts()}.
 */
interface AuditRuleAlerts {

    void accept(NetworkEvent event);

    RuleAlerts finish();

    /** The placeholder section used until the rules engine is wired in. */
    static AuditRuleAlerts notYetAvailable() {
        return new AuditRuleAlerts() {
            @Override
            public void accept(NetworkEvent event) {
                // no engine: nothing to evaluate
            }

            @Override
            public RuleAlerts finish() {
                return RuleAlerts.unavailable("rule alerts: engine not yet available");
            }
        };
    }
}
