package io.dscover.collect.zeek;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.InputProblem;
import io.dscover.model.event.EventJson;
import io.dscover.model.event.NetworkEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test support: reads Zeek text or files through the collector and keeps the events and the ledger. */
final class ZeekReading {

    record Result(List<NetworkEvent> events, InputLedger ledger) {

        List<NetworkEvent> ofType(String type) {
            return events.stream().filter(e -> e.eventType().equals(type)).toList();
        }

        NetworkEvent only() {
            if (events.size() != 1) {
                throw new AssertionError("expected one event, got " + events.size() + ": " + events);
            }
            return events.get(0);
        }

        List<String> problems() {
            return ledger.examples().stream().map(InputProblem::render).toList();
        }
    }

    private ZeekReading() {
    }

    /** Reads {@code text} as a Zeek log named {@code name} (the name matters only when the content does not say the path). */
    static Result text(String name, String text) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8), CollectorOptions.empty());
    }

    static Result bytes(String name, byte[] content, CollectorOptions options) {
        return stream(name, () -> new ByteArrayInputStream(content), options);
    }

    static Result stream(String name, java.util.function.Supplier<InputStream> content, CollectorOptions options) {
        return read(Input.ofStream(name, content), options, List.of());
    }

    static Result file(Path file) {
        return read(Input.of(file), CollectorOptions.empty(), List.of());
    }

    static Result read(Input input, CollectorOptions options, List<Input> siblings) {
        InputLedger ledger = new InputLedger(input.displayName());
        List<NetworkEvent> events = new ArrayList<>();
        ZeekCollector collector = new ZeekCollector();
        try {
            CollectorRegistry.read(collector, input, new CollectorContext(options, ledger, siblings), events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(events, ledger);
    }

    /** A fixture under {@code src/test/resources/io/dscover/collect/zeek/}. */
    static Path fixture(String relative) {
        try {
            return Path.of(ZeekReading.class.getResource(relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + relative, e);
        }
    }

    /** An event as its JSON object without provenance (file, line, offset), for comparing two readings of one record. */
    static Map<String, Object> withoutProvenance(NetworkEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        try (var p = EventJson.factory().createParser(EventJson.toJson(e))) {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readValue(p, Map.class);
            for (Object k : tree.keySet()) {
                String key = (String) k;
                if (!key.equals("log.file.path") && !key.equals("log.record") && !key.equals("log.offset")) {
                    m.put(key, tree.get(k));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return m;
    }
}
