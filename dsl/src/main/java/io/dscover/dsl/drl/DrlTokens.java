package io.dscover.dsl.drl;

import io.dscover.dsl.ast.CompareOp;
import io.dscover.dsl.ast.StringOp;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The DRL backend as a table: how each operator, function and literal of the language is written in
 * a Drools executable-model constraint. Everything that is not structure lives here.
 *
 * <p>Measured choices (DROOLS-NOTES.md and this module's tests): constraints never use {@code eval}
 * (15x slower); small {@code in} lists become {@code ||} chains of {@code ==} (the executable model's
 * {@code in} is 2.7x slower on numbers); comparisons of unset (null) boxed fields with {@code == < > ...}
 * are false and {@code !=} is true in the executable model, which is the language's semantics, so no
 * extra null guards are emitted for them. String operators call null-safe helpers because a method call
 * on a null field would throw.
 */
final class DrlTokens {

    private DrlTokens() {
    }

    static final String RUNTIME = "RuleFunctions";

    /** Top-level conjuncts become separate pattern constraints (Drools indexes and shares them). */
    static final String TOP_AND = ",\n            ";
    static final String AND = " && ";
    static final String OR = " || ";
    static final String NOT = "!";
    static final String OPEN = "(";
    static final String CLOSE = ")";
    /** A condition that never holds (membership in an empty list). */
    static final String NEVER = "false";

    /** Lists up to this size are inlined as {@code ==} chains; longer ones use a cached set. */
    static final int INLINE_SET_MAX = 8;

    /** Encoded set items per membership call (chars; a UTF-8 class constant holds at most 65,535 bytes). */
    static final int SET_CHUNK_CHARS = 8_000;

    static final Map<CompareOp, String> COMPARE = new EnumMap<>(Map.of(
            CompareOp.EQ, " == ", CompareOp.NE, " != ", CompareOp.LT, " < ", CompareOp.LE, " <= ",
            CompareOp.GT, " > ", CompareOp.GE, " >= "));

    /** The comparison with its operands swapped ({@code 5 < x} is {@code x > 5}). */
    static final Map<CompareOp, CompareOp> FLIPPED = new EnumMap<>(Map.of(
            CompareOp.EQ, CompareOp.EQ, CompareOp.NE, CompareOp.NE, CompareOp.LT, CompareOp.GT,
            CompareOp.LE, CompareOp.GE, CompareOp.GT, CompareOp.LT, CompareOp.GE, CompareOp.LE));

    static final Map<StringOp, String> STRING_OP = new EnumMap<>(Map.of(
            StringOp.CONTAINS, "contains", StringOp.STARTSWITH, "startsWith", StringOp.ENDSWITH, "endsWith",
            StringOp.ICONTAINS, "icontains", StringOp.ISTARTSWITH, "istartsWith", StringOp.IENDSWITH, "iendsWith",
            StringOp.MATCHES, "matches"));

    /** On a list field: true when any element satisfies the operator. */
    static final Map<StringOp, String> LIST_STRING_OP = new EnumMap<>(Map.of(
            StringOp.CONTAINS, "anyContains", StringOp.STARTSWITH, "anyStartsWith", StringOp.ENDSWITH, "anyEndsWith",
            StringOp.ICONTAINS, "anyIcontains", StringOp.ISTARTSWITH, "anyIstartsWith", StringOp.IENDSWITH, "anyIendsWith",
            StringOp.MATCHES, "anyMatches"));

    static final String IN_CIDRS = "inCidrs";
    static final String ANY_IN_CIDRS = "anyInCidrs";
    static final String IN_STRINGS = "inStrings";
    static final String ANY_IN_STRINGS = "anyInStrings";
    static final String IN_LONGS = "inLongs";
    static final String ANY_IN_LONGS = "anyInLongs";
    static final String IN_DECIMALS = "inDecimals";
    static final String HAS_NUMBER = "hasNumber";
    static final String PRESENT = "present";

    static String call(String method, String... args) {
        return RUNTIME + "." + method + "(" + String.join(", ", args) + ")";
    }

    static String longLiteral(long v) {
        return v + "L";
    }

    static String decimalLiteral(BigDecimal v) {
        String s = v.stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    static String decimalLiteral(double v) {
        return decimalLiteral(BigDecimal.valueOf(v));
    }

    /**
     * A DRL (and Java) string literal that denotes exactly {@code value}. Quotes and backslashes are
     * escaped; control characters use named or octal escapes; every other character, non-ASCII
     * included, is written as itself. No {@code \\u} escapes: Java translates those before it lexes,
     * so {@code \\u0022} would end the string in the generated Java source.
     *
     * <p>Drools 10.2 also scans constraint text for {@code :=} (its unification operator) without
     * skipping string literals and splits the expression there (found by LiteralInjectionPropertyTest:
     * {@code "a:=b"} in a constraint fails to build). So an {@code =} after {@code :} is written as the
     * octal escape {@code \075}, which denotes the same character.
     */
    static String string(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=' && i > 0 && value.charAt(i - 1) == ':') {
                sb.append("\\075");
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        String oct = Integer.toOctalString(c);
                        sb.append('\\').append("000", oct.length(), 3).append(oct);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Text for a {@code //} comment: one line, no control or line-separator characters. */
    static String comment(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 200; i++) {
            char c = text.charAt(i);
            boolean lineBreak = c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
            sb.append(lineBreak ? ' ' : c);
        }
        return sb.toString();
    }
}
