package io.dscover.collect.cloud.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.cloud.JsonRecordReader;
import io.dscover.model.event.FlowEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Flow log records delivered through CloudWatch Logs: each record's text is the {@code message} of
 * a log event, as {@code {"message": "..."}} lines, {@code aws logs get-log-events /
 * filter-log-events} output ({@code {"events":[...]}}) or subscription / Firehose messages
 * ({@code {"messageType":"DATA_MESSAGE","owner":...,"logStream":"eni-...-all","logEvents":[...]}}).
 * CloudWatch records carry no header, so the field order is the configured one or the default.
 * The envelope fills in what the format leaves out: the account ({@code owner}), the interface (the
 * log stream is named after it) and the time (the log event's time stamp).
 */
final class AwsJsonSource implements EventSource {

    private final JsonRecordReader reader;
    private final AwsRecordParser parser;
    private final InputLedger ledger;
    private FlowEvent pending;

    AwsJsonSource(Input input, InputLedger ledger, AwsRecordFormat configured, long aggregationInterval)
            throws IOException {
        this.reader = new JsonRecordReader(input, ledger);
        this.parser = new AwsRecordParser(ledger, input.displayName(), configured, aggregationInterval);
        this.ledger = ledger;
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        boolean more = reader.next(this::record);
        if (pending != null) {
            FlowEvent e = pending;
            pending = null;
            sink.accept(e);
        }
        return more;
    }

    private void record(JsonParser p, JsonRecordReader.Position at) throws IOException {
        String message = null;
        String stream = null;
        long time = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "message" -> message = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "timestamp" -> time = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() * 1_000_000L : time;
                case "logStreamName" -> stream = v == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> p.skipChildren();
            }
        }
        if (message == null) {
            ledger.recordRead();
            ledger.reject(at.describe(), "no message", "a log event without a \"message\" string");
            return;
        }
        Map<String, String> envelope = reader.envelope();
        if (stream == null) {
            stream = envelope.get("logStream");
        }
        byte[] text = message.strip().getBytes(StandardCharsets.UTF_8);
        AwsRecordParser.Defaults defaults = new AwsRecordParser.Defaults(envelope.get("owner"), null,
                interfaceOf(stream), time);
        pending = parser.line(text, 0, text.length, at.record(), at.offset(), "record " + at.record() + " at "
                + at.describe(), defaults);
    }

    /** CloudWatch names a flow log's streams after the interface: {@code eni-0123abcd-all}. */
    static String interfaceOf(String logStream) {
        if (logStream == null || !logStream.startsWith("eni-")) {
            return null;
        }
        int dash = logStream.indexOf('-', 4);
        return dash < 0 ? logStream : logStream.substring(0, dash);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
