package io.dscover.rules.ruletest;

import io.dscover.dsl.spec.RuleSpec;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertSink;
import io.dscover.rules.engine.MatchListener;
import java.util.ArrayList;
import java.util.List;

/**
 * What one test's run did for the rule under test: its alerts, how many events there were, and which
 * of them passed the rule's predicate (per sequence step), keeping the first few record numbers.
 */
final class TestRecorder implements AlertSink, MatchListener {

    static final int KEPT = 10;

    private final String ruleId;
    private final List<Alert> alerts = new ArrayList<>();
    private final long[] matchesPerStep;
    private final List<List<Long>> recordsPerStep = new ArrayList<>();
    private long events;

    TestRecorder(RuleSpec rule) {
        this.ruleId = rule.id();
        int steps = rule.stateful().filter(s -> s instanceof io.dscover.dsl.spec.SequenceSpec)
                .map(s -> ((io.dscover.dsl.spec.SequenceSpec) s).steps().size()).orElse(1);
        this.matchesPerStep = new long[steps];
        for (int i = 0; i < steps; i++) {
            recordsPerStep.add(new ArrayList<>());
        }
    }

    @Override
    public void accept(Alert alert) {
        if (alert.ruleId().equals(ruleId)) {
            alerts.add(alert);
        }
    }

    @Override
    public void matched(String rule, int step, NetworkEvent event) {
        if (!rule.equals(ruleId)) {
            return;
        }
        int s = step < 0 ? 0 : Math.min(step, matchesPerStep.length - 1);
        matchesPerStep[s]++;
        if (recordsPerStep.get(s).size() < KEPT && event.getLogRecord() != null) {
            recordsPerStep.get(s).add(event.getLogRecord());
        }
    }

    void events(long n) {
        events += n;
    }

    long events() {
        return events;
    }

    List<Alert> alerts() {
        return alerts;
    }

    long matches() {
        long n = 0;
        for (long m : matchesPerStep) {
            n += m;
        }
        return n;
    }

    long matches(int step) {
        return matchesPerStep[step];
    }

    List<Long> records(int step) {
        return recordsPerStep.get(step);
    }

    int steps() {
        return matchesPerStep.length;
    }
}
