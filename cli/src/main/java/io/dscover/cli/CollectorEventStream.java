package io.dscover.cli;

import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.engine.EventStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * One opened input as the engine's pull-based {@link EventStream}: each pull reads records from the
 * collector's source until it completes an event. Every event is counted in the input's ledger; a read
 * error ends the input, recorded as a reject, and the run goes on with the other inputs.
 */
final class CollectorEventStream implements EventStream, Closeable {

    private final EventSource source;
    private final InputLedger ledger;
    private final ArrayDeque<NetworkEvent> pending = new ArrayDeque<>();
    private final EventSink sink;
    private boolean ended;
    private boolean closed;

    /** {@code observer} sees each event as it is read (e.g. to count field fill rates); may be null. */
    CollectorEventStream(EventSource source, InputLedger ledger, EventSink observer) {
        this.source = source;
        this.ledger = ledger;
        EventSink queue = pending::add;
        this.sink = CollectorRegistry.counting(ledger, observer == null ? queue : e -> {
            observer.accept(e);
            queue.accept(e);
        });
    }

    @Override
    public NetworkEvent next() {
        // a record completes zero or more events (a pcap's end flushes its open flows at once)
        while (pending.isEmpty() && !ended) {
            try {
                ended = !source.read(sink);
            } catch (IOException e) {
                ledger.reject("end", "read error", String.valueOf(e.getMessage()));
                ended = true;
            }
        }
        NetworkEvent e = pending.poll();
        if (e == null) {
            closeQuietly();
        }
        return e;
    }

    private void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            source.close();
        } catch (IOException e) {
            // the input was read to its end; a failing close loses nothing
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
