package io.dscover.dsl.validate;

import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.StringOp;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import io.dscover.dsl.resolve.Resolved;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.Type;
import io.dscover.dsl.resolve.Typer;
import io.dscover.model.event.IpAddresses;
import io.dscover.model.event.Timestamps;
import java.util.Optional;

/**
 * Both sides of a comparison, membership test or string operator have types that fit: numbers with
 * numbers, durations with durations, IPs with IP literals (networks via {@code in}), strings with
 * strings (ordering only for numbers, durations and times), and a condition standing alone is boolean.
 */
final class TypesAgree implements Validator {

    @Override
    public void validate(Program program, Diagnostics out) {
        Walk.conditions(program, (e, s) -> {
            if (e instanceof Expr.Compare c) {
                compare(c, s, out);
            } else if (e instanceof Expr.In in) {
                in(in, s, out);
            } else if (e instanceof Expr.StringMatch m) {
                string(m, s, out);
            } else if (e instanceof Expr.Bare b) {
                bare(b, s, out);
            }
        });
    }

    private void compare(Expr.Compare c, RuleScope s, Diagnostics out) {
        Optional<Type> lt = Typer.typeOf(c.left(), s);
        Optional<Type> rt = Typer.typeOf(c.right(), s);
        if (lt.isEmpty() || rt.isEmpty()) {
            return;
        }
        Type l = lt.get();
        Type r = rt.get();
        Term fieldSide = c.left() instanceof Literal ? c.right() : c.left();
        Term valueSide = fieldSide == c.left() ? c.right() : c.left();
        Type f = fieldSide == c.left() ? l : r;
        Type v = fieldSide == c.left() ? r : l;
        boolean ordering = c.op() != CompareOp.EQ && c.op() != CompareOp.NE;
        if (f.isListField() || v.isListField()) {
            out.error(code(), (f.isListField() ? fieldSide : valueSide).span(), "'" + text(f.isListField() ? fieldSide : valueSide)
                    + "' is a " + (f.isListField() ? f : v).display() + "; use 'contains' for one element or 'in [...]' for any of several");
            return;
        }
        if (f.isSet() || v.isSet()) {
            out.error(code(), c.span(), "a list is compared with 'in', not '" + c.op().symbol() + "'");
            return;
        }
        if (l.isNumeric() && r.isNumeric()) {
            return;
        }
        if (f == Type.DURATION && v == Type.DURATION || f == Type.TIME && v == Type.TIME) {
            return;
        }
        if (f == Type.DURATION && v.isNumeric()) {
            out.error(code(), valueSide.span(), "'" + text(fieldSide) + "' is a duration; write one with a unit, e.g. 500ms, 30s, 5m");
            return;
        }
        if (f == Type.TIME && v == Type.STRING) {
            Optional<Literal> lit = Typer.constant(valueSide, s);
            if (lit.isPresent() && lit.get() instanceof Literal.Str str) {
                try {
                    Timestamps.parse(str.value());
                    return;
                } catch (IllegalArgumentException ex) {
                    out.error(code(), valueSide.span(), "'" + text(fieldSide) + "' is a time; " + str.display()
                            + " is not an RFC 3339 timestamp (" + ex.getMessage() + ")");
                    return;
                }
            }
        }
        if (f == Type.IP && v == Type.CIDR) {
            out.error(code(), c.span(), "a network is matched with 'in': " + text(fieldSide) + " in ["
                    + ((Literal) valueSide).display() + "]" + (c.op() == CompareOp.NE ? " (or 'not in')" : ""));
            return;
        }
        if (f == Type.IP && v == Type.STRING) {
            Optional<Literal> lit = Typer.constant(valueSide, s);
            if (lit.isPresent() && lit.get() instanceof Literal.Str str && IpAddresses.canonical(str.value()) != null) {
                out.error(code(), valueSide.span(), "IP addresses are written without quotes: " + text(fieldSide) + " "
                        + c.op().symbol() + " " + str.value());
            } else {
                out.error(code(), valueSide.span(), "'" + text(fieldSide) + "' is an IP address; compare it with an IP "
                        + "literal (10.0.0.1, fe80::1) or another IP field");
            }
            return;
        }
        if (l == r && (l == Type.STRING || l == Type.IP || l == Type.BOOL)) {
            if (ordering) {
                out.error(code(), c.span(), l.display() + " values compare with == and != only, not '" + c.op().symbol() + "'");
            }
            return;
        }
        out.error(code(), c.span(), "cannot compare " + describe(c.left(), l) + " with " + describe(c.right(), r));
    }

    private void in(Expr.In in, RuleScope s, Diagnostics out) {
        Optional<Type> lt = Typer.typeOf(in.left(), s);
        Optional<Literal.ListLit> list = Typer.listOf(in.set(), s);
        if (lt.isEmpty() || list.isEmpty()) {
            return;
        }
        Optional<Type> st = Typer.setType(list.get());
        if (st.isEmpty() || st.get() == Type.EMPTY_SET) {
            return;
        }
        Type l = lt.get();
        Type set = st.get();
        boolean ok = switch (l) {
            case STRING, STRING_LIST -> set == Type.STRING_SET || set == Type.IP_SET;
            case IP -> set == Type.IP_SET;
            case INT, INT_LIST -> set == Type.INT_SET;
            case DECIMAL -> set == Type.DECIMAL_SET || set == Type.INT_SET;
            case DURATION -> set == Type.DURATION_SET;
            default -> false;
        };
        if (!ok) {
            String hint = l == Type.IP && set == Type.STRING_SET ? "; IP addresses and CIDRs are written without quotes" : "";
            out.error(code(), in.span(), "'" + text(in.left()) + "' is " + article(l.display()) + ", and "
                    + (in.set() instanceof Term.Ref r ? "'" + r.name() + "'" : "the list") + " is a " + set.display() + hint);
        }
    }

    private void string(Expr.StringMatch m, RuleScope s, Diagnostics out) {
        Optional<Type> lt = Typer.typeOf(m.left(), s);
        Optional<Type> rt = Typer.typeOf(m.right(), s);
        if (lt.isPresent()) {
            Type l = lt.get();
            boolean intListContains = l == Type.INT_LIST && m.op() == StringOp.CONTAINS;
            if (l != Type.STRING && l != Type.STRING_LIST && l != Type.IP && !intListContains) {
                out.error(code(), m.left().span(), "'" + m.op().keyword() + "' works on text; '" + text(m.left())
                        + "' is " + article(l.display()));
                return;
            }
            if (intListContains) {
                if (rt.isPresent() && rt.get() != Type.INT) {
                    out.error(code(), m.right().span(), "'" + text(m.left()) + "' holds ints; 'contains' takes an int here");
                }
                return;
            }
        }
        if (rt.isPresent() && rt.get() != Type.STRING) {
            out.error(code(), m.right().span(), "'" + m.op().keyword() + "' takes a string on its right, not "
                    + article(rt.get().display()));
            return;
        }
        if (m.op() == StringOp.MATCHES && Typer.constant(m.right(), s).isEmpty() && rt.isPresent()) {
            out.error(code(), m.right().span(), "'matches' takes a regex literal (or a tunable), so it can be checked and compiled once");
        }
    }

    private void bare(Expr.Bare b, RuleScope s, Diagnostics out) {
        if (b.term() instanceof Term.Ref r && s.resolve(r.name()) instanceof Resolved.Macro) {
            return;
        }
        Optional<Type> t = Typer.typeOf(b.term(), s);
        if (t.isPresent() && t.get() != Type.BOOL) {
            out.error(code(), b.span(), "'" + text(b.term()) + "' is " + article(t.get().display())
                    + ", not a condition; compare it (e.g. " + text(b.term()) + " == ...) or test exists(" + text(b.term()) + ")");
        }
    }

    private static String describe(Term t, Type type) {
        return (t instanceof Literal l ? l.display() : "'" + text(t) + "'") + " (" + type.display() + ")";
    }

    static String text(Term t) {
        return t.span().text();
    }

    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
