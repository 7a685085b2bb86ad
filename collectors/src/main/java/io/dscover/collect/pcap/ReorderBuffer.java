package io.dscover.collect.pcap;

import io.dscover.collect.EventSink;
import io.dscover.model.event.NetworkEvent;
import java.util.PriorityQueue;

/**
 * Holds events for a short time window so that they leave in time order although they are made
 * out of order (a DNS transaction is emitted at its response with the query's time). Bounded:
 * past {@code cap} events the oldest leaves early. Flows, emitted when they end with their start
 * time, stay late by up to their duration plus the timeout: the engine must allow for that.
 */
final class ReorderBuffer {

    private record Held(NetworkEvent event, long order) implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            int c = Long.compare(event.getTs(), o.event.getTs());
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private final long window;
    private final int cap;
    private long order;

    ReorderBuffer(long window, int cap) {
        this.window = window;
        this.cap = cap;
    }

    void add(NetworkEvent e) {
        held.add(new Held(e, order++));
    }

    /** Releases what is older than {@code now - window} (all of it when the window is 0) or over the cap. */
    void release(long now, EventSink sink) {
        while (!held.isEmpty() && (held.size() > cap || window == 0 || held.peek().event.getTs() <= now - window)) {
            sink.accept(held.poll().event);
        }
    }

    void drain(EventSink sink) {
        while (!held.isEmpty()) {
            sink.accept(held.poll().event);
        }
    }
}
