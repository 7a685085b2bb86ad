package io.dscover.collect;

import io.dscover.model.event.NetworkEvent;

/** Where a collector puts the events it makes. */
@FunctionalInterface
public interface EventSink {
    void accept(NetworkEvent event);
}
