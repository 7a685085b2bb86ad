package io.dscover.dsl.validate;

import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.TestBlock;
import io.dscover.dsl.ast.TestValue;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.TestValues;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import io.dscover.dsl.source.RuleSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Test blocks can run: each event field is set once with a value of its type, ranges appear only in
 * repeated events, {@code +5m} only for {@code ts}, repeat counts are sane, and fixture files exist.
 */
final class TestsWellFormed implements Validator {

    /** The most events one repeated test event may stand for. */
    static final long MAX_REPEAT = 100_000;

    @Override
    public void validate(Program program, Diagnostics out) {
        for (RuleScope scope : program.rules()) {
            for (TestBlock t : scope.rule().tests()) {
                if (t.body() instanceof TestBlock.Fixture f) {
                    RuleSource.Location loc = t.span().source().resolve(f.path().value());
                    if (!loc.exists()) {
                        out.error(code(), f.path().span(), "test fixture " + f.path().display() + " not found (looked for "
                                + loc.file().map(Object::toString).orElse(loc.display()) + ")");
                    }
                } else if (t.body() instanceof TestBlock.Events ev) {
                    ev.events().forEach(e -> event(e, out));
                }
            }
        }
    }

    private void event(TestBlock.Event e, Diagnostics out) {
        Optional<EventTypeDef> type = EventSchema.get().eventType(e.type().text());
        long count = e.repeat().map(TestBlock.Repeat::count).orElse(1L);
        e.repeat().ifPresent(r -> {
            if (r.count() < 1 || r.count() > MAX_REPEAT) {
                out.error(code(), r.span(), "a test event repeats 1 to " + MAX_REPEAT + " times, not " + r.count());
            }
            r.every().ifPresent(every -> {
                if (!(every instanceof Literal.Duration d) || d.nanos() <= 0) {
                    out.error(code(), every.span(), "'every' takes a positive duration such as 1s");
                }
            });
        });
        if (type.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (TestBlock.Field f : e.fields()) {
            Optional<FieldDef> def = type.get().field(f.field().name());
            if (!seen.add(f.field().name())) {
                out.error(code(), f.field().span(), "'" + f.field().name() + "' is set twice in this event");
            }
            if (def.isEmpty()) {
                continue; // KnownFields
            }
            TestValue v = f.value();
            if (v instanceof TestValue.RelativeTime rt) {
                if (!def.get().name().equals("ts")) {
                    out.error(code(), rt.span(), "'+duration' (time after the previous event) is for ts only");
                } else if (!(rt.offset() instanceof Literal.Duration)) {
                    out.error(code(), rt.offset().span(), "'ts: +...' takes a duration such as +30s");
                }
                continue;
            }
            Literal lit = (Literal) v;
            if (lit instanceof Literal.Range && count < 2) {
                out.error(code(), lit.span(), "a range gives one value per repeated event; repeat the event: "
                        + e.type().text() + " * N every 1s { ... }");
                continue;
            }
            try {
                TestValues.convert(def.get(), lit, 0);
            } catch (IllegalArgumentException ex) {
                out.error(code(), lit.span(), "bad value for " + def.get().name() + " (" + def.get().type().displayName()
                        + "): " + ex.getMessage());
            }
        }
    }
}
