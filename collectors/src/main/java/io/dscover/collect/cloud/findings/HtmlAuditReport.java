package io.dscover.collect.cloud.findings;

/**
 * An audit as one self-contained HTML page (inline style, no scripts, opens offline). It is the
 * Markdown report's content: headings, lists, tables and code spans of that text, every value
 * HTML-escaped first (log content is attacker-controlled).
 */
public final class HtmlAuditReport {

    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;"
            + "padding:0 1em;color:#1b1f24}h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #d0d7de;"
            + "padding-bottom:.2em}table{border-collapse:collapse;margin:.6em 0;font-size:13px}th,td{border:1px solid "
            + "#d0d7de;padding:3px 7px;text-align:left;vertical-align:top}th{background:#f6f8fa}tr:nth-child(even) "
            + "td{background:#fbfcfd}code{background:#f0f2f4;padding:0 3px;border-radius:3px}pre{background:#f6f8fa;"
            + "padding:.6em;overflow:auto}strong{color:#b42318}";

    private HtmlAuditReport() {
    }

    public static String render(AuditReport report) {
        String md = MarkdownAuditReport.render(report);
        StringBuilder html = new StringBuilder(md.length() * 2);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape("dscover audit: " + report.provider())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        boolean inList = false;
        boolean inTable = false;
        boolean inPre = false;
        boolean headerRow = false;
        for (String line : md.split("\n", -1)) {
            if (inList && !line.startsWith("- ")) {
                html.append("</ul>\n");
                inList = false;
            }
            if (inTable && !line.startsWith("|")) {
                html.append("</table>\n");
                inTable = false;
            }
            if (inPre && !line.startsWith("    ")) {
                html.append("</pre>\n");
                inPre = false;
            }
            if (line.startsWith("# ")) {
                html.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("## ")) {
                html.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("- ")) {
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                html.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else if (line.startsWith("|---")) {
                headerRow = false;
            } else if (line.startsWith("|")) {
                if (!inTable) {
                    html.append("<table>\n");
                    inTable = true;
                    headerRow = true;
                }
                String tag = headerRow ? "th" : "td";
                html.append("<tr>");
                for (String cell : cells(line)) {
                    html.append('<').append(tag).append('>').append(inline(cell)).append("</").append(tag).append('>');
                }
                html.append("</tr>\n");
            } else if (line.startsWith("    ")) {
                if (!inPre) {
                    html.append("<pre>");
                    inPre = true;
                }
                html.append(escape(line.substring(4))).append('\n');
            } else if (!line.isBlank()) {
                html.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /** Splits a Markdown table row on unescaped pipes and unescapes {@code \|}. */
    private static java.util.List<String> cells(String row) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String body = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    /** Escapes, then renders {@code `code`} and {@code **bold**}. */
    private static String inline(String text) {
        String s = escape(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean code = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`') {
                out.append(code ? "</code>" : "<code>");
                code = !code;
            } else {
                out.append(c);
            }
        }
        if (code) {
            out.append("</code>");
        }
        String result = out.toString();
        int from = 0;
        StringBuilder bold = new StringBuilder();
        boolean open = false;
        int idx;
        while ((idx = result.indexOf("**", from)) >= 0) {
            bold.append(result, from, idx).append(open ? "</strong>" : "<strong>");
            open = !open;
            from = idx + 2;
        }
        bold.append(result.substring(from));
        if (open) {
            bold.append("</strong>");
        }
        return bold.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
