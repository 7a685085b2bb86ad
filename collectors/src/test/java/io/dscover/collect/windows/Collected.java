package io.dscover.collect.windows;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.EventJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Windows collector makes of one input: its events and its ledger. */
record Collected(List<ConnectionEvent> events, InputLedger ledger) {

    static Collected of(Path path, Map<String, String> options) throws IOException {
        InputLedger ledger = new InputLedger(path.getFileName().toString());
        List<ConnectionEvent> events = new ArrayList<>();
        CollectorRegistry.read(new WindowsCollector(), Input.of(path),
                new CollectorContext(CollectorOptions.of(options), ledger, List.of()), e -> events.add((ConnectionEvent) e));
        return new Collected(events, ledger);
    }

    static Collected of(Path path) throws IOException {
        return of(path, Map.of());
    }

    static Collected resource(String name, Map<String, String> options) throws IOException {
        return of(resourcePath(name), options);
    }

    static Collected resource(String name) throws IOException {
        return resource(name, Map.of());
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(Collected.class.getResource("/windows/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    ConnectionEvent event(long record) {
        return events.stream().filter(e -> e.getLogRecord() == record).findFirst()
                .orElseThrow(() -> new AssertionError("no event with log.record " + record + " in " + events));
    }

    List<String> json() {
        return events.stream().map(EventJson::toJson).toList();
    }
}
