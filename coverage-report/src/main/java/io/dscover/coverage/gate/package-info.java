/**
 * CI gating on a coverage report: a minimum share of entries at a level ({@code --fail-under}), and no
 * entry's level dropping below an earlier report's ({@code --baseline}).
 */
package io.dscover.coverage.gate;
