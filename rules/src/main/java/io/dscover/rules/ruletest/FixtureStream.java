package io.dscover.rules.ruletest;

import io.dscover.rules.engine.EventStream;
import java.io.Closeable;

/** The events of one opened test fixture; closed once the test has run. */
public interface FixtureStream extends EventStream, Closeable {

    /**
     * What the reader had to leave out (e.g. records a collector rejected), said when a test fails;
     * empty when nothing was.
     */
    default String problems() {
        return "";
    }
}
