/**
 * Compiler-style diagnostics: what went wrong, where (file:line:col with the source line and a caret
 * underline), with a "did you mean" where a name is close to a known one; rendered as text, JSON or SARIF.
 */
package io.dscover.dsl.diagnostic;
