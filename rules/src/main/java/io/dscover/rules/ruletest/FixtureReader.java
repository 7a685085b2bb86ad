package io.dscover.rules.ruletest;

import io.dscover.dsl.spec.TestSpec;
import java.io.IOException;

/**
 * Opens a test's {@code from "PATH"} fixture. Fixtures may be any input dscover reads, and reading
 * formats is the collectors' job, which this module does not see: the command line plugs the
 * collectors in; {@link JsonLinesFixtures} reads dscover's own event JSON Lines without them.
 */
@FunctionalInterface
public interface FixtureReader {

    /**
     * @throws IOException when the fixture cannot be read; the test fails with the message
     */
    FixtureStream open(TestSpec.Fixture fixture) throws IOException;
}
