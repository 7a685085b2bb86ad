/**
 * Turns {@code .det} text into the syntax tree: the ANTLR grammar ({@code Detection.g4}), syntax errors
 * phrased for people, and literal decoding (escapes, IPs, CIDRs, durations, sizes).
 */
package io.dscover.dsl.parse;
