package io.dscover.collect.windows;

import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.model.event.ConnectionEvent;
import java.io.IOException;

/** Pulls one Windows record per call and emits its connection event, if it makes one. */
final class WindowsEventSource implements EventSource {

    private final RecordReader reader;
    private final NetworkConnectionMapper mapper;

    WindowsEventSource(RecordReader reader, NetworkConnectionMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        WindowsRecord r = reader.next();
        if (r == null) {
            return false;
        }
        ConnectionEvent e = mapper.map(r);
        if (e != null) {
            sink.accept(e);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
