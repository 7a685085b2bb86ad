package io.dscover.dsl.parse;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Parses {@code .det} text. Syntax errors become diagnostics; declarations without errors still make it into the tree. */
public final class DetParser {

    /** Diagnostic code of syntax errors. */
    public static final String SYNTAX = "Syntax";

    private DetParser() {
    }

    /** Parses one file, adding any syntax or literal errors to {@code diagnostics}. */
    public static DetFile parse(RuleSource source, Diagnostics diagnostics) {
        DetectionLexer lexer = new DetectionLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        DetectionParser parser = new DetectionParser(tokens);
        parser.removeErrorListeners();
        // two-stage parse: SLL prediction (fast, exact on well-formed files) that gives up at the first
        // doubt, then full LL with error recovery, so a syntax error is never an SLL artefact
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        DetectionParser.FileContext tree;
        SyntaxErrorStrategy errors = new SyntaxErrorStrategy();
        try {
            tree = parser.file();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(errors);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.file();
        }
        Set<Integer> errorTokens = new HashSet<>();
        AstBuilder builder = new AstBuilder(source, diagnostics, errorTokens);
        for (SyntaxErrorStrategy.SyntaxError e : errors.errors()) {
            errorTokens.add(e.tokenIndex());
        }
        Map<SyntaxErrorStrategy.SyntaxError, String> skipped = skippedDeclarations(tree, errors.errors(), builder);
        for (SyntaxErrorStrategy.SyntaxError e : errors.errors()) {
            SourceSpan at = e.endOf() != null ? builder.endOf(e.endOf()) : builder.span(e.token());
            diagnostics.error(SYNTAX, at, e.message() + skipped.getOrDefault(e, ""));
        }
        return builder.file(tree);
    }

    /**
     * A declaration with a syntax error is not built (its tree is incomplete): say so on its first syntax
     * error, so no rule, list or macro disappears silently.
     */
    private static Map<SyntaxErrorStrategy.SyntaxError, String> skippedDeclarations(DetectionParser.FileContext tree,
            List<SyntaxErrorStrategy.SyntaxError> errors, AstBuilder builder) {
        Map<SyntaxErrorStrategy.SyntaxError, String> notes = new HashMap<>();
        List<DetectionParser.DeclarationContext> declarations = tree.declaration();
        for (int i = 0; i < declarations.size(); i++) {
            DetectionParser.DeclarationContext d = declarations.get(i);
            if (!builder.hasError(d)) {
                continue;
            }
            // declarations are contiguous; a conjured closing token has no index, so the next one bounds this one
            int from = d.getStart().getTokenIndex();
            int to = i + 1 < declarations.size() ? declarations.get(i + 1).getStart().getTokenIndex() - 1 : Integer.MAX_VALUE;
            errors.stream().filter(e -> e.tokenIndex() >= from && e.tokenIndex() <= to)
                    .filter(e -> !notes.containsKey(e)).findFirst()
                    .ifPresent(e -> notes.put(e, " (" + what(d, e.tokenIndex()) + " is skipped until this is fixed)"));
        }
        return notes;
    }

    // the declaration's name, unless the mistake comes before it (then the parser may have taken a wrong word)
    private static String what(DetectionParser.DeclarationContext d, int errorToken) {
        TerminalNode name = d.ruleDecl() != null ? d.ruleDecl().IDENT() : d.listDecl() != null ? d.listDecl().IDENT()
                : d.macroDecl() != null ? d.macroDecl().IDENT() : null;
        String kind = d.ruleDecl() != null ? "rule" : d.listDecl() != null ? "list" : d.macroDecl() != null ? "macro" : "import";
        boolean named = name != null && name.getSymbol().getTokenIndex() >= 0 && name.getSymbol().getTokenIndex() <= errorToken;
        return named ? kind + " '" + name.getText() + "'" : "this " + kind;
    }

    /**
     * Parses a value written on its own (a tunable override such as {@code 200}, {@code 5m} or
     * {@code [22, 23]}); empty with diagnostics when it is not one value.
     */
    public static Optional<Literal> parseValue(RuleSource source, Diagnostics diagnostics) {
        DetectionLexer lexer = new DetectionLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        DetectionParser parser = new DetectionParser(tokens);
        parser.removeErrorListeners();
        SyntaxErrorStrategy errors = new SyntaxErrorStrategy();
        parser.setErrorHandler(errors);
        DetectionParser.ValueOnlyContext tree = parser.valueOnly();
        AstBuilder builder = new AstBuilder(source, diagnostics, Set.of());
        // a shell eats the double quotes of --tunable r.agents=["curl"]: say so rather than "unexpected name"
        for (Token t : tokens.getTokens()) {
            if (t.getType() == DetectionLexer.IDENT || t.getType() == DetectionLexer.DOTTED) {
                diagnostics.error(SYNTAX, builder.span(t), "'" + t.getText() + "' needs double quotes to be a string: "
                        + quotedExample(source.text()) + " (a shell drops the quotes unless the whole argument is in single quotes)");
                return Optional.empty();
            }
        }
        if (!errors.errors().isEmpty()) {
            Token t = errors.errors().get(0).token();
            diagnostics.error(SYNTAX, builder.span(t), errors.errors().get(0).message());
            return Optional.empty();
        }
        int mark = diagnostics.size();
        Literal value = tree.literal() != null ? builder.literal(tree.literal()) : builder.listLiteral(tree.listLiteral());
        return diagnostics.hasErrorsSince(mark) ? Optional.empty() : Optional.of(value);
    }

    // the value with every bare word in double quotes, as the user meant it
    private static String quotedExample(String value) {
        return value.replaceAll("(?<![\\w.\"])([A-Za-z_][A-Za-z0-9_.]*)", "\"$1\"");
    }

    static SourceSpan whole(RuleSource source) {
        return SourceSpan.of(source, 0, source.text().length());
    }
}
