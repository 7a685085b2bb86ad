package io.dscover.dsl.spec;

/**
 * A tunable of a rule with the value in effect.
 *
 * @param name       as declared
 * @param value      Java value: Long (ints, sizes in bytes, durations in nanoseconds), Double, Boolean,
 *                   String (strings, IPs, CIDRs), or an unmodifiable List of those
 * @param kind       what was written: int, decimal, bool, string, ip, cidr, duration, size, or list
 * @param text       the value as written (e.g. {@code 5m}, {@code [22, 23]})
 * @param overridden whether it came from {@code --tunable} rather than the rule
 */
public record TunableValue(String name, Object value, String kind, String text, boolean overridden) {
}
