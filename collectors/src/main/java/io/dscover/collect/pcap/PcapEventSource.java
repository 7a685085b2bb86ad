package io.dscover.collect.pcap;

import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.InputLedger;
import io.dscover.collect.pcap.flow.FlowSettings;
import io.dscover.collect.pcap.flow.FlowTracker;
import io.dscover.collect.pcap.read.CaptureReader;
import io.dscover.collect.pcap.read.Frame;
import java.io.IOException;
import java.io.InputStream;

/** Reads one capture: a frame per {@link #read} call into the flow tracker, events out through a reorder buffer. */
final class PcapEventSource implements EventSource {

    private final CaptureReader reader;
    private final FlowTracker tracker;
    private final ReorderBuffer buffer;
    private final InputLedger ledger;
    private final Frame frame = new Frame();
    private boolean closed;

    PcapEventSource(InputStream in, String name, InputLedger ledger, FlowSettings settings, long reorderWindow)
            throws IOException {
        this.ledger = ledger;
        this.reader = CaptureReader.open(in, ledger);
        this.buffer = new ReorderBuffer(reorderWindow, 65_536);
        this.tracker = new FlowTracker(settings, name, ledger, buffer::add);
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        if (closed) {
            return false;
        }
        if (reader.next(frame)) {
            ledger.recordRead();
            tracker.frame(frame.linkType(), frame.data(), frame.capturedLength(), frame.tsNanos(), frame.tsDigits(),
                    frame.number(), frame.offset());
            buffer.release(frame.tsNanos(), sink);
            return true;
        }
        tracker.close();
        buffer.drain(sink);
        closed = true;
        return false;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
