/**
 * The compiler's entry point, {@link io.dscover.dsl.compile.DetectionCompiler}: rule sources in, all
 * diagnostics and (when there are no errors) a {@link io.dscover.dsl.spec.CompiledRuleSet} out.
 * Parses, follows imports, applies tunable overrides, validates, generates DRL and builds the rule specs.
 */
package io.dscover.dsl.compile;
