package io.dscover.rules.ruletest;

import io.dscover.dsl.spec.TestSpec;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.NetworkEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Fixtures in dscover's event JSON Lines ({@code dscover collect} output; gzip allowed), one event per
 * line. A line that is not an event fails the test with the file and line: a fixture is test data the
 * author controls, so it must be exact.
 */
public final class JsonLinesFixtures implements FixtureReader {

    @Override
    public FixtureStream open(TestSpec.Fixture fixture) throws IOException {
        var raw = new java.io.BufferedInputStream(fixture.location().open());
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        BufferedReader in = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw) : raw,
                StandardCharsets.UTF_8));
        String name = fixture.location().display();
        return new FixtureStream() {
            private long line;

            @Override
            public NetworkEvent next() throws IOException {
                String text;
                while ((text = in.readLine()) != null) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    NetworkEvent e;
                    try {
                        e = EventJson.parse(text);
                    } catch (RuntimeException ex) {
                        throw new IOException(name + ":" + line + ": not an event: " + ex.getMessage(), ex);
                    }
                    if (e.getLogFilePath() == null) {
                        e.setLogFilePath(name);
                        e.setLogRecord(line);
                    }
                    return e;
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
