package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** The window clauses of a rule. */
public sealed interface Clause extends Node {

    /** A clause that keeps state over a window; a rule has at most one. */
    sealed interface Stateful extends Clause permits Aggregate, Sequence, Beacon {
        /** The keyword that starts it, for messages. */
        String keyword();

        List<FieldRef> by();

        Term within();
    }

    /**
     * {@code aggregate FN(...) [as NAME] by KEYS within DURATION having CONDITION}.
     *
     * @param function {@code count}, {@code sum}, {@code min}, {@code max}, {@code avg}
     * @param field    the aggregated field (absent for {@code count()})
     */
    record Aggregate(Name function, boolean distinct, Optional<FieldRef> field, Optional<Name> alias,
            List<FieldRef> by, Term within, Expr having, SourceSpan span) implements Stateful {
        public Aggregate {
            by = List.copyOf(by);
        }

        @Override
        public String keyword() {
            return "aggregate";
        }

        /** How the aggregate is written: {@code count(distinct destination.port)}. */
        public String callText() {
            return function.text() + "(" + (distinct ? "distinct " : "") + field.map(FieldRef::name).orElse("") + ")";
        }
    }

    /** {@code sequence by KEYS within DURATION [EVENT where EXPR] then [...] ...}. */
    record Sequence(List<FieldRef> by, Term within, List<Step> steps, SourceSpan span) implements Stateful {
        public Sequence {
            by = List.copyOf(by);
            steps = List.copyOf(steps);
        }

        @Override
        public String keyword() {
            return "sequence";
        }
    }

    /** One {@code [EVENT where EXPR]} of a sequence. */
    record Step(Name event, Optional<Expr> where, SourceSpan span) implements Node {
    }

    /** {@code beacon by KEYS within DURATION [min N] [having score >= X]}. */
    record Beacon(List<FieldRef> by, Term within, Optional<Term> min, Optional<Expr> having, SourceSpan span)
            implements Stateful {
        public Beacon {
            by = List.copyOf(by);
        }

        @Override
        public String keyword() {
            return "beacon";
        }
    }

    /** {@code suppress by KEYS for DURATION}: at most one alert per key per duration. */
    record Suppress(List<FieldRef> by, Term duration, SourceSpan span) implements Clause {
        public Suppress {
            by = List.copyOf(by);
        }
    }
}
