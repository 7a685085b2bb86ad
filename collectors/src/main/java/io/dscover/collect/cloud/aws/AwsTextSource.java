package io.dscover.collect.cloud.aws;

import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.text.LineReader;
import io.dscover.model.event.FlowEvent;
import java.io.IOException;

/** Flow log text (an S3 object, a Firehose file, a CLI dump): one record per line, header lines set the field order. */
final class AwsTextSource implements EventSource {

    private final LineReader lines;
    private final AwsRecordParser parser;
    private final AwsRecordParser.Defaults defaults;

    AwsTextSource(Input input, InputLedger ledger, AwsRecordFormat configured, long aggregationInterval)
            throws IOException {
        this.lines = new LineReader(input.open(), AwsVpcFlowCollector.MAX_LINE_BYTES);
        this.parser = new AwsRecordParser(ledger, input.displayName(), configured, aggregationInterval);
        S3ObjectKey key = S3ObjectKey.of(input.path() == null ? null : input.path().toString());
        this.defaults = new AwsRecordParser.Defaults(key.accountId(), key.region(), null, key.deliveryTime());
        this.ledger = ledger;
    }

    private final InputLedger ledger;

    @Override
    public boolean read(EventSink sink) throws IOException {
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return false;
            }
            if (line.tooLong()) {
                ledger.recordRead();
                ledger.reject("line " + line.number(), "line too long",
                        "over " + AwsVpcFlowCollector.MAX_LINE_BYTES + " bytes");
                return true;
            }
            if (line.length() == 0) {
                continue;
            }
            FlowEvent e = parser.line(line.buffer(), line.from(), line.to(), line.number(), line.offset(),
                    null, defaults);
            if (e != null) {
                sink.accept(e);
            }
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
