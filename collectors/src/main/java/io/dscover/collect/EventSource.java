package io.dscover.collect;

import java.io.Closeable;
import java.io.IOException;

/**
 * A streaming reader over one input. Each call reads a bounded amount (a record, a packet, a line)
 * and hands any events it completes to the sink, so a caller can merge several inputs by time
 * without buffering whole files.
 */
public interface EventSource extends Closeable {

    /**
     * Reads the next record and emits the events it completes (zero or more). At the end of input
     * it emits whatever is still pending (e.g. open flows) and returns {@code false}.
     */
    boolean read(EventSink sink) throws IOException;

    /** Reads to the end. */
    default void readAll(EventSink sink) throws IOException {
        while (read(sink)) {
            // each call emits into the sink
        }
    }
}
