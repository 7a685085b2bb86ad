package io.dscover.rules.engine;

import io.dscover.dsl.runtime.DetectionActions;
import io.dscover.model.event.NetworkEvent;
import java.util.Map;

/**
 * The {@code dscover} global of one matcher's session: records what the rules call, tagged with the
 * event being matched, into the batch. It never touches rule state, so sessions on several threads
 * can match events at once while the state machines stay single-threaded and deterministic.
 */
final class ActionRecorder implements DetectionActions {

    private final Map<String, Integer> ruleIndex;
    private Batch batch;
    private int event;

    ActionRecorder(Map<String, Integer> ruleIndex) {
        this.ruleIndex = ruleIndex;
    }

    void at(Batch b, int eventIndex) {
        this.batch = b;
        this.event = eventIndex;
    }

    @Override
    public void alert(String ruleId, NetworkEvent e) {
        record(Action.Kind.ALERT, ruleId, -1, null, null);
    }

    @Override
    public void aggregate(String ruleId, NetworkEvent e, Object[] key, Object value) {
        record(Action.Kind.AGGREGATE, ruleId, -1, key, value);
    }

    @Override
    public void sequenceStep(String ruleId, int step, NetworkEvent e, Object[] key) {
        record(Action.Kind.SEQUENCE_STEP, ruleId, step, key, null);
    }

    @Override
    public void beacon(String ruleId, NetworkEvent e, Object[] key) {
        record(Action.Kind.BEACON, ruleId, -1, key, null);
    }

    private void record(Action.Kind kind, String ruleId, int step, Object[] key, Object value) {
        Integer rule = ruleIndex.get(ruleId);
        batch.actions.add(new Action(kind, event, rule == null ? -1 : rule, ruleId, step, key, value));
    }
}
