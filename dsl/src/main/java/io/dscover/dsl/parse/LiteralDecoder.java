package io.dscover.dsl.parse;

import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.source.SourceSpan;
import io.dscover.model.event.Durations;
import io.dscover.model.event.IpAddresses;
import java.math.BigDecimal;

/** Decodes literal tokens; a malformed one is reported and decoded as well as it can be. */
final class LiteralDecoder {

    static final String CODE = "Literal";

    private final Diagnostics diagnostics;

    LiteralDecoder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The longest string literal: generated code keeps each in one class constant (at most 64 KiB of UTF-8). */
    static final int MAX_STRING_CHARS = 16_384;

    /** The value of a {@code "..."} token (quotes included), escapes resolved. */
    Literal.Str string(String token, SourceSpan span) {
        if (token.length() > MAX_STRING_CHARS) {
            diagnostics.error(CODE, SourceSpan.of(span.source(), span.startOffset(), span.startOffset() + 1),
                    "string literal of " + token.length() + " characters; the limit is " + MAX_STRING_CHARS);
            return new Literal.Str("", false, span);
        }
        StringBuilder sb = new StringBuilder(token.length());
        int end = token.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = token.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            int escStart = i;
            char e = token.charAt(++i);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case '0' -> sb.append('\0');
                case 'x' -> {
                    int v = hex(token, i + 1, 2, end);
                    if (v < 0) {
                        bad(span, escStart, 2, "'\\x' needs two hex digits, e.g. \\x41");
                    } else {
                        sb.append((char) v);
                        i += 2;
                    }
                }
                case 'u' -> {
                    if (i + 1 < end && token.charAt(i + 1) == '{') {
                        int close = token.indexOf('}', i + 2);
                        int v = close < 0 || close > end || close - i - 2 > 6 || close == i + 2
                                ? -1 : hex(token, i + 2, close - i - 2, end);
                        if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                            bad(span, escStart, 2, "'\\u{...}' needs a Unicode scalar value in hex, e.g. \\u{1F600}");
                        } else {
                            sb.appendCodePoint(v);
                            i = close;
                        }
                    } else {
                        int v = hex(token, i + 1, 4, end);
                        if (v < 0 || (v >= 0xD800 && v <= 0xDFFF)) {
                            bad(span, escStart, 2, "'\\u' needs four hex digits of a character that is not a surrogate, e.g. \\u00e9");
                        } else {
                            sb.append((char) v);
                            i += 4;
                        }
                    }
                }
                default -> bad(span, escStart, 2, "unknown escape '\\" + e + "' in a string; write '\\\\" + e
                        + "' for a backslash, or use a raw string r\"...\" (handy for regexes)");
            }
        }
        return new Literal.Str(sb.toString(), false, span);
    }

    private void bad(SourceSpan string, int offsetInToken, int length, String message) {
        int start = string.startOffset() + offsetInToken;
        diagnostics.error(CODE, SourceSpan.of(string.source(), start, start + length), message);
    }

    private static int hex(String s, int from, int count, int end) {
        if (from + count > end) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    Literal.Str raw(String token, SourceSpan span) {
        if (token.length() > MAX_STRING_CHARS) {
            diagnostics.error(CODE, SourceSpan.of(span.source(), span.startOffset(), span.startOffset() + 1),
                    "string literal of " + token.length() + " characters; the limit is " + MAX_STRING_CHARS);
            return new Literal.Str("", true, span);
        }
        return new Literal.Str(token.substring(2, token.length() - 1), true, span);
    }

    Literal integer(String text, boolean negative, SourceSpan span) {
        try {
            return new Literal.Int(Long.parseLong(negative ? "-" + text : text), span);
        } catch (NumberFormatException e) {
            diagnostics.error(CODE, span, "integer out of range (at most 9223372036854775807): " + text);
            return new Literal.Int(0, span);
        }
    }

    Literal decimal(String text, boolean negative, SourceSpan span) {
        BigDecimal d = new BigDecimal(text);
        return new Literal.Decimal(negative ? d.negate() : d, span);
    }

    Literal ip(String text, SourceSpan span) {
        String c = IpAddresses.canonical(text);
        if (c == null) {
            diagnostics.error(CODE, span, "'" + text + "' is not an IP address");
            return new Literal.Ip(text, text.indexOf(':') >= 0, span);
        }
        return new Literal.Ip(c, c.indexOf(':') >= 0, span);
    }

    Literal cidr(String text, SourceSpan span) {
        int slash = text.indexOf('/');
        String addr = text.substring(0, slash);
        byte[] bytes = IpAddresses.parse(addr);
        boolean v6 = addr.indexOf(':') >= 0;
        if (bytes == null) {
            diagnostics.error(CODE, span, "'" + addr + "' is not an IP address");
            return new Literal.Cidr(text, v6, span);
        }
        int max = bytes.length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > max) {
            diagnostics.error(CODE, span, "prefix length /" + text.substring(slash + 1) + " is out of range for "
                    + (bytes.length == 4 ? "IPv4 (0..32)" : "IPv6 (0..128)"));
            return new Literal.Cidr(text, v6, span);
        }
        byte[] net = bytes.clone();
        for (int bit = prefix; bit < max; bit++) {
            net[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        String canonical = IpAddresses.format(net) + "/" + prefix;
        if (!java.util.Arrays.equals(net, bytes)) {
            diagnostics.warning(CODE, span, "'" + text + "' has host bits set; it means " + canonical);
        }
        return new Literal.Cidr(canonical, bytes.length == 16, span);
    }

    Literal duration(String text, SourceSpan span) {
        try {
            return new Literal.Duration(Durations.parse(text), text, span);
        } catch (IllegalArgumentException e) {
            diagnostics.error(CODE, span, e.getMessage());
            return new Literal.Duration(0, text, span);
        }
    }

    Literal size(String text, SourceSpan span) {
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        long unit = switch (text.substring(i)) {
            case "B" -> 1L;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            default -> throw new IllegalStateException("lexer accepted size unit " + text);
        };
        try {
            return new Literal.Size(Math.multiplyExact(Long.parseLong(text.substring(0, i)), unit), text, span);
        } catch (ArithmeticException | NumberFormatException e) {
            diagnostics.error(CODE, span, "size out of range: " + text);
            return new Literal.Size(0, text, span);
        }
    }
}
