package io.dscover.rules.ruleset;

import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.rules.engine.Engine;

/**
 * An engine for a compiled rule set: its DRL and one engine rule per enabled rule, with compiled rule
 * bases cached by content hash (a rule set compiled at build time, like the built-in library, is
 * loaded from the classpath; any other from {@link Engine#defaultKjarCache()} after its first run).
 *
 * <pre>{@code
 * CompiledRuleSet set = DetectionCompiler.compile(sources, catalog, options).ruleSet().orElseThrow();
 * Engine engine = RuleSetEngine.builder(set).lateness(Duration.ofSeconds(5)).build();
 * }</pre>
 */
public final class RuleSetEngine {

    private RuleSetEngine() {
    }

    /** A builder holding the rule set's DRL and rules and the default kjar cache; tune it further, then build. */
    public static Engine.Builder builder(CompiledRuleSet set) {
        return Engine.builder()
                .drl(set.drl())
                .rules(EngineRules.of(set))
                .kjarCache(Engine.defaultKjarCache());
    }

    /** The engine with default settings. */
    public static Engine build(CompiledRuleSet set) {
        return builder(set).build();
    }
}
