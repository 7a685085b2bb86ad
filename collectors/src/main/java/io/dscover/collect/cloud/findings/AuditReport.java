package io.dscover.collect.cloud.findings;

import java.util.List;

/**
 * A whole audit: what was audited, the findings, and the rules' alerts.
 *
 * @param provider aws, gcp or azure
 * @param inputs   the paths the user named
 */
public record AuditReport(String provider, List<String> inputs, String generatedAt, AuditFindings findings,
        RuleAlerts ruleAlerts) {

    public AuditReport {
        inputs = List.copyOf(inputs);
    }
}
