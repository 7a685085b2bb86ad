/**
 * The coverage report as JSON: a stable, documented form (docs/coverage.md, "JSON report") for
 * machines, which {@code --baseline} reads back to compare two runs.
 */
package io.dscover.coverage.json;
