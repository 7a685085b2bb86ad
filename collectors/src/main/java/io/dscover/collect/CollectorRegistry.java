package io.dscover.collect;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The collectors dscover has, and format detection: every collector probes an input's first
 * bytes and the most confident one reads it. The only place that lists collectors.
 */
public final class CollectorRegistry {

    private final List<Collector> collectors;

    public CollectorRegistry(List<Collector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    public List<Collector> all() {
        return collectors;
    }

    public Optional<Collector> byName(String name) {
        return collectors.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The collector that should read this input, or empty when none recognises it. */
    public Optional<Collector> detect(InputSample sample) {
        Collector best = null;
        int bestScore = 0;
        for (Collector c : collectors) {
            int score;
            try {
                score = c.probe(sample);
            } catch (RuntimeException e) {
                score = 0; // a probe must not throw; one that does simply does not claim the input
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Reads the first {@link InputSample#SIZE} bytes (decompressed) of an input for detection. */
    public static InputSample sample(Input input) throws IOException {
        try (InputStream in = input.open()) {
            byte[] head = in.readNBytes(InputSample.SIZE);
            return new InputSample(input.baseName(), head);
        }
    }

    /**
     * Reads a whole input with a collector, counting every emitted event in the ledger. For tools and
     * tests; the engine merges several inputs by pulling from their {@link EventSource}s instead.
     */
    public static void read(Collector collector, Input input, CollectorContext context, EventSink sink)
            throws IOException {
        context.ledger().setCollector(collector.name());
        try (EventSource source = collector.open(input, context)) {
            source.readAll(counting(context.ledger(), sink));
        }
    }

    /** A sink that counts each event in the ledger before passing it on. */
    public static EventSink counting(InputLedger ledger, EventSink sink) {
        return e -> {
            ledger.eventEmitted(e.eventType(), e.getTs());
            sink.accept(e);
        };
    }

    /** Names of the collectors, for messages. */
    public String names() {
        List<String> names = new ArrayList<>();
        collectors.forEach(c -> names.add(c.name()));
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return "collectors " + Arrays.toString(collectors.stream().map(Collector::name).toArray());
    }
}
