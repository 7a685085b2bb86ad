package io.dscover.collect.builtin;

import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.jsonl.JsonlCollector;
import io.dscover.collect.zeek.ZeekCollector;
import java.util.List;

/** The one list of dscover's collectors, in the order they are offered an input. */
public final class BuiltInCollectors {

    private BuiltInCollectors() {
    }

    public static CollectorRegistry registry() {
        return new CollectorRegistry(List.of(
                new JsonlCollector(),
                new ZeekCollector()));
    }
}
