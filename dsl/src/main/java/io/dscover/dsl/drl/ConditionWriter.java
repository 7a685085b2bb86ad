package io.dscover.dsl.drl;

import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.FieldRef;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.resolve.FunctionDef;
import io.dscover.dsl.resolve.Resolved;
import io.dscover.dsl.resolve.RuleScope;
import io.dscover.dsl.resolve.Type;
import io.dscover.dsl.resolve.Typer;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one validated condition as the constraint list of a DRL pattern, for one event type.
 * Assumes the validators passed: unresolvable names here are bugs, not user errors.
 */
final class ConditionWriter {

    private final RuleScope scope;

    ConditionWriter(RuleScope scope) {
        this.scope = scope;
    }

    /** The pattern's constraints: top-level {@code and} operands separated by commas. */
    String constraints(Expr e) {
        if (e instanceof Expr.Bare b && b.term() instanceof Term.Ref r && scope.resolve(r.name()) instanceof Resolved.Macro m) {
            return constraints(m.decl().body());
        }
        if (e instanceof Expr.And and) {
            List<String> parts = new ArrayList<>();
            for (Expr o : and.operands()) {
                parts.add(expr(o));
            }
            return String.join(DrlTokens.TOP_AND, parts);
        }
        return expr(e);
    }

    private String expr(Expr e) {
        if (e instanceof Expr.And and) {
            return DrlTokens.OPEN + and.operands().stream().map(this::expr).collect(Collectors.joining(DrlTokens.AND))
                    + DrlTokens.CLOSE;
        }
        if (e instanceof Expr.Or or) {
            return DrlTokens.OPEN + or.operands().stream().map(this::expr).collect(Collectors.joining(DrlTokens.OR))
                    + DrlTokens.CLOSE;
        }
        if (e instanceof Expr.Not not) {
            return negate(expr(not.operand()));
        }
        if (e instanceof Expr.Compare c) {
            return compare(c);
        }
        if (e instanceof Expr.In in) {
            String s = in(in);
            return in.negated() ? negate(s) : s;
        }
        if (e instanceof Expr.StringMatch m) {
            String s = stringMatch(m);
            return m.negated() ? negate(s) : s;
        }
        if (e instanceof Expr.Exists x) {
            FieldDef f = field(x.field().name());
            if (f.name().equals("ts")) {
                return "ts > Long.MIN_VALUE"; // a primitive: always set
            }
            return f.type().isList() ? DrlTokens.call(DrlTokens.PRESENT, f.javaProperty()) : f.javaProperty() + " != null";
        }
        Expr.Bare b = (Expr.Bare) e;
        if (b.term() instanceof Term.Ref r && scope.resolve(r.name()) instanceof Resolved.Macro m) {
            String body = expr(m.decl().body());
            return body.startsWith(DrlTokens.OPEN) && balanced(body) ? body : DrlTokens.OPEN + body + DrlTokens.CLOSE;
        }
        if (b.term() instanceof Term.Call) {
            return term(b.term(), null);
        }
        return term(b.term(), null) + DrlTokens.COMPARE.get(CompareOp.EQ) + "true";
    }

    private static String negate(String s) {
        return s.startsWith(DrlTokens.OPEN) && balanced(s) ? DrlTokens.NOT + s : DrlTokens.NOT + DrlTokens.OPEN + s + DrlTokens.CLOSE;
    }

    // whether the outer parentheses of s enclose all of it
    private static boolean balanced(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i != s.length() - 1) {
                    return false;
                }
            }
        }
        return s.endsWith(")");
    }

    private String compare(Expr.Compare c) {
        Term left = c.left();
        Term right = c.right();
        CompareOp op = c.op();
        if (isConstant(left) && !isConstant(right)) {
            Term t = left;
            left = right;
            right = t;
            op = DrlTokens.FLIPPED.get(op);
        }
        Type leftType = Typer.typeOf(left, scope).orElseThrow();
        return term(left, null) + DrlTokens.COMPARE.get(op) + term(right, leftType);
    }

    private boolean isConstant(Term t) {
        return Typer.constant(t, scope).isPresent();
    }

    /**
     * A term as DRL. {@code context} is the type of the other side of a comparison, which decides how a
     * literal is written (a timestamp string against a time field is nanoseconds, say).
     */
    private String term(Term t, Type context) {
        if (t instanceof FieldRef f) {
            return field(f.name()).javaProperty();
        }
        if (t instanceof Term.Ref r) {
            Resolved res = scope.resolve(r.name());
            if (res instanceof Resolved.Tunable tun) {
                return literal(tun.value(), context);
            }
            return ((Resolved.Field) res).field().javaProperty();
        }
        if (t instanceof Term.Call c) {
            FunctionDef fn = FunctionDef.byName(c.function().text()).orElseThrow();
            Term arg = c.args().get(0);
            String method = fn.javaName();
            if (fn.name().equals("len")) {
                method = Typer.typeOf(arg, scope).orElseThrow().isListField() ? "lenList" : "lenText";
            }
            return DrlTokens.call(method, term(arg, null));
        }
        return literal((Literal) t, context);
    }

    private String literal(Literal l, Type context) {
        if (l instanceof Literal.Str s) {
            if (context == Type.TIME) {
                return DrlTokens.longLiteral(Timestamps.parse(s.value()).epochNanos());
            }
            return DrlTokens.string(s.value());
        }
        if (l instanceof Literal.Int i) {
            return context == Type.DECIMAL ? DrlTokens.decimalLiteral(new java.math.BigDecimal(i.value()))
                    : DrlTokens.longLiteral(i.value());
        }
        if (l instanceof Literal.Decimal d) {
            return DrlTokens.decimalLiteral(d.value());
        }
        if (l instanceof Literal.Bool b) {
            return Boolean.toString(b.value());
        }
        if (l instanceof Literal.Ip ip) {
            return DrlTokens.string(ip.canonical());
        }
        if (l instanceof Literal.Duration d) {
            return DrlTokens.longLiteral(d.nanos());
        }
        if (l instanceof Literal.Size s) {
            return DrlTokens.longLiteral(s.bytes());
        }
        throw new IllegalStateException("literal " + l.display() + " cannot stand as a value");
    }

    private String in(Expr.In in) {
        Type left = Typer.typeOf(in.left(), scope).orElseThrow();
        Literal.ListLit list = Typer.listOf(in.set(), scope).orElseThrow();
        Type set = Typer.setType(list).orElseThrow();
        String code = term(in.left(), null);
        if (set == Type.EMPTY_SET) {
            return DrlTokens.NEVER;
        }
        boolean listField = left.isListField();
        boolean hasRanges = list.items().stream().anyMatch(i -> i instanceof Literal.Range);
        boolean hasNetworks = list.items().stream().anyMatch(i -> i instanceof Literal.Cidr);
        boolean inline = !listField && !hasRanges && !hasNetworks && list.items().size() <= DrlTokens.INLINE_SET_MAX
                && (set != Type.IP_SET || left == Type.IP);
        if (inline) {
            List<String> alternatives = new ArrayList<>();
            for (Literal item : list.items()) {
                alternatives.add(code + DrlTokens.COMPARE.get(CompareOp.EQ) + literal(item, left));
            }
            return alternatives.size() == 1 ? alternatives.get(0)
                    : DrlTokens.OPEN + String.join(DrlTokens.OR, alternatives) + DrlTokens.CLOSE;
        }
        if (left == Type.DECIMAL) {
            return chunked(DrlTokens.IN_DECIMALS, code, list.items().stream().map(i -> i instanceof Literal.Int n
                    ? Long.toString(n.value()) : ((Literal.Decimal) i).value().toPlainString()).toList(), ",");
        }
        return switch (set) {
            case IP_SET -> chunked(listField ? DrlTokens.ANY_IN_CIDRS : DrlTokens.IN_CIDRS, code,
                    list.items().stream().map(Literal::display).toList(), " ");
            case STRING_SET -> chunked(listField ? DrlTokens.ANY_IN_STRINGS : DrlTokens.IN_STRINGS, code,
                    list.items().stream().map(i -> io.dscover.dsl.runtime.RuleFunctions.encodeStrings(
                            List.of(((Literal.Str) i).value()))).toList(), "");
            case INT_SET, DURATION_SET -> chunked(listField ? DrlTokens.ANY_IN_LONGS : DrlTokens.IN_LONGS, code,
                    list.items().stream().map(ConditionWriter::longItem).toList(), ",");
            default -> throw new IllegalStateException("no membership test for " + set);
        };
    }

    /**
     * A set-membership call per chunk of at most {@link DrlTokens#SET_CHUNK_CHARS} characters of encoded
     * items, joined with {@code ||}: one string constant of a generated class holds at most 64 KiB.
     */
    private static String chunked(String method, String code, List<String> items, String separator) {
        List<String> calls = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String item : items) {
            if (chunk.length() > 0 && chunk.length() + item.length() > DrlTokens.SET_CHUNK_CHARS) {
                calls.add(DrlTokens.call(method, code, DrlTokens.string(chunk.toString())));
                chunk.setLength(0);
            }
            if (chunk.length() > 0) {
                chunk.append(separator);
            }
            chunk.append(item);
        }
        calls.add(DrlTokens.call(method, code, DrlTokens.string(chunk.toString())));
        return calls.size() == 1 ? calls.get(0) : DrlTokens.OPEN + String.join(DrlTokens.OR, calls) + DrlTokens.CLOSE;
    }

    private static String longItem(Literal l) {
        if (l instanceof Literal.Range r) {
            return r.from() + "-" + r.to();
        }
        if (l instanceof Literal.Duration d) {
            return Long.toString(d.nanos());
        }
        if (l instanceof Literal.Size s) {
            return Long.toString(s.bytes());
        }
        return Long.toString(((Literal.Int) l).value());
    }

    private String stringMatch(Expr.StringMatch m) {
        Type left = Typer.typeOf(m.left(), scope).orElseThrow();
        String code = term(m.left(), null);
        if (left == Type.INT_LIST) {
            return DrlTokens.call(DrlTokens.HAS_NUMBER, code, term(m.right(), Type.INT));
        }
        String method = left.isListField() ? DrlTokens.LIST_STRING_OP.get(m.op()) : DrlTokens.STRING_OP.get(m.op());
        return DrlTokens.call(method, code, term(m.right(), Type.STRING));
    }

    private FieldDef field(String name) {
        return scope.field(name).orElseThrow(() -> new IllegalStateException("unresolved field " + name));
    }
}
