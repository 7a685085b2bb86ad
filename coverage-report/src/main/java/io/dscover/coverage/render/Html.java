package io.dscover.coverage.render;

/** HTML escaping: every value from rules, test results, inputs and the catalog goes through here. */
final class Html {

    private Html() {
    }

    /** Text or attribute value with {@code & < > " '} escaped and control characters dropped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\t' -> sb.append(c);
                default -> {
                    if (c >= 0x20 || c == '\r') {
                        sb.append(c == '\r' ? ' ' : c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
