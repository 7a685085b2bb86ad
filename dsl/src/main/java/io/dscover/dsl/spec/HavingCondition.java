package io.dscover.dsl.spec;

import io.dscover.dsl.ast.CompareOp;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code having} condition over one aggregate value, evaluated by the engine without Drools:
 * comparisons of the value with constants, joined by and/or/not. Durations are in nanoseconds and
 * sizes in bytes, as the aggregated values are.
 */
public sealed interface HavingCondition {

    /** Whether the condition holds for the current aggregate value. */
    boolean test(double value);

    /** As written in the rule, with constants resolved: {@code ports >= 100}. */
    String text();

    record Compare(String alias, CompareOp op, double threshold) implements HavingCondition {
        @Override
        public boolean test(double value) {
            return op.holds(Double.compare(value, threshold));
        }

        @Override
        public String text() {
            String t = threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15
                    ? Long.toString((long) threshold) : Double.toString(threshold);
            return alias + " " + op.symbol() + " " + t;
        }
    }

    record And(List<HavingCondition> operands) implements HavingCondition {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(double value) {
            for (HavingCondition c : operands) {
                if (!c.test(value)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String text() {
            return operands.stream().map(c -> c instanceof Or ? "(" + c.text() + ")" : c.text()).collect(Collectors.joining(" and "));
        }
    }

    record Or(List<HavingCondition> operands) implements HavingCondition {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(double value) {
            for (HavingCondition c : operands) {
                if (c.test(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String text() {
            return operands.stream().map(HavingCondition::text).collect(Collectors.joining(" or "));
        }
    }

    record Not(HavingCondition operand) implements HavingCondition {
        @Override
        public boolean test(double value) {
            return !operand.test(value);
        }

        @Override
        public String text() {
            return "not (" + operand.text() + ")";
        }
    }
}
