/**
 * Generates Drools DRL from validated rules, the way pySigma backends work: the language's operators
 * map through a table of DRL tokens ({@link io.dscover.dsl.drl.DrlTokens}), the condition writer walks the
 * tree, and every literal passes through one escaper, so no rule text can inject DRL.
 */
package io.dscover.dsl.drl;
