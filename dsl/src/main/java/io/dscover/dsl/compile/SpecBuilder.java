package io.dscover.dsl.compile;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.FieldRef;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.Property;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.ast.TestBlock;
import io.dscover.dsl.ast.TestValue;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.dsl.resolve.Resolved;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.TestValues;
import io.dscover.dsl.resolve.Typer;
import io.dscover.dsl.spec.AggregateFunction;
import io.dscover.dsl.spec.AggregateSpec;
import io.dscover.dsl.spec.BeaconSpec;
import io.dscover.dsl.spec.HavingCondition;
import io.dscover.dsl.spec.RuleSeverity;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.RuleStatus;
import io.dscover.dsl.spec.SequenceSpec;
import io.dscover.dsl.spec.StatefulSpec;
import io.dscover.dsl.spec.SuppressSpec;
import io.dscover.dsl.spec.TestSpec;
import io.dscover.dsl.spec.TunableValue;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.Timestamps;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link RuleSpec} of a validated rule. */
final class SpecBuilder {

    /** Where inline test events start when the first one gives no {@code ts}: 2024-01-01T00:00:00Z. */
    static final long DEFAULT_TEST_START_NANOS = 1_704_067_200_000_000_000L;
    /** The step between repeated test events without {@code every}. */
    static final long DEFAULT_REPEAT_STEP_NANOS = 1_000_000_000L;

    private SpecBuilder() {
    }

    static RuleSpec build(RuleScope scope, List<String> drlRuleNames) {
        RuleDecl r = scope.rule();
        List<EventTypeDef> events = new ArrayList<>(new LinkedHashSet<>(eventTypes(r)));
        Set<DataComponent> components = EnumSet.noneOf(DataComponent.class);
        events.forEach(e -> components.addAll(e.components()));
        Optional<StatefulSpec> stateful = r.statefuls().stream().findFirst().map(s -> stateful(s, scope));
        RuleScope keyScope = scope.event().isPresent() ? scope : scope.withEvent(events.get(0));
        Optional<SuppressSpec> suppress = r.suppressions().stream().findFirst().map(s -> new SuppressSpec(
                fields(s.by(), keyScope), nanos(s.duration(), scope)));
        List<TestSpec> tests = new ArrayList<>();
        for (TestBlock t : r.tests()) {
            tests.add(test(t));
        }
        return new RuleSpec(r.id().text(), text(r, "title", ""),
                RuleSeverity.parse(text(r, "severity", "medium")), texts(r, "techniques"), text(r, "description", ""),
                RuleStatus.parse(text(r, "status", "experimental")), Boolean.parseBoolean(text(r, "enabled", "true")),
                texts(r, "tags"), texts(r, "references"), texts(r, "falsepositives"), events.get(0), events, components,
                r.id().span(), tunables(scope), stateful, suppress, drlRuleNames, tests);
    }

    static List<EventTypeDef> eventTypes(RuleDecl r) {
        List<EventTypeDef> out = new ArrayList<>();
        r.matches().forEach(m -> out.add(EventSchema.get().eventType(m.event().text()).orElseThrow()));
        r.statefuls().forEach(s -> {
            if (s instanceof Clause.Sequence seq) {
                seq.steps().forEach(step -> out.add(EventSchema.get().eventType(step.event().text()).orElseThrow()));
            }
        });
        return out;
    }

    private static String text(RuleDecl r, String key, String otherwise) {
        return r.property(key).flatMap(p -> p.values().stream().findFirst()).map(Property.Scalar::text).orElse(otherwise);
    }

    private static List<String> texts(RuleDecl r, String key) {
        return r.property(key).map(p -> p.values().stream().map(Property.Scalar::text).toList()).orElse(List.of());
    }

    private static List<TunableValue> tunables(RuleScope scope) {
        List<TunableValue> out = new ArrayList<>();
        for (TunableDecl t : scope.rule().tunables()) {
            Resolved.Tunable eff = scope.tunables().get(t.name().text());
            if (eff.decl() != t) {
                continue;
            }
            Literal v = eff.value();
            out.add(new TunableValue(t.name().text(), javaValue(v), kind(v), v.display(), v != t.value()));
        }
        return out;
    }

    static Object javaValue(Literal l) {
        if (l instanceof Literal.Str s) {
            return s.value();
        }
        if (l instanceof Literal.Int i) {
            return i.value();
        }
        if (l instanceof Literal.Decimal d) {
            return d.value().doubleValue();
        }
        if (l instanceof Literal.Bool b) {
            return b.value();
        }
        if (l instanceof Literal.Ip ip) {
            return ip.canonical();
        }
        if (l instanceof Literal.Cidr c) {
            return c.canonical();
        }
        if (l instanceof Literal.Duration d) {
            return d.nanos();
        }
        if (l instanceof Literal.Size s) {
            return s.bytes();
        }
        if (l instanceof Literal.Range r) {
            return List.of(r.from(), r.to());
        }
        return ((Literal.ListLit) l).items().stream().map(SpecBuilder::javaValue).toList();
    }

    private static String kind(Literal l) {
        return l instanceof Literal.Str ? "string" : l instanceof Literal.Int ? "int" : l instanceof Literal.Decimal ? "decimal"
                : l instanceof Literal.Bool ? "bool" : l instanceof Literal.Ip ? "ip" : l instanceof Literal.Cidr ? "cidr"
                : l instanceof Literal.Duration ? "duration" : l instanceof Literal.Size ? "size" : "list";
    }

    private static List<FieldDef> fields(List<FieldRef> refs, RuleScope scope) {
        return refs.stream().map(f -> scope.field(f.name()).orElseThrow()).toList();
    }

    private static long nanos(io.dscover.dsl.ast.Term t, RuleScope scope) {
        return ((Literal.Duration) Typer.constant(t, scope).orElseThrow()).nanos();
    }

    private static double number(io.dscover.dsl.ast.Term t, RuleScope scope) {
        Literal l = Typer.constant(t, scope).orElseThrow();
        if (l instanceof Literal.Int i) {
            return i.value();
        }
        if (l instanceof Literal.Decimal d) {
            return d.value().doubleValue();
        }
        if (l instanceof Literal.Size s) {
            return s.bytes();
        }
        return ((Literal.Duration) l).nanos();
    }

    private static StatefulSpec stateful(Clause.Stateful s, RuleScope scope) {
        if (s instanceof Clause.Aggregate a) {
            AggregateFunction fn = switch (a.function().text()) {
                case "count" -> a.distinct() ? AggregateFunction.COUNT_DISTINCT : AggregateFunction.COUNT;
                case "sum" -> AggregateFunction.SUM;
                case "min" -> AggregateFunction.MIN;
                case "max" -> AggregateFunction.MAX;
                default -> AggregateFunction.AVG;
            };
            String alias = a.alias().map(n -> n.text()).orElse(a.function().text());
            return new AggregateSpec(fn, a.field().map(f -> scope.field(f.name()).orElseThrow()), alias,
                    fields(a.by(), scope), nanos(a.within(), scope), having(a.having(), a, alias, scope));
        }
        if (s instanceof Clause.Sequence seq) {
            List<SequenceSpec.Step> steps = new ArrayList<>();
            for (int i = 0; i < seq.steps().size(); i++) {
                EventTypeDef ev = EventSchema.get().eventType(seq.steps().get(i).event().text()).orElseThrow();
                steps.add(new SequenceSpec.Step(i, ev, scope.rule().id().text() + " step " + (i + 1)));
            }
            RuleScope first = scope.withEvent(steps.get(0).eventType());
            return new SequenceSpec(fields(seq.by(), first), nanos(seq.within(), scope), steps);
        }
        Clause.Beacon b = (Clause.Beacon) s;
        long min = b.min().map(m -> (long) number(m, scope)).orElse(BeaconSpec.DEFAULT_MIN_EVENTS);
        double score = BeaconSpec.DEFAULT_SCORE;
        if (b.having().isPresent()) {
            Expr.Compare c = (Expr.Compare) b.having().get();
            score = number(c.right(), scope);
            if (c.op() == CompareOp.GT) {
                score = Math.nextUp(score);
            }
        }
        return new BeaconSpec(fields(b.by(), scope), nanos(b.within(), scope), min, score);
    }

    private static HavingCondition having(Expr e, Clause.Aggregate a, String alias, RuleScope scope) {
        if (e instanceof Expr.And and) {
            return new HavingCondition.And(and.operands().stream().map(o -> having(o, a, alias, scope)).toList());
        }
        if (e instanceof Expr.Or or) {
            return new HavingCondition.Or(or.operands().stream().map(o -> having(o, a, alias, scope)).toList());
        }
        if (e instanceof Expr.Not not) {
            return new HavingCondition.Not(having(not.operand(), a, alias, scope));
        }
        Expr.Compare c = (Expr.Compare) e;
        boolean leftIsAggregate = c.left() instanceof io.dscover.dsl.ast.Term.Ref r ? r.name().equals(alias)
                : c.left() instanceof io.dscover.dsl.ast.Term.Call;
        if (leftIsAggregate) {
            return new HavingCondition.Compare(alias, c.op(), number(c.right(), scope));
        }
        CompareOp flipped = switch (c.op()) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> c.op();
        };
        return new HavingCondition.Compare(alias, flipped, number(c.left(), scope));
    }

    private static TestSpec test(TestBlock t) {
        TestSpec.Expectation exp = new TestSpec.Expectation(t.expect().op(), t.expect().count());
        if (t.body() instanceof TestBlock.Fixture f) {
            return new TestSpec(t.name().value(), exp,
                    new TestSpec.Fixture(f.path().value(), t.span().source().resolve(f.path().value())), t.span());
        }
        TestBlock.Events written = (TestBlock.Events) t.body();
        return new TestSpec(t.name().value(), exp, new TestSpec.InlineEvents(() -> unroll(written)), t.span());
    }

    private static List<TestSpec.TestEvent> unroll(TestBlock.Events written) {
        List<TestSpec.TestEvent> out = new ArrayList<>();
        long previous = DEFAULT_TEST_START_NANOS;
        for (TestBlock.Event e : written.events()) {
            EventTypeDef type = EventSchema.get().eventType(e.type().text()).orElseThrow();
            FieldDef tsField = type.field("ts").orElseThrow();
            long count = e.repeat().map(TestBlock.Repeat::count).orElse(1L);
            long step = e.repeat().flatMap(TestBlock.Repeat::every).map(l -> ((Literal.Duration) l).nanos())
                    .orElse(DEFAULT_REPEAT_STEP_NANOS);
            long first = previous;
            for (TestBlock.Field f : e.fields()) {
                if (f.field().name().equals("ts")) {
                    TestValue v = f.value();
                    if (v instanceof TestValue.RelativeTime rt) {
                        first = previous + ((Literal.Duration) rt.offset()).nanos();
                    } else if (v instanceof Literal.Str s) {
                        first = Timestamps.parse(s.value()).epochNanos();
                    } else {
                        first = (Long) TestValues.convert(tsField, (Literal) v, 0);
                    }
                }
            }
            for (long i = 0; i < count; i++) {
                Map<FieldDef, Object> values = new LinkedHashMap<>();
                long ts = first + i * step;
                values.put(tsField, ts);
                for (TestBlock.Field f : e.fields()) {
                    if (!f.field().name().equals("ts")) {
                        FieldDef def = type.field(f.field().name()).orElseThrow();
                        values.put(def, TestValues.convert(def, (Literal) f.value(), i));
                    }
                }
                out.add(new TestSpec.TestEvent(type, values, e.span()));
                previous = ts;
            }
        }
        return out;
    }
}
