package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * The engine's input: events of one input, roughly in event-time order (small disorder is what
 * {@link TimeOrderedMerge}'s lateness absorbs). Collectors are adapted to it outside this module.
 */
@FunctionalInterface
public interface EventStream {

    /** The next event, or null at the end of the input. */
    NetworkEvent next() throws IOException;

    /** A stream over events already in memory (tests, rule test blocks). */
    static EventStream of(Iterable<? extends NetworkEvent> events) {
        Iterator<? extends NetworkEvent> it = events.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}
