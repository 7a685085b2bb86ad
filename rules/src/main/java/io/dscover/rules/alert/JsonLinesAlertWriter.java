package io.dscover.rules.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes alerts as JSON Lines: one {@link AlertJson} object per line, {@code \n}-terminated. */
public final class JsonLinesAlertWriter implements AlertSink, Flushable, Closeable {

    private final JsonGenerator g;
    private long written;

    public JsonLinesAlertWriter(Writer out) {
        try {
            this.g = AlertJson.newGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // no separator between root values: each line ends with its own "\n" (see accept)
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    @Override
    public void accept(Alert alert) {
        try {
            AlertJson.write(alert, g);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written++;
    }

    public long written() {
        return written;
    }

    @Override
    public void flush() throws IOException {
        g.flush();
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
