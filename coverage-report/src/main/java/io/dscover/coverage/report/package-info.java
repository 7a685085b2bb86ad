/**
 * The result of a coverage computation, as immutable values every renderer reads: per technique entry
 * its level and the reasons for it, rule assessments, totals per component and tactic, the gaps, the
 * v18 analytic view, the legacy-vs-v18 difference and the measured data quality.
 */
package io.dscover.coverage.report;
