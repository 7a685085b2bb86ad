/**
 * {@code beacon by KEYS within W min N having score >= S}: how machine-like a key's callbacks are,
 * scored with RITA's published method (Bowley skew and MAD of intervals and sizes, duration and
 * coverage, connection histogram), incrementally per key, expiring by event time.
 */
package io.dscover.rules.beacon;
