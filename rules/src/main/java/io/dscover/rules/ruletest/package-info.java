/**
 * Rule tests: runs each rule's {@code test} blocks (inline events and fixture files) through the real
 * engine, says why a test failed (which events matched the predicate but missed the threshold or the
 * window), and writes the results as JUnit XML for CI and the coverage report.
 */
package io.dscover.rules.ruletest;
