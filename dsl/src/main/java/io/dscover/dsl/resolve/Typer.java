package io.dscover.dsl.resolve;

import io.dscover.dsl.ast.FieldRef;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.SetRef;
import io.dscover.dsl.ast.Term;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The value type of terms and sets. Returns empty for anything that does not resolve (unknown field,
 * function or name; a macro or list where a value goes): other validators report those, so type
 * checks stay quiet about them instead of piling up a second message.
 */
public final class Typer {

    private Typer() {
    }

    public static Optional<Type> typeOf(Term term, RuleScope scope) {
        if (term instanceof FieldRef f) {
            return scope.field(f.name()).map(d -> Type.of(d.type()));
        }
        if (term instanceof Term.Ref r) {
            Resolved res = scope.resolve(r.name());
            if (res instanceof Resolved.Tunable t) {
                return Optional.of(literalType(t.value()));
            }
            if (res instanceof Resolved.Field f) {
                return Optional.of(Type.of(f.field().type()));
            }
            return Optional.empty();
        }
        if (term instanceof Term.Call c) {
            return FunctionDef.byName(c.function().text()).map(FunctionDef::returns);
        }
        return Optional.of(literalType((Literal) term));
    }

    /** The type of a literal; a list literal gets its set type (empty-set or mixed lists: {@link Type#EMPTY_SET}). */
    public static Type literalType(Literal l) {
        if (l instanceof Literal.Str) {
            return Type.STRING;
        }
        if (l instanceof Literal.Int || l instanceof Literal.Size || l instanceof Literal.Range) {
            return Type.INT;
        }
        if (l instanceof Literal.Decimal) {
            return Type.DECIMAL;
        }
        if (l instanceof Literal.Bool) {
            return Type.BOOL;
        }
        if (l instanceof Literal.Ip) {
            return Type.IP;
        }
        if (l instanceof Literal.Cidr) {
            return Type.CIDR;
        }
        if (l instanceof Literal.Duration) {
            return Type.DURATION;
        }
        return setType((Literal.ListLit) l).orElse(Type.EMPTY_SET);
    }

    /** The set type of a list literal; empty when its items mix kinds. */
    public static Optional<Type> setType(Literal.ListLit list) {
        Set<Type> kinds = EnumSet.noneOf(Type.class);
        for (Literal item : list.items()) {
            Type t = literalType(item);
            kinds.add(switch (t) {
                case IP, CIDR -> Type.IP_SET;
                case INT -> Type.INT_SET;
                case STRING -> Type.STRING_SET;
                case DECIMAL -> Type.DECIMAL_SET;
                case DURATION -> Type.DURATION_SET;
                default -> Type.EMPTY_SET;
            });
        }
        if (kinds.isEmpty()) {
            return Optional.of(Type.EMPTY_SET);
        }
        if (kinds.size() == 2 && kinds.contains(Type.INT_SET) && kinds.contains(Type.DECIMAL_SET)) {
            return Optional.of(Type.DECIMAL_SET);
        }
        if (kinds.size() != 1 || kinds.contains(Type.EMPTY_SET)) {
            return Optional.empty();
        }
        return Optional.of(kinds.iterator().next());
    }

    /** The list literal a set reference stands for (inline, a named list, or a list tunable). */
    public static Optional<Literal.ListLit> listOf(SetRef set, RuleScope scope) {
        if (set instanceof Literal.ListLit l) {
            return Optional.of(l);
        }
        Resolved r = scope.resolve(((Term.Ref) set).name());
        if (r instanceof Resolved.NamedList n) {
            return Optional.of(n.decl().items());
        }
        if (r instanceof Resolved.Tunable t && t.value() instanceof Literal.ListLit l) {
            return Optional.of(l);
        }
        return Optional.empty();
    }

    /** The effective literal of a term that must be a constant (a literal, or a tunable). */
    public static Optional<Literal> constant(Term term, RuleScope scope) {
        if (term instanceof Literal l) {
            return Optional.of(l);
        }
        if (term instanceof Term.Ref r && scope.resolve(r.name()) instanceof Resolved.Tunable t) {
            return Optional.of(t.value());
        }
        return Optional.empty();
    }
}
