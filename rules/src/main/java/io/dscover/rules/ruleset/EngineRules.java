package io.dscover.rules.ruleset;

import io.dscover.dsl.spec.AggregateSpec;
import io.dscover.dsl.spec.BeaconSpec;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.dsl.spec.HavingCondition;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.SequenceSpec;
import io.dscover.dsl.spec.StatefulSpec;
import io.dscover.dsl.spec.SuppressSpec;
import io.dscover.model.event.FieldDef;
import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.alert.Severity;
import io.dscover.rules.beacon.BeaconConfig;
import io.dscover.rules.engine.EngineRule;
import io.dscover.rules.engine.SuppressConfig;
import io.dscover.rules.sequence.SequenceConfig;
import io.dscover.rules.window.AggregateFunction;
import io.dscover.rules.window.AggregateWindowConfig;
import io.dscover.rules.window.Having;
import java.time.Duration;
import java.util.List;

/**
 * Maps the DSL's rule specs onto the engine's rules, one to one: the header becomes the alerts'
 * {@link RuleInfo}, the window clause the configuration of the state machine its DRL feeds, the
 * {@code suppress} clause a {@link SuppressConfig}. Tunables need no mapping here: the compiler has
 * already put their effective values into the specs (and the DRL).
 */
public final class EngineRules {

    private EngineRules() {
    }

    /** The engine rules of every enabled rule, in rule order (the order alerts of one event come in). */
    public static List<EngineRule> of(CompiledRuleSet set) {
        return set.enabledRules().stream().map(EngineRules::of).toList();
    }

    public static EngineRule of(RuleSpec spec) {
        RuleInfo info = info(spec);
        SuppressConfig suppress = spec.suppress().map(EngineRules::suppress).orElse(null);
        if (spec.stateful().isEmpty()) {
            return new EngineRule.Match(info, suppress);
        }
        StatefulSpec stateful = spec.stateful().get();
        if (stateful instanceof AggregateSpec a) {
            return new EngineRule.Aggregate(info, aggregate(a), suppress);
        }
        if (stateful instanceof SequenceSpec s) {
            return new EngineRule.Sequence(info, new SequenceConfig(names(s.by()), Duration.ofNanos(s.windowNanos()),
                    s.steps().size()), suppress);
        }
        BeaconSpec b = (BeaconSpec) stateful;
        return new EngineRule.Beacon(info, BeaconConfig.of(names(b.by()), Duration.ofNanos(b.windowNanos()),
                Math.toIntExact(b.minEvents()), b.scoreThreshold()), suppress);
    }

    static RuleInfo info(RuleSpec spec) {
        return new RuleInfo(spec.id(), spec.title(), Severity.valueOf(spec.severity().name()), spec.techniques());
    }

    static AggregateWindowConfig aggregate(AggregateSpec a) {
        HavingCondition having = a.having();
        return AggregateWindowConfig.of(AggregateFunction.valueOf(a.function().name()),
                a.field().map(FieldDef::name).orElse(null), names(a.by()), Duration.ofNanos(a.windowNanos()),
                Having.of(having.text(), having::test)).withAlias(a.alias());
    }

    static SuppressConfig suppress(SuppressSpec s) {
        return new SuppressConfig(names(s.by()), Duration.ofNanos(s.durationNanos()));
    }

    private static List<String> names(List<FieldDef> fields) {
        return fields.stream().map(FieldDef::name).toList();
    }
}
