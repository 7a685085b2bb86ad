package io.dscover.rules.alert;

import io.dscover.model.event.NetworkEvent;

/**
 * Where an event came from, so an analyst can find the raw record behind an alert: the input file
 * and the record number and/or byte offset in it. Kept instead of the event because it is about a
 * tenth of its size, and windows hold many.
 *
 * @param file   the input's path as the collector named it; null when unknown
 * @param record 1-based record (packet, line, event) number; null when unknown
 * @param offset byte offset of the record in the uncompressed input; null when unknown
 */
public record Evidence(String file, Long record, Long offset) {

    public static Evidence of(NetworkEvent event) {
        return new Evidence(event.getLogFilePath(), event.getLogRecord(), event.getLogOffset());
    }
}
