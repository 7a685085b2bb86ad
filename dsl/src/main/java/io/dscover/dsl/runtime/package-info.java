/**
 * The runtime contract of generated DRL: the {@code dscover} global's interface and the static
 * functions constraints call (CIDR sets, RE2 regexes, entropy, ...). Plain Java, no Drools types.
 */
package io.dscover.dsl.runtime;
