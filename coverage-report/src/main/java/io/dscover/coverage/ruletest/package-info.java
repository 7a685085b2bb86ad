/**
 * Rule test results as {@code dscover rules test --junit} writes them (JUnit XML: one suite per rule,
 * one test case per test block), read with a hardened parser and merged across files.
 */
package io.dscover.coverage.ruletest;
