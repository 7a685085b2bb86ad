package io.dscover.dsl.spec;

import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.NetworkEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code test} block: a name, what the number of alerts must be, and the events.
 *
 * @param location where the test is written (file:line)
 */
public record TestSpec(String name, Expectation expectation, Input input, SourceSpan location) {

    /** {@code expect N} ({@code ==}) or {@code expect >= N} and the other comparisons. */
    public record Expectation(CompareOp op, long count) {
        public boolean test(long alerts) {
            return op.holds(Long.compare(alerts, count));
        }

        /** {@code 1}, {@code >= 2}. */
        public String text() {
            return (op == CompareOp.EQ ? "" : op.symbol() + " ") + count;
        }
    }

    /** Where a test's events come from. */
    public sealed interface Input permits InlineEvents, Fixture {
    }

    /**
     * Events written in the rule, in the order written, with repeats ({@code flow * 600 every 1s}) unrolled.
     * Unrolled on first use, so compiling a rule set does not pay for its tests' events.
     */
    public static final class InlineEvents implements Input {
        private final java.util.function.Supplier<List<TestEvent>> expand;
        private volatile List<TestEvent> events;

        public InlineEvents(java.util.function.Supplier<List<TestEvent>> expand) {
            this.expand = expand;
        }

        public InlineEvents(List<TestEvent> events) {
            this.expand = () -> events;
            this.events = List.copyOf(events);
        }

        /** The events, unrolled. */
        public List<TestEvent> events() {
            List<TestEvent> e = events;
            if (e == null) {
                e = List.copyOf(expand.get());
                events = e;
            }
            return e;
        }

        @Override
        public String toString() {
            return "InlineEvents" + events();
        }
    }

    /**
     * {@code from "path"}: a sample file (any input dscover reads), resolved relative to the rule file.
     *
     * @param written  the path as written in the rule
     * @param location the resolved file or classpath resource
     */
    public record Fixture(String written, RuleSource.Location location) implements Input {
    }

    /**
     * One test event: its type and field values (already converted to each field's Java type, in the
     * order written, {@code ts} always set).
     */
    public record TestEvent(EventTypeDef type, Map<FieldDef, Object> values, SourceSpan location) {

        public TestEvent {
            values = Collections.unmodifiableMap(values instanceof LinkedHashMap<FieldDef, Object> ordered
                    ? ordered : new LinkedHashMap<>(values));
        }

        /** A new fact with these values. */
        public NetworkEvent toEvent() {
            NetworkEvent e = type.newEvent();
            values.forEach((f, v) -> f.set(e, v));
            return e;
        }
    }
}
