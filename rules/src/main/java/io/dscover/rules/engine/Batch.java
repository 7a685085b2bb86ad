package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive events handed to one matcher thread, the actions its rules recorded for them
 * (in event order), and the alerts the state machines raised from those. Batches are reused.
 */
final class Batch {

    final NetworkEvent[] events;
    int size;
    long number;
    final List<Action> actions = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    /** Alerts the batch's events raised, in order, once the state machines have applied it. */
    final List<Alert> alerts = new ArrayList<>();
    /** Matching failed (a wiring error or a Drools fault): the run stops with it. */
    Throwable failure;
    /** The state machines failed on this batch (e.g. DRL calling a rule the engine was not given). */
    RuntimeException stateFailure;

    Batch(int capacity) {
        events = new NetworkEvent[capacity];
    }

    boolean full() {
        return size == events.length;
    }

    /**
     * Puts the actions in event order, keeping the order among one event's actions (a stable counting
     * sort: batched matching records them in the order Drools fired, event by event otherwise).
     */
    void sortActionsByEvent() {
        int n = actions.size();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = actions.get(i - 1).event() <= actions.get(i).event();
        }
        if (sorted) {
            return;
        }
        int[] starts = new int[size + 1];
        for (Action a : actions) {
            starts[a.event() + 1]++;
        }
        for (int i = 0; i < size; i++) {
            starts[i + 1] += starts[i];
        }
        Action[] out = new Action[n];
        for (Action a : actions) {
            out[starts[a.event()]++] = a;
        }
        actions.clear();
        actions.addAll(java.util.Arrays.asList(out));
    }

    void reset() {
        java.util.Arrays.fill(events, 0, size, null);
        size = 0;
        actions.clear();
        errors.clear();
        alerts.clear();
        failure = null;
        stateFailure = null;
    }
}
