package io.dscover.dsl.ast;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;

/** A condition over one event. */
public sealed interface Expr extends Node {

    record And(List<Expr> operands, SourceSpan span) implements Expr {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Expr> operands, SourceSpan span) implements Expr {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expr operand, SourceSpan span) implements Expr {
    }

    /** {@code left OP right}. */
    record Compare(Term left, CompareOp op, Term right, SourceSpan span) implements Expr {
    }

    /** {@code left [not] in SET}. */
    record In(Term left, boolean negated, SetRef set, SourceSpan span) implements Expr {
    }

    /** {@code left [not] contains|startswith|...|matches right}. */
    record StringMatch(Term left, StringOp op, boolean negated, Term right, SourceSpan span) implements Expr {
    }

    /** {@code exists(field)}: the input gave the field a value. */
    record Exists(FieldRef field, SourceSpan span) implements Expr {
    }

    /** A term standing alone: a macro, a boolean field or tunable, or a boolean function ({@code is_private(x)}). */
    record Bare(Term term, SourceSpan span) implements Expr {
    }
}
