package io.dscover.collect.cloud;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.InputSample;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a collector made of one input: its events and its ledger (for tests). */
public record CollectedInput(List<FlowEvent> events, InputLedger ledger) {

    public static CollectedInput read(Collector collector, Path file) {
        return read(collector, file, Map.of());
    }

    public static CollectedInput read(Collector collector, Path file, Map<String, String> options) {
        Input input = Input.of(file);
        InputLedger ledger = new InputLedger(input.displayName());
        List<FlowEvent> events = new ArrayList<>();
        try {
            CollectorRegistry.read(collector, input,
                    new CollectorContext(CollectorOptions.of(options), ledger, List.of()),
                    e -> events.add((FlowEvent) e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CollectedInput(events, ledger);
    }

    public static Path resource(String name) {
        try {
            return Path.of(CollectedInput.class.getResource("/cloud/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: " + name, e);
        }
    }

    public static int probe(Collector collector, Path file) {
        try {
            return collector.probe(CollectorRegistry.sample(Input.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputSample sample(Path file) {
        try {
            return CollectorRegistry.sample(Input.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FlowEvent event(int i) {
        return events.get(i);
    }

    public static String describe(NetworkEvent e) {
        return e.toString();
    }
}
