package io.dscover.collect.jsonl;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Events already in dscover's schema, one JSON object per line ({@code *.events.jsonl}): what
 * {@code dscover collect} writes, so collection and detection can be piped or replayed.
 */
public final class JsonlCollector implements Collector {

    /** Lines longer than this are rejected unread rather than buffered. */
    static final int MAX_LINE_BYTES = 1 << 20;

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "dscover events as JSON Lines (the output of dscover collect)";
    }

    @Override
    public Set<String> eventTypes() {
        Set<String> names = new LinkedHashSet<>();
        for (EventTypeDef t : EventSchema.get().eventTypes()) {
            names.add(t.name());
        }
        return names;
    }

    @Override
    public Set<DataComponent> components() {
        return EnumSet.allOf(DataComponent.class);
    }

    @Override
    public int probe(InputSample sample) {
        String first = sample.firstLine().stripLeading();
        if (!first.startsWith("{")) {
            return 0;
        }
        boolean typed = first.contains("\"type\"") && (first.contains("\"ts\"") || first.contains("\"@timestamp\""));
        if (!typed) {
            return 0;
        }
        return sample.baseName().endsWith(".events.jsonl") ? 100 : 60;
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        return new JsonlEventSource(input, context.ledger());
    }
}
