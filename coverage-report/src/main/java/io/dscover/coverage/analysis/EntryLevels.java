package io.dscover.coverage.analysis;

import io.dscover.coverage.report.Entry;
import io.dscover.coverage.report.Level;
import io.dscover.coverage.report.Reason;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.StrategyView;
import io.dscover.coverage.report.SubtechniqueAggregate;
import io.dscover.coverage.report.TestVerdict;
import io.dscover.coverage.telemetry.TelemetryProfile;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.DataComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each technique entry's level and reasons. An entry is <b>visible</b> when the telemetry supplies a
 * component ATT&amp;CK says detects it; <b>detected</b> when an enabled rule mapped to it can run on the
 * telemetry; <b>validated</b> when such a rule's tests all passed. A rule that runs detects the entry even
 * when its events carry a component ATT&amp;CK does not list for the technique (the reasons say so): the
 * rule's alerts are real, and the entry is then visible through that rule's events.
 */
final class EntryLevels {

    private final AttackCatalog catalog;
    private final TelemetryProfile profile;
    private final Map<String, List<RuleAssessment>> rulesByTechnique = new LinkedHashMap<>();

    EntryLevels(AttackCatalog catalog, List<RuleAssessment> rules, TelemetryProfile profile) {
        this.catalog = catalog;
        this.profile = profile;
        for (RuleAssessment r : rules) {
            for (String t : r.techniques()) {
                List<RuleAssessment> list = rulesByTechnique.computeIfAbsent(t, k -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
    }

    /** Every entry with its level only (for what-if comparisons). */
    Map<String, Level> levels() {
        Map<String, Level> out = new LinkedHashMap<>();
        Set<DataComponent> supplied = profile.components();
        for (Technique t : catalog.ds0029Techniques()) {
            out.put(t.id(), level(t, supplied));
        }
        return out;
    }

    private Level level(Technique t, Set<DataComponent> supplied) {
        List<RuleAssessment> runnable = rulesByTechnique.getOrDefault(t.id(), List.of()).stream()
                .filter(RuleAssessment::canRun).toList();
        if (runnable.stream().anyMatch(RuleAssessment::validated)) {
            return Level.VALIDATED;
        }
        if (!runnable.isEmpty()) {
            return Level.DETECTED;
        }
        Set<DataComponent> visible = EnumSet.noneOf(DataComponent.class);
        visible.addAll(catalog.detectingComponents(t.id()));
        visible.retainAll(supplied);
        return visible.isEmpty() ? Level.NONE : Level.VISIBLE;
    }

    /** Every entry, sorted by ID, with reasons, rules, sub-technique aggregates and (v18+) analytics. */
    List<Entry> entries(boolean withStrategies) {
        Set<DataComponent> supplied = profile.components();
        Map<String, Entry> built = new LinkedHashMap<>();
        for (Technique t : catalog.ds0029Techniques()) {
            built.put(t.id(), entry(t, supplied, withStrategies));
        }
        // parents get the aggregate of their sub-technique entries
        Map<String, List<Entry>> subs = new LinkedHashMap<>();
        for (Entry e : built.values()) {
            e.parentId().ifPresent(p -> subs.computeIfAbsent(p, k -> new ArrayList<>()).add(e));
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : built.values()) {
            List<Entry> children = subs.get(e.id());
            if (children == null || e.isSubtechnique()) {
                out.add(e);
                continue;
            }
            out.add(new Entry(e.id(), e.name(), e.fullName(), e.parentId(), e.tactics(), e.attackComponents(),
                    e.suppliedComponents(), e.level(), e.reasons(), e.rules(), Optional.of(aggregate(children)),
                    e.strategies()));
        }
        return out;
    }

    static SubtechniqueAggregate aggregate(List<Entry> children) {
        Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
        Level lowest = Level.VALIDATED;
        Level highest = Level.NONE;
        for (Entry c : children) {
            byLevel.merge(c.level(), 1, Integer::sum);
            lowest = c.level().compareTo(lowest) < 0 ? c.level() : lowest;
            highest = c.level().compareTo(highest) > 0 ? c.level() : highest;
        }
        return new SubtechniqueAggregate(children.size(), byLevel, lowest, highest);
    }

    private Entry entry(Technique t, Set<DataComponent> supplied, boolean withStrategies) {
        Set<DataComponent> attack = catalog.detectingComponents(t.id());
        Set<DataComponent> visible = EnumSet.noneOf(DataComponent.class);
        visible.addAll(attack);
        visible.retainAll(supplied);
        List<Reason> reasons = new ArrayList<>();
        if (visible.isEmpty()) {
            reasons.add(new Reason(Reason.NO_TELEMETRY, "ATT&CK detects it through " + names(attack) + "; the telemetry "
                    + (attack.size() == 1 ? "does not supply it" : "supplies none of them")));
        } else {
            List<String> parts = new ArrayList<>();
            for (DataComponent c : visible) {
                parts.add(c.attackName() + " (" + String.join(", ", profile.suppliersOf(c)) + ")");
            }
            reasons.add(new Reason(Reason.VISIBLE, "visible through " + String.join(" and ", parts)));
        }
        List<RuleAssessment> mapped = rulesByTechnique.getOrDefault(t.id(), List.of());
        List<Entry.EntryRule> rules = new ArrayList<>();
        for (RuleAssessment r : mapped) {
            Set<DataComponent> via = EnumSet.noneOf(DataComponent.class);
            via.addAll(r.runsOn());
            via.retainAll(attack);
            rules.add(new Entry.EntryRule(r.id(), r.canRun(), r.canRun() && r.validated(), via));
            if (!r.enabled()) {
                reasons.add(new Reason(Reason.RULE_DISABLED, "rule " + r.id() + " is disabled"));
                continue;
            }
            if (!r.canRun()) {
                reasons.add(new Reason(Reason.RULE_CANNOT_RUN, "rule " + r.id() + " cannot run: " + r.whyNot()));
                continue;
            }
            String events = String.join(", ", r.eventTypes()) + " events from " + String.join(", ", r.suppliedBy());
            if (via.isEmpty()) {
                reasons.add(new Reason(Reason.RULE_OFF_MODEL, "rule " + r.id() + " runs on " + events + ", evidence of "
                        + names(r.runsOn()) + ", which ATT&CK does not list for this technique (it lists " + names(attack) + ")"));
            } else {
                reasons.add(new Reason(Reason.RULE_RUNS, "rule " + r.id() + " runs on " + events + " (" + names(via) + ")"));
            }
            reasons.add(testReason(r));
        }
        if (mapped.isEmpty()) {
            reasons.add(new Reason(Reason.NO_RULE, "no rule maps to " + t.id()));
        }
        List<StrategyView> strategies = withStrategies
                ? AnalyticLogSources.view(catalog.detectionStrategies(t.id()), profile) : List.of();
        if (!strategies.isEmpty()) {
            List<String> collected = new ArrayList<>();
            int analytics = 0;
            for (StrategyView s : strategies) {
                for (StrategyView.AnalyticView a : s.analytics()) {
                    analytics++;
                    if (a.supply() == StrategyView.Supply.COLLECTED || a.supply() == StrategyView.Supply.PARTLY) {
                        collected.add(a.id());
                    }
                }
            }
            reasons.add(new Reason(Reason.ANALYTICS, collected.size() + " of " + analytics
                    + " analytics read log sources the telemetry collects"
                    + (collected.isEmpty() ? "" : " (" + String.join(", ", collected) + ")")));
        }
        return new Entry(t.id(), t.name(), catalog.fullName(t), t.isSubtechnique() ? Optional.of(t.parentId()) : Optional.empty(),
                t.tactics(), attack, visible, level(t, supplied), reasons, rules, Optional.empty(), strategies);
    }

    private static Reason testReason(RuleAssessment r) {
        TestVerdict v = r.tests();
        String id = "rule " + r.id();
        return switch (v.status()) {
            case VALIDATED -> new Reason(Reason.TESTS_PASSED, id + ": all " + v.declared() + " tests passed");
            case FAILING -> new Reason(Reason.TESTS_FAILED, id + ": " + v.count("failed") + " of " + v.declared()
                    + " tests failed" + firstFailure(v));
            case INCOMPLETE -> new Reason(Reason.TESTS_INCOMPLETE, id + ": " + v.count("passed") + " of " + v.declared()
                    + " tests passed; " + (v.count("skipped") + v.count("not-run")) + " skipped or without a result");
            case NOT_RUN -> new Reason(Reason.TESTS_NOT_RUN, id + ": no test results given for its " + v.declared()
                    + " tests (dscover rules test --junit FILE, then --test-results FILE)");
            case NO_TESTS -> new Reason(Reason.TESTS_NONE, id + " has no tests, so it cannot be validated");
        };
    }

    private static String firstFailure(TestVerdict v) {
        return v.tests().stream().filter(t -> t.declared() && t.result().equals("failed")).findFirst()
                .map(t -> ": \"" + t.name() + "\"" + (t.message().isEmpty() ? "" : " (" + t.message() + ")")).orElse("");
    }

    static String names(Set<DataComponent> components) {
        return components.isEmpty() ? "no component"
                : components.stream().map(DataComponent::attackName).collect(Collectors.joining(", "));
    }
}
