/**
 * Native Windows event log files (.evtx): file header, 64 KiB chunks with their CRC32 checks, event
 * records, and the binary XML inside them (templates, substitutions, typed values), rendered into
 * the same element calls the Event XML reader makes.
 */
package io.dscover.collect.windows.evtx;
