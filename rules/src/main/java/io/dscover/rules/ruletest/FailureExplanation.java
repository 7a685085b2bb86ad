package io.dscover.rules.ruletest;

import io.dscover.dsl.spec.AggregateSpec;
import io.dscover.dsl.spec.BeaconSpec;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.SequenceSpec;
import io.dscover.dsl.spec.StatefulSpec;
import io.dscover.dsl.spec.TestSpec;
import io.dscover.model.event.Durations;
import io.dscover.model.event.Timestamps;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.engine.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a test failed, in the words of the rule: the count first ({@code expected 1 alert, got 0}),
 * then what the engine saw — how many events passed the predicate (and which), and what they missed
 * (the {@code having} threshold within the window, a sequence step, the beacon score, suppression);
 * or, with too many alerts, when and on what they were raised.
 */
final class FailureExplanation {

    private static final int ALERTS_SHOWN = 5;

    private FailureExplanation() {
    }

    static String explain(RuleSpec rule, TestSpec.Expectation expected, TestRecorder r, RunSummary summary) {
        long got = r.alerts().size();
        StringBuilder sb = new StringBuilder("expected ").append(expected.text())
                .append(expected.text().equals("1") ? " alert" : " alerts").append(", got ").append(got);
        long suppressed = summary.rules().stream().filter(s -> s.id().equals(rule.id()))
                .mapToLong(RunSummary.RuleSummary::suppressed).sum();
        boolean tooFew = switch (expected.op()) {
            case EQ, GE -> got < expected.count();
            case GT -> got <= expected.count();
            case LT, LE -> false;
            case NE -> got == 0;
        };
        sb.append("\n").append(tooFew ? matches(rule, r) : alerts(r.alerts()));
        if (suppressed > 0) {
            sb.append("\n").append(suppressed).append(suppressed == 1 ? " alert was" : " alerts were")
                    .append(" held back by the rule's suppress clause");
        }
        return sb.toString();
    }

    private static String matches(RuleSpec rule, TestRecorder r) {
        String of = " of the test's " + r.events() + (r.events() == 1 ? " event" : " events");
        StatefulSpec stateful = rule.stateful().orElse(null);
        if (stateful instanceof SequenceSpec seq) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.steps(); i++) {
                sb.append(i == 0 ? "" : "; ").append("step ").append(i + 1).append(" matched ")
                        .append(r.matches(i)).append(records(r.records(i), r.matches(i)));
            }
            return sb.append(of).append(": the steps must come in order, for the same ").append(keys(seq.by()))
                    .append(", the last at most ").append(Durations.format(seq.windowNanos())).append(" after the first")
                    .toString();
        }
        long m = r.matches();
        if (m == 0) {
            return "no" + of.substring(3) + " passed the rule's match condition";
        }
        String passed = m + of + " passed the match condition" + records(r.records(0), m);
        if (stateful instanceof AggregateSpec a) {
            return passed + ", but no group (" + keys(a.by()) + ") reached having " + a.having().text() + " within "
                    + Durations.format(a.windowNanos());
        }
        if (stateful instanceof BeaconSpec b) {
            return passed + ", but no pair (" + keys(b.by()) + ") reached a beacon score of " + b.scoreThreshold()
                    + " with at least " + b.minEvents() + " connections within " + Durations.format(b.windowNanos());
        }
        return passed;
    }

    private static String records(List<Long> records, long total) {
        if (records.isEmpty()) {
            return "";
        }
        String shown = records.stream().map(n -> "#" + n).collect(Collectors.joining(", "));
        return " (" + shown + (total > records.size() ? ", ... " + (total - records.size()) + " more" : "") + ")";
    }

    private static String keys(List<io.dscover.model.event.FieldDef> by) {
        return by.isEmpty() ? "all events" : by.stream().map(io.dscover.model.event.FieldDef::name)
                .collect(Collectors.joining(", "));
    }

    private static String alerts(List<Alert> alerts) {
        StringBuilder sb = new StringBuilder("alerts raised:");
        for (int i = 0; i < Math.min(ALERTS_SHOWN, alerts.size()); i++) {
            Alert a = alerts.get(i);
            sb.append("\n  ").append(Timestamps.format(a.tsNanos(), Math.min(3, a.tsPrecision())));
            if (!a.group().isEmpty()) {
                sb.append(' ').append(group(a.group()));
            }
            if (a.value() != null) {
                sb.append(" value ").append(a.value());
            }
            if (!a.evidence().isEmpty() && a.evidence().get(a.evidence().size() - 1).record() != null) {
                sb.append(" (event #").append(a.evidence().get(a.evidence().size() - 1).record()).append(')');
            }
        }
        if (alerts.size() > ALERTS_SHOWN) {
            sb.append("\n  ... ").append(alerts.size() - ALERTS_SHOWN).append(" more");
        }
        return sb.toString();
    }

    private static String group(Map<String, Object> group) {
        return group.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
