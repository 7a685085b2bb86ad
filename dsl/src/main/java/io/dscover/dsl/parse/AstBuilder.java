package io.dscover.dsl.parse;

import io.dscover.dsl.ast.Clause;
import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.FieldRef;
import io.dscover.dsl.ast.Import;
import io.dscover.dsl.ast.ListDecl;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.ast.MacroDecl;
import io.dscover.dsl.ast.MatchClause;
import io.dscover.dsl.ast.Name;
import io.dscover.dsl.ast.Property;
import io.dscover.dsl.ast.RuleDecl;
import io.dscover.dsl.ast.SetRef;
import io.dscover.dsl.ast.StringOp;
import io.dscover.dsl.ast.Term;
import io.dscover.dsl.ast.TestBlock;
import io.dscover.dsl.ast.TestValue;
import io.dscover.dsl.ast.TunableDecl;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.parse.DetectionParser.*;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the immutable tree from ANTLR's parse tree, decoding literals and keeping positions. */
final class AstBuilder {

    private final RuleSource source;
    private final LiteralDecoder literals;
    private final Set<Integer> errorTokens;
    private final int[] charOffsets;

    AstBuilder(RuleSource source, Diagnostics diagnostics, Set<Integer> errorTokens) {
        this.source = source;
        this.literals = new LiteralDecoder(diagnostics);
        this.errorTokens = errorTokens;
        this.charOffsets = codePointToChar(source.text());
    }

    // ANTLR indexes code points; Java strings index UTF-16 chars
    private static int[] codePointToChar(String text) {
        if (text.codePointCount(0, text.length()) == text.length()) {
            return null;
        }
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            map[cp++] = i;
        }
        map[cp] = text.length();
        return map;
    }

    private int chars(int codePointIndex) {
        if (charOffsets == null) {
            return codePointIndex;
        }
        return charOffsets[Math.min(Math.max(codePointIndex, 0), charOffsets.length - 1)];
    }

    SourceSpan span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getStopIndex() < ctx.getStart().getStartIndex()
                ? ctx.getStart() : ctx.getStop();
        return SourceSpan.of(source, chars(ctx.getStart().getStartIndex()), chars(stop.getStopIndex() + 1));
    }

    SourceSpan span(Token t) {
        return SourceSpan.of(source, chars(t.getStartIndex()), chars(Math.max(t.getStopIndex() + 1, t.getStartIndex())));
    }

    /** The empty span just after {@code t}: where something missing belongs. */
    SourceSpan endOf(Token t) {
        int end = chars(t.getStopIndex() + 1);
        return SourceSpan.of(source, end, end);
    }

    private SourceSpan span(TerminalNode n) {
        return span(n.getSymbol());
    }

    private Name name(TerminalNode n) {
        return new Name(n.getText(), span(n));
    }

    DetFile file(FileContext ctx) {
        List<Import> imports = new ArrayList<>();
        List<ListDecl> lists = new ArrayList<>();
        List<MacroDecl> macros = new ArrayList<>();
        List<RuleDecl> rules = new ArrayList<>();
        for (DeclarationContext d : ctx.declaration()) {
            if (hasError(d)) {
                continue;
            }
            if (d.importDecl() != null) {
                imports.add(new Import(string(d.importDecl().string()), span(d)));
            } else if (d.listDecl() != null) {
                lists.add(new ListDecl(name(d.listDecl().IDENT()), listLiteral(d.listDecl().listLiteral()), span(d)));
            } else if (d.macroDecl() != null) {
                macros.add(new MacroDecl(name(d.macroDecl().IDENT()), expr(d.macroDecl().expr()), span(d)));
            } else if (d.ruleDecl() != null) {
                rules.add(rule(d.ruleDecl()));
            }
        }
        return new DetFile(source, imports, lists, macros, rules, SourceSpan.of(source, 0, 0));
    }

    /** Whether the parser reported an error inside this subtree (then the declaration is not built). */
    boolean hasError(ParserRuleContext ctx) {
        if (ctx.exception != null) {
            return true;
        }
        int from = ctx.getStart().getTokenIndex();
        int to = ctx.getStop() == null ? from : ctx.getStop().getTokenIndex();
        for (int t : errorTokens) {
            if (t >= from && t <= to + 1) {
                return true;
            }
        }
        return containsErrorNode(ctx);
    }

    private static boolean containsErrorNode(ParseTree t) {
        if (t instanceof ErrorNode) {
            return true;
        }
        if (t instanceof ParserRuleContext p && p.exception != null) {
            return true;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (containsErrorNode(t.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    private RuleDecl rule(RuleDeclContext ctx) {
        List<Property> props = new ArrayList<>();
        List<TunableDecl> tunables = new ArrayList<>();
        List<MatchClause> matches = new ArrayList<>();
        List<Clause.Stateful> statefuls = new ArrayList<>();
        List<Clause.Suppress> suppress = new ArrayList<>();
        List<TestBlock> tests = new ArrayList<>();
        for (RuleItemContext item : ctx.ruleItem()) {
            if (item.property() != null) {
                props.add(property(item.property()));
            } else if (item.tunableDecl() != null) {
                TunableDeclContext t = item.tunableDecl();
                Literal v = t.literal() != null ? literal(t.literal()) : listLiteral(t.listLiteral());
                tunables.add(new TunableDecl(name(t.IDENT()), v, span(t)));
            } else if (item.matchClause() != null) {
                MatchClauseContext m = item.matchClause();
                matches.add(new MatchClause(name(m.IDENT()), Optional.ofNullable(m.expr()).map(this::expr), span(m)));
            } else if (item.aggregateClause() != null) {
                statefuls.add(aggregate(item.aggregateClause()));
            } else if (item.sequenceClause() != null) {
                SequenceClauseContext s = item.sequenceClause();
                List<Clause.Step> steps = new ArrayList<>();
                for (StepContext st : s.step()) {
                    steps.add(new Clause.Step(name(st.IDENT()), Optional.ofNullable(st.expr()).map(this::expr), span(st)));
                }
                statefuls.add(new Clause.Sequence(keys(s.keys()), value(s.value()), steps, span(s)));
            } else if (item.beaconClause() != null) {
                BeaconClauseContext b = item.beaconClause();
                Optional<Term> min = b.value().size() > 1 ? Optional.of(value(b.value(1))) : Optional.empty();
                statefuls.add(new Clause.Beacon(keys(b.keys()), value(b.value(0)), min,
                        Optional.ofNullable(b.expr()).map(this::expr), span(b)));
            } else if (item.suppressClause() != null) {
                SuppressClauseContext s = item.suppressClause();
                suppress.add(new Clause.Suppress(keys(s.keys()), value(s.value()), span(s)));
            } else if (item.testBlock() != null) {
                tests.add(test(item.testBlock()));
            }
        }
        return new RuleDecl(name(ctx.IDENT()), props, tunables, matches, statefuls, suppress, tests, span(ctx));
    }

    private Clause.Aggregate aggregate(AggregateClauseContext a) {
        AggregateCallContext call = a.aggregateCall();
        Name fn = new Name(call.fn.getText(), span(call.fn));
        return new Clause.Aggregate(fn, call.DISTINCT() != null, Optional.ofNullable(call.field()).map(this::field),
                Optional.ofNullable(a.IDENT()).map(this::name), keys(a.keys()), value(a.value()), expr(a.expr()),
                span(a));
    }

    private List<FieldRef> keys(KeysContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.field().stream().map(this::field).toList();
    }

    private FieldRef field(FieldContext ctx) {
        return new FieldRef(ctx.getText(), span(ctx));
    }

    private Term value(ValueContext ctx) {
        if (ctx.IDENT() != null) {
            return new Term.Ref(ctx.IDENT().getText(), span(ctx));
        }
        return literal(ctx.literal());
    }

    private Property property(PropertyContext ctx) {
        PropertyValueContext v = ctx.propertyValue();
        List<Property.Scalar> values = new ArrayList<>();
        for (PropertyScalarContext s : v.propertyScalar()) {
            values.add(scalar(s));
        }
        return new Property(name(ctx.IDENT()), values, v.propertyScalar().size() != 1 || v.getStart().getType() == DetectionLexer.LBRACK, span(ctx));
    }

    private Property.Scalar scalar(PropertyScalarContext s) {
        SourceSpan sp = span(s);
        if (s.string() != null) {
            return new Property.Scalar(Property.Kind.STRING, string(s.string()).value(), sp);
        }
        if (s.TECHNIQUE() != null) {
            return new Property.Scalar(Property.Kind.TECHNIQUE, s.getText(), sp);
        }
        if (s.number() != null) {
            return new Property.Scalar(Property.Kind.NUMBER, s.getText(), sp);
        }
        if (s.TRUE() != null || s.FALSE() != null) {
            return new Property.Scalar(Property.Kind.BOOL, s.getText(), sp);
        }
        return new Property.Scalar(Property.Kind.WORD, s.getText(), sp);
    }

    private TestBlock test(TestBlockContext ctx) {
        ExpectationContext e = ctx.expectation();
        CompareOp op = e.compareOp() == null ? CompareOp.EQ : CompareOp.ofSymbol(e.compareOp().getText());
        Literal count = literals.integer(e.INT().getText(), false, span(e.INT()));
        TestBlock.Expectation exp = new TestBlock.Expectation(op, ((Literal.Int) count).value(), span(e));
        TestBlock.Body body;
        if (ctx.FROM() != null) {
            Literal.Str path = string(ctx.string(1));
            body = new TestBlock.Fixture(path, span(ctx.string(1)));
        } else {
            List<TestBlock.Event> events = new ArrayList<>();
            for (TestEventContext te : ctx.testEvents().testEvent()) {
                events.add(testEvent(te));
            }
            body = new TestBlock.Events(events, span(ctx.testEvents()));
        }
        return new TestBlock(string(ctx.string(0)), exp, body, span(ctx));
    }

    private TestBlock.Event testEvent(TestEventContext ctx) {
        Optional<TestBlock.Repeat> repeat = Optional.empty();
        if (ctx.repeat() != null) {
            RepeatContext r = ctx.repeat();
            long n = ((Literal.Int) literals.integer(r.INT().getText(), false, span(r.INT()))).value();
            repeat = Optional.of(new TestBlock.Repeat(n, Optional.ofNullable(r.literal()).map(this::literal), span(r)));
        }
        List<TestBlock.Field> fields = new ArrayList<>();
        for (TestFieldContext f : ctx.testField()) {
            fields.add(new TestBlock.Field(field(f.field()), testValue(f.testValue()), span(f)));
        }
        return new TestBlock.Event(name(ctx.IDENT()), repeat, fields, span(ctx));
    }

    private TestValue testValue(TestValueContext ctx) {
        if (ctx.PLUS() != null) {
            return new TestValue.RelativeTime(literal(ctx.literal()), span(ctx));
        }
        if (ctx.listLiteral() != null) {
            return listLiteral(ctx.listLiteral());
        }
        if (ctx.range() != null) {
            return range(ctx.range());
        }
        return literal(ctx.literal());
    }

    Expr expr(ExprContext ctx) {
        SourceSpan sp = span(ctx);
        if (ctx instanceof NotExprContext n) {
            return new Expr.Not(expr(n.expr()), sp);
        }
        if (ctx instanceof AndExprContext || ctx instanceof OrExprContext) {
            List<Expr> ops = new ArrayList<>();
            Class<?> kind = ctx.getClass();
            for (ExprContext child : ctx.getRuleContexts(ExprContext.class)) {
                flatten(child, kind, ops);
            }
            return ctx instanceof AndExprContext ? new Expr.And(ops, sp) : new Expr.Or(ops, sp);
        }
        if (ctx instanceof ParenExprContext p) {
            return expr(p.expr());
        }
        if (ctx instanceof ExistsExprContext e) {
            return new Expr.Exists(field(e.field()), sp);
        }
        PredicateExprContext p = (PredicateExprContext) ctx;
        Term left = term(p.term());
        PredicateTailContext tail = p.predicateTail();
        if (tail == null) {
            return new Expr.Bare(left, sp);
        }
        if (tail instanceof CompareTailContext c) {
            return new Expr.Compare(left, CompareOp.ofSymbol(c.compareOp().getText()), term(c.term()), sp);
        }
        if (tail instanceof InTailContext i) {
            return new Expr.In(left, i.NOT() != null, setRef(i.setRef()), sp);
        }
        StringTailContext st = (StringTailContext) tail;
        return new Expr.StringMatch(left, StringOp.ofKeyword(st.stringOp().getText()), st.NOT() != null, term(st.term()), sp);
    }

    private void flatten(ExprContext ctx, Class<?> kind, List<Expr> out) {
        ExprContext c = ctx;
        if (kind.isInstance(c)) {
            for (ExprContext child : c.getRuleContexts(ExprContext.class)) {
                flatten(child, kind, out);
            }
        } else {
            out.add(expr(c));
        }
    }

    private SetRef setRef(SetRefContext ctx) {
        if (ctx.IDENT() != null) {
            return new Term.Ref(ctx.IDENT().getText(), span(ctx));
        }
        return listLiteral(ctx.listLiteral());
    }

    private Term term(TermContext ctx) {
        SourceSpan sp = span(ctx);
        if (ctx instanceof CallTermContext c) {
            return new Term.Call(new Name(c.fn.getText(), span(c.fn)), c.term().stream().map(this::term).toList(), sp);
        }
        if (ctx instanceof LiteralTermContext l) {
            return literal(l.literal());
        }
        if (ctx instanceof FieldTermContext f) {
            return new FieldRef(f.getText(), sp);
        }
        return new Term.Ref(ctx.getText(), sp);
    }

    Literal.ListLit listLiteral(ListLiteralContext ctx) {
        List<Literal> items = new ArrayList<>();
        for (ListItemContext i : ctx.listItem()) {
            items.add(i.range() != null ? range(i.range()) : literal(i.literal()));
        }
        return new Literal.ListLit(items, span(ctx));
    }

    private Literal range(RangeContext ctx) {
        long from = ((Literal.Int) literals.integer(ctx.INT(0).getText(), false, span(ctx.INT(0)))).value();
        long to = ((Literal.Int) literals.integer(ctx.INT(1).getText(), false, span(ctx.INT(1)))).value();
        return new Literal.Range(from, to, span(ctx));
    }

    Literal literal(LiteralContext ctx) {
        SourceSpan sp = span(ctx);
        if (ctx.string() != null) {
            return string(ctx.string());
        }
        if (ctx.number() != null) {
            NumberContext n = ctx.number();
            boolean neg = n.MINUS() != null;
            return n.INT() != null ? literals.integer(n.INT().getText(), neg, sp)
                    : literals.decimal(n.DECIMAL().getText(), neg, sp);
        }
        Token t = ctx.getStart();
        String text = t.getText();
        return switch (t.getType()) {
            case DetectionLexer.TRUE -> new Literal.Bool(true, sp);
            case DetectionLexer.FALSE -> new Literal.Bool(false, sp);
            case DetectionLexer.IPV4, DetectionLexer.IPV6 -> literals.ip(text, sp);
            case DetectionLexer.IPV4_CIDR, DetectionLexer.IPV6_CIDR -> literals.cidr(text, sp);
            case DetectionLexer.DURATION -> literals.duration(text, sp);
            case DetectionLexer.SIZE -> literals.size(text, sp);
            default -> throw new IllegalStateException("unknown literal token " + text);
        };
    }

    private Literal.Str string(StringContext ctx) {
        Token t = ctx.getStart();
        return t.getType() == DetectionLexer.RAW_STRING ? literals.raw(t.getText(), span(t))
                : literals.string(t.getText(), span(t));
    }
}
