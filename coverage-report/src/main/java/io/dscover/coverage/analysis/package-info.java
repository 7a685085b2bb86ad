/**
 * The coverage computation: from the ATT&amp;CK catalog, rule specs, rule test results and a telemetry
 * profile to each technique entry's level with its reasons, the totals, the gaps, the v18 analytic view
 * and the legacy-vs-v18 difference. Rules are read as metadata; nothing here runs them.
 */
package io.dscover.coverage.analysis;
