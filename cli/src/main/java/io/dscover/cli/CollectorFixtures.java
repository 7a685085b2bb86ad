package io.dscover.cli;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.InputProblem;
import io.dscover.dsl.spec.TestSpec;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.ruletest.FixtureReader;
import io.dscover.rules.ruletest.FixtureStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test fixtures read by whichever collector recognises them (pcap, Zeek, flow logs, event JSON Lines,
 * ...), from files or from the classpath (the built-in library's fixtures). Records a collector rejects
 * are left out, as in any run (real captures hold malformed packets), and named when a test fails.
 */
final class CollectorFixtures implements FixtureReader {

    private final CollectorRegistry registry;
    private final CollectorOptions options;

    CollectorFixtures(CollectorRegistry registry, CollectorOptions options) {
        this.registry = registry;
        this.options = options;
    }

    @Override
    public FixtureStream open(TestSpec.Fixture fixture) throws IOException {
        TestSpec.Fixture f = fixture;
        String name = f.location().display();
        Input input = f.location().file().isPresent() ? Input.of(f.location().file().get())
                : Input.ofStream(name, () -> {
                    try {
                        return f.location().open();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        Collector collector;
        try {
            collector = registry.detect(CollectorRegistry.sample(input)).orElseThrow(() ->
                    new IOException(name + ": no collector recognises this file"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        InputLedger ledger = new InputLedger(name);
        ledger.setCollector(collector.name());
        EventSource source = collector.open(input, new CollectorContext(options, ledger, List.of(input)));
        CollectorEventStream events = new CollectorEventStream(source, ledger, null);
        return new FixtureStream() {
            @Override
            public NetworkEvent next() {
                return events.next();
            }

            @Override
            public String problems() {
                if (ledger.rejected() == 0) {
                    return "";
                }
                List<InputProblem> examples = ledger.examples();
                return "had " + ledger.rejected() + " record" + (ledger.rejected() == 1 ? "" : "s") + " the "
                        + collector.name() + " collector rejected" + (examples.isEmpty() ? "" : ", e.g. "
                        + examples.get(0).render());
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }
}
