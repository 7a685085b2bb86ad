/**
 * Renders a coverage report for people and tools: an ATT&amp;CK Navigator layer (format 4.5), a
 * self-contained HTML page, Markdown for CI summaries and pull requests, JUnit XML of the rule tests,
 * and a plain-text summary for the terminal.
 */
package io.dscover.coverage.render;
