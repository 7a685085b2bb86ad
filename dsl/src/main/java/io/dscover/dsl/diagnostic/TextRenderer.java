package io.dscover.dsl.diagnostic;

import io.dscover.dsl.source.SourceSpan;
import java.util.List;

/**
 * Renders diagnostics the way compilers do:
 * <pre>
 * rules/dns.det:12:24: error: unknown field 'dns.qname' for event 'dns'; did you mean 'dns.question.name'?
 *    12 |   match dns where dns.qname == "x"
 *       |                   ^^^^^^^^^
 * </pre>
 * Tabs in the echoed line become single spaces so the caret stays under the column it names.
 */
public final class TextRenderer {

    private final boolean color;

    public TextRenderer(boolean color) {
        this.color = color;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            render(d, sb);
        }
        return sb.toString();
    }

    public void render(Diagnostic d, StringBuilder sb) {
        SourceSpan s = d.span();
        String sev = d.severity().label();
        if (color) {
            sev = (d.isError() ? "\u001b[1;31m" : "\u001b[1;35m") + sev + "\u001b[0m";
        }
        sb.append(s.location()).append(": ").append(sev).append(": ").append(clean(d.message())).append('\n');
        String line = s.source().line(s.line());
        if (line.isEmpty() && s.startOffset() >= s.source().text().length()) {
            return;
        }
        String num = Integer.toString(s.line());
        String pad = " ".repeat(Math.max(5, num.length() + 1));
        sb.append(" ".repeat(pad.length() - num.length())).append(num).append(" | ").append(clean(line)).append('\n');
        sb.append(pad).append(" | ").append(" ".repeat(Math.max(0, s.column() - 1)));
        String carets = "^".repeat(s.underlineLength());
        sb.append(color ? "\u001b[1;32m" + carets + "\u001b[0m" : carets).append('\n');
    }

    // a rule file may hold any character; keep the terminal safe and the columns aligned
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c == '\t' || c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? ' ' : c);
        }
        return sb.toString();
    }
}
