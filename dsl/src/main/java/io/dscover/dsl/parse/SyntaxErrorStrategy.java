package io.dscover.dsl.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery with messages a person would write: "expected ':' after 'title', found a string"
 * rather than {@code mismatched input '<EOF>' expecting {...}} with thirty alternatives. Large expected
 * sets are named by what the parser was reading ("a condition", "a rule item").
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    /**
     * A syntax error: message, the offending token, and {@code endOf}: the token the mistake follows when
     * it is the last one on its line (a missing value or bracket is reported where it is missing, not at
     * the next line's first word); {@code null} otherwise.
     */
    record SyntaxError(String message, Token token, Token endOf) {

        int line() {
            return endOf != null ? endOf.getLine() : token.getLine();
        }

        /** The index of the token the mistake belongs to: the one it follows, or the offending one. */
        int tokenIndex() {
            return endOf != null ? endOf.getTokenIndex() : token.getTokenIndex();
        }
    }

    private final List<SyntaxError> errors = new ArrayList<>();

    List<SyntaxError> errors() {
        return errors;
    }

    private static final Map<Integer, String> TOKEN_NAMES = new LinkedHashMap<>();

    static {
        TOKEN_NAMES.put(DetectionParser.IDENT, "a name");
        TOKEN_NAMES.put(DetectionParser.DOTTED, "a field name");
        TOKEN_NAMES.put(DetectionParser.STRING, "a string");
        TOKEN_NAMES.put(DetectionParser.RAW_STRING, "a string");
        TOKEN_NAMES.put(DetectionParser.INT, "a number");
        TOKEN_NAMES.put(DetectionParser.DECIMAL, "a number");
        TOKEN_NAMES.put(DetectionParser.TECHNIQUE, "a technique ID");
        TOKEN_NAMES.put(DetectionParser.DURATION, "a duration");
        TOKEN_NAMES.put(DetectionParser.SIZE, "a size");
        TOKEN_NAMES.put(DetectionParser.IPV4, "an IP address");
        TOKEN_NAMES.put(DetectionParser.IPV6, "an IP address");
        TOKEN_NAMES.put(DetectionParser.IPV4_CIDR, "a CIDR");
        TOKEN_NAMES.put(DetectionParser.IPV6_CIDR, "a CIDR");
        TOKEN_NAMES.put(Token.EOF, "end of file");
    }

    /**
     * A rule that lacks its closing brace ends where the next declaration starts: without this, recovery
     * would skip the next rule's header looking for a rule item, and lose that rule too.
     */
    @Override
    public void sync(Parser parser) {
        if (parser.getContext() instanceof DetectionParser.RuleDeclContext && startsDeclaration(parser.getInputStream().LA(1))) {
            return;
        }
        super.sync(parser);
    }

    private static boolean startsDeclaration(int type) {
        return type == DetectionParser.RULE || type == DetectionParser.LIST || type == DetectionParser.MACRO
                || type == DetectionParser.IMPORT;
    }

    /** Brackets are never deleted to get past a mistake: `rule { ...` lacks a name, its '{' is not extra. */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        int type = parser.getInputStream().LA(1);
        if (type == DetectionParser.LBRACE || type == DetectionParser.RBRACE || type == DetectionParser.LBRACK
                || type == DetectionParser.RBRACK) {
            return null;
        }
        return super.singleTokenDeletion(parser);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token prev = previous(parser, e.getOffendingToken());
        if (prev != null && prev.getType() == DetectionLexer.COMMA && e.getOffendingToken().getType() == DetectionLexer.COMMA) {
            report(parser, e.getOffendingToken(), "expected a value after ',', found a second ','");
            return;
        }
        report(parser, e.getOffendingToken(), "expected " + expectedIn(parser, (ParserRuleContext) e.getCtx(), e.getExpectedTokens())
                + after(parser, e.getOffendingToken()) + ", found " + describe(e.getOffendingToken())
                + unclosed(parser, e.getOffendingToken()));
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), "expected " + expectedIn(parser, (ParserRuleContext) e.getCtx(), e.getExpectedTokens())
                + after(parser, e.getOffendingToken()) + ", found " + describe(e.getOffendingToken())
                + unclosed(parser, e.getOffendingToken()));
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        report(parser, e.getOffendingToken(), "unexpected " + unexpected(e.getOffendingToken()));
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        IntervalSet expecting = getExpectedTokens(parser);
        String expected = expectedIn(parser, parser.getContext(), expecting);
        if (t.getType() == Token.EOF) {
            report(parser, t, "expected " + expected + after(parser, t) + ", found end of file" + unclosed(parser, t));
        } else if (t.getType() == DetectionLexer.UNKNOWN_CHAR) {
            report(parser, t, describe(t) + "; expected " + expected + after(parser, t));
        } else if (endsLineBefore(parser, t) != null) {
            // the line ended before what was expected: something is missing there, the next line is fine
            report(parser, t, "expected " + expected + after(parser, t) + ", found " + describe(t));
        } else {
            report(parser, t, "unexpected " + unexpected(t) + "; expected " + expected + after(parser, t));
        }
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        IntervalSet expecting = getExpectedTokens(parser);
        report(parser, t, "missing " + expectedIn(parser, parser.getContext(), expecting) + after(parser, t)
                + ", found " + describe(t) + unclosed(parser, t));
    }

    private void report(Parser parser, Token token, String message) {
        if (token.getType() == DetectionLexer.UNTERMINATED_STRING) {
            message = "unterminated string: a '\"' is missing before the end of the line";
        }
        Token endOf = message.startsWith("expected ") || message.startsWith("missing ") ? endsLineBefore(parser, token) : null;
        if (endOf != null && token.getType() != Token.EOF) {
            message = message.replace(", found " + describe(token), ", found " + describe(token) + " on line " + token.getLine());
        }
        SyntaxError error = new SyntaxError(message, token, endOf);
        // one error per line: later ones on the same line are usually the recovery's echoes
        if (!errors.isEmpty() && errors.get(errors.size() - 1).line() == error.line()) {
            return;
        }
        errors.add(error);
    }

    /** The token before {@code t} when it ends an earlier line than {@code t}'s, else null. */
    private static Token endsLineBefore(Parser parser, Token t) {
        Token prev = previous(parser, t);
        return prev != null && prev.getLine() < t.getLine() ? prev : null;
    }

    private static Token previous(Parser parser, Token t) {
        int i = t.getTokenIndex() - 1;
        while (i >= 0 && parser.getTokenStream().get(i).getChannel() != Token.DEFAULT_CHANNEL) {
            i--;
        }
        return i < 0 ? null : parser.getTokenStream().get(i);
    }

    // "unexpected name 'x'", not "unexpected a name 'x'"
    private static String unexpected(Token t) {
        String d = describe(t);
        return d.startsWith("a ") ? d.substring(2) : d.startsWith("an ") ? d.substring(3) : d;
    }

    private static String after(Parser parser, Token offending) {
        Token prev = previous(parser, offending);
        if (prev == null) {
            return "";
        }
        String text = prev.getText();
        return text.length() > 30 ? "" : " after '" + text + "'";
    }

    // at end of file, name the block that is still open
    private static String unclosed(Parser parser, Token offending) {
        if (offending.getType() != Token.EOF) {
            return "";
        }
        for (ParserRuleContext c = parser.getContext(); c != null; c = (ParserRuleContext) c.getParent()) {
            if (c instanceof DetectionParser.RuleDeclContext r && r.IDENT() != null) {
                return " (rule '" + r.IDENT().getText() + "' opened at line " + r.getStart().getLine() + " is not closed with '}')";
            }
            if (c instanceof DetectionParser.TestBlockContext t) {
                return " (test opened at line " + t.getStart().getLine() + " is not closed with '}')";
            }
        }
        return "";
    }

    static String describe(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of file";
        }
        String text = t.getText();
        if (t.getType() == DetectionLexer.UNKNOWN_CHAR) {
            return "unexpected character '" + printable(text) + "'";
        }
        if (t.getType() == DetectionLexer.UNTERMINATED_STRING) {
            return "a string that does not end on its line (missing '\"')";
        }
        String kind = TOKEN_NAMES.get(t.getType());
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        if (kind == null) {
            return "'" + printable(shown) + "'";
        }
        return kind + " '" + printable(shown) + "'";
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String expectedIn(Parser parser, ParserRuleContext ctx, IntervalSet expected) {
        List<String> names = new ArrayList<>();
        if (expected != null) {
            for (int type : expected.toList()) {
                String n = name(type);
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        if (!names.isEmpty() && names.size() <= 3) {
            return join(names);
        }
        return ruleNoun(ctx, names);
    }

    private static String ruleNoun(ParserRuleContext ctx, List<String> fallback) {
        for (ParserRuleContext c = ctx; c != null; c = (ParserRuleContext) c.getParent()) {
            String noun = switch (c.getRuleIndex()) {
                case DetectionParser.RULE_file, DetectionParser.RULE_declaration ->
                        "'rule', 'list', 'macro' or 'import'";
                case DetectionParser.RULE_ruleDecl, DetectionParser.RULE_ruleItem ->
                        "a rule item (a property such as 'title:', 'tunable', 'match', 'aggregate', 'sequence', "
                                + "'beacon', 'suppress', 'test') or '}'";
                case DetectionParser.RULE_expr, DetectionParser.RULE_term, DetectionParser.RULE_matchClause,
                        DetectionParser.RULE_predicateTail ->
                        "a condition (e.g. destination.port == 22)";
                case DetectionParser.RULE_literal, DetectionParser.RULE_value, DetectionParser.RULE_testValue,
                        DetectionParser.RULE_tunableDecl, DetectionParser.RULE_listItem,
                        DetectionParser.RULE_number -> "a value (string, number, IP, CIDR, duration, size, true/false)";
                case DetectionParser.RULE_propertyValue, DetectionParser.RULE_propertyScalar, DetectionParser.RULE_property ->
                        "a value (string, name, number or [list])";
                case DetectionParser.RULE_testEvents, DetectionParser.RULE_testEvent, DetectionParser.RULE_testField ->
                        "a test event (e.g. flow { destination.port: 22 }) or '}'";
                case DetectionParser.RULE_aggregateClause, DetectionParser.RULE_aggregateCall ->
                        "the rest of 'aggregate FN(field) [as NAME] by KEYS within DURATION having CONDITION'";
                case DetectionParser.RULE_sequenceClause, DetectionParser.RULE_step ->
                        "the rest of 'sequence by KEYS within DURATION [EVENT where ...] then [...]'";
                case DetectionParser.RULE_beaconClause ->
                        "the rest of 'beacon by KEYS within DURATION min N having score >= X'";
                case DetectionParser.RULE_testBlock, DetectionParser.RULE_expectation ->
                        "the rest of 'test \"name\" expect N { events }'";
                default -> null;
            };
            if (noun != null) {
                return noun;
            }
        }
        return fallback.isEmpty() ? "something else" : join(fallback.subList(0, Math.min(3, fallback.size())));
    }

    private static String name(int type) {
        String n = TOKEN_NAMES.get(type);
        if (n != null) {
            return n;
        }
        String literal = DetectionParser.VOCABULARY.getLiteralName(type);
        return literal != null ? literal : DetectionParser.VOCABULARY.getDisplayName(type);
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
