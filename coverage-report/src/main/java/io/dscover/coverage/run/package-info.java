/**
 * The record of a collect or detect run ({@code --run-json}, read back by {@code coverage --from-run}):
 * per input its collector, records, events by type, rejects, gaps and time span, and per event type how
 * often each field is filled; with its JSON reader and writer and the fill-rate counter runs feed.
 */
package io.dscover.coverage.run;
