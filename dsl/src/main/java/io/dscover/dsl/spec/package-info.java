/**
 * What a compiled rule set is, for the engine and the coverage report: the DRL text and, per rule,
 * a {@link io.dscover.dsl.spec.RuleSpec} with its metadata, ATT&amp;CK mapping, event type, effective
 * tunables, window clause ({@link io.dscover.dsl.spec.StatefulSpec}) and tests. Immutable values only;
 * nothing here needs Drools.
 */
package io.dscover.dsl.spec;
