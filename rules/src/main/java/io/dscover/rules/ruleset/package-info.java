/**
 * The bridge from the language to the engine: a compiled rule set (DRL plus one spec per rule) becomes
 * an {@link io.dscover.rules.engine.Engine} with one engine rule per spec, and the built-in library is
 * compiled to a kjar at build time so a run with it pays no Drools compilation.
 */
package io.dscover.rules.ruleset;
