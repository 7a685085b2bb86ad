package io.dscover.collect.windows.record;

import java.io.Closeable;
import java.io.IOException;

/**
 * Pulls Windows events out of one input, one at a time. Records that cannot be read are counted in
 * the input's ledger with their location by the reader itself, and reading goes on after them.
 */
public interface RecordReader extends Closeable {

    /** The next record, or {@code null} at the end of the input. */
    WindowsRecord next() throws IOException;
}
