package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;

/**
 * {@code rule ID { ... }}. Items keep the lists the parser saw (several match clauses, say), so the
 * validators can say what is wrong instead of the parser refusing the rule.
 */
public record RuleDecl(Name id, List<Property> properties, List<TunableDecl> tunables, List<MatchClause> matches,
        List<Clause.Stateful> statefuls, List<Clause.Suppress> suppressions, List<TestBlock> tests, SourceSpan span)
        implements Node {

    public RuleDecl {
        properties = List.copyOf(properties);
        tunables = List.copyOf(tunables);
        matches = List.copyOf(matches);
        statefuls = List.copyOf(statefuls);
        suppressions = List.copyOf(suppressions);
        tests = List.copyOf(tests);
    }

    /** The first property of that key, if any. */
    public java.util.Optional<Property> property(String key) {
        return properties.stream().filter(p -> p.key().text().equals(key)).findFirst();
    }
}
