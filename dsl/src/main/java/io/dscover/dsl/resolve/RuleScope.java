package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What names mean inside one rule, for one event type: the rule's tunables (with overrides applied),
 * the file's lists and macros, and the event's fields. A sequence rule has one scope per step.
 */
public final class RuleScope {

    private final Program program;
    private final FileScope file;
    private final RuleDecl rule;
    private final EventTypeDef event;
    private final Map<String, Resolved.Tunable> tunables;

    private RuleScope(Program program, FileScope file, RuleDecl rule, EventTypeDef event,
            Map<String, Resolved.Tunable> tunables) {
        this.program = program;
        this.file = file;
        this.rule = rule;
        this.event = event;
        this.tunables = tunables;
    }

    static RuleScope of(Program program, FileScope file, RuleDecl rule) {
        Map<String, Resolved.Tunable> tunables = new LinkedHashMap<>();
        for (TunableDecl t : rule.tunables()) {
            Literal value = program.overrides().get(rule.id().text(), t.name().text()).orElse(t.value());
            tunables.putIfAbsent(t.name().text(), new Resolved.Tunable(t, value));
        }
        EventTypeDef event = null;
        if (!rule.matches().isEmpty()) {
            event = EventSchema.get().eventType(rule.matches().get(0).event().text()).orElse(null);
        }
        return new RuleScope(program, file, rule, event, tunables);
    }

    /** The same rule seen from another event type (a sequence step, a test event). */
    public RuleScope withEvent(EventTypeDef other) {
        return new RuleScope(program, file, rule, other, tunables);
    }

    public Program program() {
        return program;
    }

    public FileScope file() {
        return file;
    }

    public RuleDecl rule() {
        return rule;
    }

    /** The event type conditions are checked against; empty when the rule names an unknown one. */
    public Optional<EventTypeDef> event() {
        return Optional.ofNullable(event);
    }

    public Map<String, Resolved.Tunable> tunables() {
        return tunables;
    }

    public Optional<FieldDef> field(String name) {
        return event == null ? Optional.empty() : event.field(name);
    }

    /** What a one-word name means: tunable, then macro, then list, then field. */
    public Resolved resolve(String name) {
        Resolved.Tunable t = tunables.get(name);
        if (t != null) {
            return t;
        }
        if (file.macros().containsKey(name)) {
            return new Resolved.Macro(file.macros().get(name));
        }
        if (file.lists().containsKey(name)) {
            return new Resolved.NamedList(file.lists().get(name));
        }
        Optional<FieldDef> f = field(name);
        if (f.isPresent()) {
            return new Resolved.Field(f.get());
        }
        return new Resolved.Unknown();
    }

    /** Every one-word name that means something here (for "did you mean"). */
    public Set<String> knownNames() {
        Set<String> names = new TreeSet<>(tunables.keySet());
        names.addAll(file.macros().keySet());
        names.addAll(file.lists().keySet());
        if (event != null) {
            event.fields().stream().map(FieldDef::name).filter(n -> n.indexOf('.') < 0).forEach(names::add);
        }
        return names;
    }
}
