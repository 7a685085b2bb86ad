package io.dscover.collect.windows.evtx;

import io.dscover.collect.InputLedger;
import io.dscover.collect.windows.record.RecordReader;
import io.dscover.collect.windows.record.WindowsRecord;
import io.dscover.collect.windows.record.WindowsRecordBuilder;
import java.io.IOException;
import java.io.InputStream;

/** Windows events from a native .evtx file (see {@link EvtxRecords} for what is checked and how failures count). */
public final class EvtxReader implements RecordReader {

    private final EvtxRecords records;
    private final WindowsRecordBuilder builder = new WindowsRecordBuilder();

    public EvtxReader(InputStream in, InputLedger ledger, boolean skipBadChunks) {
        this.records = new EvtxRecords(in, ledger, skipBadChunks);
    }

    @Override
    public WindowsRecord next() throws IOException {
        builder.reset();
        if (!records.next(builder)) {
            return null;
        }
        return builder.record().at(records.location(), records.recordOffset());
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
