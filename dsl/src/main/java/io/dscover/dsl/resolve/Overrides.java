package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.Literal;
import java.util.Map;
import java.util.Optional;

/** Tunable values given from outside the rule ({@code --tunable rule.name=value}), already parsed and type-checked. */
public record Overrides(Map<String, Map<String, Literal>> byRule) {

    public static final Overrides NONE = new Overrides(Map.of());

    public Overrides {
        byRule = Map.copyOf(byRule);
    }

    public Optional<Literal> get(String ruleId, String tunable) {
        return Optional.ofNullable(byRule.getOrDefault(ruleId, Map.of()).get(tunable));
    }
}
