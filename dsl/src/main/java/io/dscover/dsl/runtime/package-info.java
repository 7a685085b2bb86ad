/**
 * The runtime contract of generated DRL: the {@code dscover} global's interface ({@link io.dscover.dsl.runtime.DetectionActions})
 * and the static functions constraints call ({@link io.dscover.dsl.runtime.RuleFunctions}: CIDR sets, RE2 regexes,
 * entropy, case-insensitive string operators, large-set membership). Plain Java, no Drools types.
 */
package io.dscover.dsl.runtime;
