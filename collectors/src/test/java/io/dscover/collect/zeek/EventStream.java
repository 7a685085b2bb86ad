package io.dscover.collect.zeek;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.NetworkEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;

/** Test support: pulls one event at a time from a collector, so two large inputs can be compared in step. */
final class EventStream implements Closeable {

    private final EventSource source;
    private final InputLedger ledger;
    private final ArrayDeque<NetworkEvent> buffer = new ArrayDeque<>();
    private boolean done;

    EventStream(Input input, List<Input> siblings) {
        ledger = new InputLedger(input.displayName());
        try {
            source = new ZeekCollector().open(input, new CollectorContext(CollectorOptions.empty(), ledger, siblings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event, or {@code null} at the end. */
    NetworkEvent next() {
        try {
            while (buffer.isEmpty() && !done) {
                done = !source.read(buffer::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.poll();
    }

    InputLedger ledger() {
        return ledger;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
