package io.dscover.dsl.parse;

import io.dscover.dsl.ast.DetFile;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

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
        SyntaxErrorStrategy errors = new SyntaxErrorStrategy();
        parser.setErrorHandler(errors);
        // SLL is exact for this grammar's files in practice and several times faster; LL only on doubt
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        DetectionParser.FileContext tree = parser.file();
        Set<Integer> errorTokens = new HashSet<>();
        AstBuilder builder = new AstBuilder(source, diagnostics, errorTokens);
        for (SyntaxErrorStrategy.SyntaxError e : errors.errors()) {
            errorTokens.add(e.token().getTokenIndex());
            diagnostics.error(SYNTAX, builder.span(e.token()), e.message());
        }
        return builder.file(tree);
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
