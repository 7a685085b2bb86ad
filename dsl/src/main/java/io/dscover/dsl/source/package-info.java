/**
 * Where rule text comes from (files, folders, classpath resources, strings) and positions in it, so
 * every later stage can point at the exact line and column of what it reports.
 */
package io.dscover.dsl.source;
