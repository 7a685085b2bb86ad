package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive events handed to one matcher thread, and the actions its rules recorded for
 * them (in event order). Batches are reused.
 */
final class Batch {

    final NetworkEvent[] events;
    int size;
    long number;
    final List<Action> actions = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    Throwable failure;

    Batch(int capacity) {
        events = new NetworkEvent[capacity];
    }

    boolean full() {
        return size == events.length;
    }

    void reset() {
        java.util.Arrays.fill(events, 0, size, null);
        size = 0;
        actions.clear();
        errors.clear();
        failure = null;
    }
}
