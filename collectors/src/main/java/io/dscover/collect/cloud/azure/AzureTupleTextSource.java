package io.dscover.collect.cloud.azure;

import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.text.LineReader;
import io.dscover.model.event.FlowEvent;
import java.io.IOException;

/** Bare flow tuples, one per line (tuples pulled out of blobs by other tools, documentation examples). */
final class AzureTupleTextSource implements EventSource {

    private static final int MAX_LINE_BYTES = 4096;

    private final LineReader lines;
    private final InputLedger ledger;
    private final String path;

    AzureTupleTextSource(Input input, InputLedger ledger) throws IOException {
        this.lines = new LineReader(input.open(), MAX_LINE_BYTES);
        this.ledger = ledger;
        this.path = input.displayName();
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        LineReader.Line line = lines.next();
        if (line == null) {
            return false;
        }
        if (line.tooLong()) {
            ledger.recordRead();
            ledger.reject("line " + line.number(), "line too long", "over " + MAX_LINE_BYTES + " bytes");
            return true;
        }
        String text = line.text().strip();
        if (text.isEmpty()) {
            return true;
        }
        ledger.recordRead();
        FlowEvent e = new FlowEvent();
        try {
            FlowTuple.Kind kind = FlowTuple.parse(text, e);
            AzureFlowSource.describe(e, kind, null, null);
        } catch (FlowTuple.BadTuple bad) {
            ledger.reject("line " + line.number(), bad.reason(), bad.getMessage());
            return true;
        }
        e.setLogFilePath(path);
        e.setLogRecord(line.number());
        e.setLogOffset(line.offset());
        sink.accept(e);
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
