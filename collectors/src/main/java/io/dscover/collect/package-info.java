/**
 * The collector framework: an {@link io.dscover.collect.Collector} per input format, format
 * detection by content, streaming {@link io.dscover.collect.EventSource}s, and the
 * {@link io.dscover.collect.InputLedger} that accounts for every record.
 */
package io.dscover.collect;
