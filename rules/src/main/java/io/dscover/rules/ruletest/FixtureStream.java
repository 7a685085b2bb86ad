package io.dscover.rules.ruletest;

import io.dscover.rules.engine.EventStream;
import java.io.Closeable;

/** The events of one opened test fixture; closed once the test has run. */
public interface FixtureStream extends EventStream, Closeable {
}
