package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.Literal;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.FieldType;
import io.dscover.model.event.FieldValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a literal written in a test event into the Java value the field holds (via
 * {@link FieldValues}), with a message a rule author can act on when it does not fit.
 */
public final class TestValues {

    private TestValues() {
    }

    /**
     * The field value for a literal; for a {@link Literal.Range}, the value of event {@code index} of a
     * repeated event ({@code from + index}, wrapping around at {@code to}).
     *
     * @throws IllegalArgumentException when the literal does not fit the field
     */
    public static Object convert(FieldDef field, Literal literal, long index) {
        FieldType type = field.type();
        if (literal instanceof Literal.Duration d) {
            if (type != FieldType.DURATION) {
                throw new IllegalArgumentException(field.name() + " is " + type.displayName() + ", not a duration");
            }
            return d.nanos();
        }
        if (type == FieldType.DURATION && (literal instanceof Literal.Int || literal instanceof Literal.Decimal)) {
            throw new IllegalArgumentException(field.name() + " is a duration; write one with a unit, e.g. 1.5s");
        }
        if (literal instanceof Literal.Cidr) {
            throw new IllegalArgumentException("a field holds an address, not a network");
        }
        if (type == FieldType.IP && literal instanceof Literal.Str s) {
            throw new IllegalArgumentException("IP addresses are written without quotes: " + field.name() + ": " + s.value());
        }
        if ((type == FieldType.INT || type == FieldType.DECIMAL) && literal instanceof Literal.Str) {
            throw new IllegalArgumentException(field.name() + " is " + type.displayName() + "; write the number without quotes");
        }
        if (type == FieldType.STRING && !(literal instanceof Literal.Str)) {
            throw new IllegalArgumentException(field.name() + " is a string; put the value in quotes");
        }
        return FieldValues.convert(type, raw(literal, index));
    }

    private static Object raw(Literal l, long index) {
        if (l instanceof Literal.Str s) {
            return s.value();
        }
        if (l instanceof Literal.Int i) {
            return i.value();
        }
        if (l instanceof Literal.Decimal d) {
            return d.value();
        }
        if (l instanceof Literal.Bool b) {
            return b.value();
        }
        if (l instanceof Literal.Ip ip) {
            return ip.canonical();
        }
        if (l instanceof Literal.Size s) {
            return s.bytes();
        }
        if (l instanceof Literal.Range r) {
            long span = r.to() - r.from() + 1;
            return r.from() + Math.floorMod(index, span <= 0 ? 1 : span);
        }
        if (l instanceof Literal.ListLit list) {
            List<Object> out = new ArrayList<>();
            for (Literal item : list.items()) {
                out.add(raw(item, index));
            }
            return out;
        }
        throw new IllegalArgumentException(l.display() + " is not a field value");
    }
}
