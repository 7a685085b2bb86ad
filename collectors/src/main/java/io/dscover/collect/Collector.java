package io.dscover.collect;

import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.util.Set;

/**
 * A reader of one input format. Each collector declares what it can produce, says from an input's
 * first bytes whether it can read it ({@link #probe}), and streams a readable input into events.
 */
public interface Collector {

    /** Short name used on the command line and in ledgers: pcap, zeek, windows, aws-vpc, gcp-vpc, azure, jsonl. */
    String name();

    /** One line for {@code dscover collect --help} and the docs. */
    String description();

    /** Event type names this collector can produce. */
    Set<String> eventTypes();

    /** DS0029 components its events can be evidence of. */
    Set<DataComponent> components();

    /**
     * How sure the collector is that it can read this input: 0 not at all, 100 certain (a magic
     * number or a format header matched). Must not throw and must not read beyond the sample.
     */
    int probe(InputSample sample);

    /**
     * Opens a streaming reader. Problems with the input's content are recorded in
     * {@code context.ledger()}; an {@link IOException} means the input could not be read at all.
     */
    EventSource open(Input input, CollectorContext context) throws IOException;
}
