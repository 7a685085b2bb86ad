package io.dscover.rules.engine;

import io.dscover.dsl.runtime.DetectionActions;
import io.dscover.model.event.NetworkEvent;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@code dscover} global of one matcher's session: records what the rules call, tagged with the
 * event being matched, into the batch. It never touches rule state, so sessions on several threads
 * can match events at once while the state machines stay single-threaded and deterministic.
 */
final class ActionRecorder implements DetectionActions {

    private final Map<String, Integer> ruleIndex;
    /** Batched matching: where each event in the session sits in its batch (by identity). */
    private final IdentityHashMap<NetworkEvent, Integer> positions = new IdentityHashMap<>();
    private boolean together;
    private Batch batch;
    private int event;

    ActionRecorder(Map<String, Integer> ruleIndex) {
        this.ruleIndex = ruleIndex;
    }

    /** Event-by-event matching: what the rules call now is about event {@code eventIndex} of {@code b}. */
    void at(Batch b, int eventIndex) {
        this.batch = b;
        this.event = eventIndex;
        this.together = false;
    }

    /** Batched matching: calls name their event, found among those given to {@link #index} since. */
    void together(Batch b) {
        this.batch = b;
        this.together = true;
        positions.clear();
    }

    /** Remembers where {@code e} sits; false when the same object is already in the session. */
    boolean index(NetworkEvent e, int eventIndex) {
        return positions.putIfAbsent(e, eventIndex) == null;
    }

    void done() {
        positions.clear();
    }

    @Override
    public void alert(String ruleId, NetworkEvent e) {
        record(e, Action.Kind.ALERT, ruleId, -1, null, null);
    }

    @Override
    public void aggregate(String ruleId, NetworkEvent e, Object[] key, Object value) {
        record(e, Action.Kind.AGGREGATE, ruleId, -1, key, value);
    }

    @Override
    public void sequenceStep(String ruleId, int step, NetworkEvent e, Object[] key) {
        record(e, Action.Kind.SEQUENCE_STEP, ruleId, step, key, null);
    }

    @Override
    public void beacon(String ruleId, NetworkEvent e, Object[] key) {
        record(e, Action.Kind.BEACON, ruleId, -1, key, null);
    }

    private void record(NetworkEvent e, Action.Kind kind, String ruleId, int step, Object[] key, Object value) {
        int at = event;
        if (together) {
            Integer position = positions.get(e);
            if (position == null) {
                // a fact left in the session by an insert that failed half-way: not an event of this batch
                batch.errors.add("rule '" + ruleId + "' fired for an event that is no longer being matched");
                return;
            }
            at = position;
        }
        Integer rule = ruleIndex.get(ruleId);
        batch.actions.add(new Action(kind, at, rule == null ? -1 : rule, ruleId, step, key, value));
    }
}
