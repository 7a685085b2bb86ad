package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Property;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Warns when ATT&amp;CK does not list a technique under a DS0029 component the rule's events can be
 * evidence of: either DS0029 does not detect it at all, or only through other components.
 */
final class TechniqueDetectableByComponent implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            Set<EventTypeDef> events = eventTypes(scope);
            if (events.isEmpty()) {
                continue;
            }
            Set<DataComponent> supplied = EnumSet.noneOf(DataComponent.class);
            events.forEach(e -> supplied.addAll(e.components()));
            for (Property.Scalar s : KnownTechniques.techniques(scope)) {
                if (program.catalog().technique(s.text()).isEmpty()) {
                    continue;
                }
                Set<DataComponent> detecting = program.catalog().detectingComponents(s.text());
                if (detecting.isEmpty()) {
                    out.warning(code(), s.span(), "ATT&CK does not list " + s.text()
                            + " under data source DS0029 (Network Traffic); coverage will not count this rule for it");
                } else if (detecting.stream().noneMatch(supplied::contains)) {
                    out.warning(code(), s.span(), "ATT&CK lists " + s.text() + " under " + names(detecting)
                            + " only; rule matches " + events.stream().map(e -> "'" + e.name() + "' (" + names(e.components()) + ")")
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
    }

    static Set<EventTypeDef> eventTypes(RuleScope scope) {
        Set<EventTypeDef> out = new LinkedHashSet<>();
        scope.rule().matches().forEach(m -> EventSchema.get().eventType(m.event().text()).ifPresent(out::add));
        scope.rule().statefuls().forEach(st -> {
            if (st instanceof io.dscover.dsl.ast.Clause.Sequence seq) {
                seq.steps().forEach(step -> EventSchema.get().eventType(step.event().text()).ifPresent(out::add));
            }
        });
        return out;
    }

    private static String names(Set<DataComponent> components) {
        return components.stream().map(DataComponent::attackName).collect(Collectors.joining(" and "));
    }
}
