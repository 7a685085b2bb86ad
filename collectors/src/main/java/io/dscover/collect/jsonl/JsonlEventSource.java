package io.dscover.collect.jsonl;

import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.text.LineReader;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.EventJsonException;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;

/** Reads one event per line; a line that is not a valid event is rejected with its line number. */
final class JsonlEventSource implements EventSource {

    private final LineReader lines;
    private final InputLedger ledger;

    JsonlEventSource(Input input, InputLedger ledger) throws IOException {
        this.lines = new LineReader(input.open(), JsonlCollector.MAX_LINE_BYTES);
        this.ledger = ledger;
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        LineReader.Line line = lines.next();
        if (line == null) {
            return false;
        }
        if (line.tooLong()) {
            ledger.recordRead();
            ledger.reject("line " + line.number(), "line too long", "over " + JsonlCollector.MAX_LINE_BYTES + " bytes");
            return true;
        }
        String text = line.text();
        if (text.isBlank()) {
            return true;
        }
        ledger.recordRead();
        if (!line.validUtf8()) {
            ledger.reject("line " + line.number(), "invalid UTF-8", "byte offset " + line.offset());
            return true;
        }
        try {
            NetworkEvent e = EventJson.parse(text);
            e.setLogRecord(line.number());
            if (e.getLogFilePath() == null) {
                e.setLogFilePath(ledger.input());
            }
            sink.accept(e);
        } catch (EventJsonException e) {
            ledger.reject("line " + line.number(), "invalid event", e.getMessage());
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
