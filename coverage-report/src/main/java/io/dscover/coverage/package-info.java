/**
 * The coverage report: which DS0029 techniques an organisation's telemetry makes visible, which its
 * rules detect and which its rule tests prove, computed from the ATT&amp;CK catalog, rule metadata, rule
 * test results and a telemetry profile (never by running Drools), and rendered for people and for CI.
 * The work is in the subpackages: {@code telemetry}, {@code run}, {@code ruletest} (inputs),
 * {@code analysis} (the computation), {@code report} (its result), {@code render} and {@code json}
 * (outputs), {@code gate} (CI thresholds).
 */
package io.dscover.coverage;
