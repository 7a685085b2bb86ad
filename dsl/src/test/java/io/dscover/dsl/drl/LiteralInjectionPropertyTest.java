package io.dscover.dsl.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.Compiling;
import io.dscover.dsl.DroolsHarness;
import io.dscover.dsl.ast.Expr;
import io.dscover.dsl.ast.Literal;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.model.event.HttpEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kie.api.KieBase;

/**
 * No rule text can inject DRL: any string the validators accept compiles to DRL that Drools accepts
 * and that matches exactly that string. Strings are drawn from quotes, backslashes, {@code $}, line
 * breaks, {@code end}, {@code then}, NUL and other control characters, non-ASCII (incl. astral), and
 * text that looks like escapes or DRL.
 */
class LiteralInjectionPropertyTest {

    @Provide
    static Arbitrary<String> hostile() {
        Arbitrary<String> fragments = Arbitraries.of("\"", "\\", "$", "\n", "\r", "\r\n", "\t", "end", "then", "\u0000",
                "\u0001", "\u001f", "\u007f", "\u0085", "\u2028", "é", "ß", "日本", "😀", "\\u0022", "\\n", "\\\"", "${x}", "#",
                "//", "/*", "*/", "rule \"x\" when", "'", "`", ";", "(", ")", "{", "}", " ", "%s", "\\0", "0\\", "\"\"\"",
                ":=", ":", "=", "!.", "!=", "->", "::", "||", "&&", " in (", "str[", "?.", ".(", "$x : ", "@{", "#{", "[]",
                "instanceof", "this", "null", "eval(", "from", "==");
        Arbitrary<String> codePoints = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF).map(Character::toString);
        return Arbitraries.oneOf(fragments, fragments, codePoints, Arbitraries.strings().alpha().ofMaxLength(4))
                .list().ofMaxSize(12).map(l -> String.join("", l));
    }

    /** The value written as a .det string literal (the inverse of the parser's decoding). */
    static String detString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** Decodes the Java/DRL string literal starting at {@code s[from]} (a quote). */
    static String decodeJavaString(String s, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from + 1; ; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n' || c == '\r') {
                throw new AssertionError("raw line break inside a DRL string literal");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int digits = 1;
                        while (digits < 3 && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                            v = v * 8 + (s.charAt(++i) - '0');
                            digits++;
                        }
                        sb.append((char) v);
                    } else {
                        throw new AssertionError("escape \\" + e + " in DRL");
                    }
                }
            }
        }
    }

    @Property(tries = 1000)
    void everyStringLiteralSurvivesParsingAndDrlGeneration(@ForAll("hostile") String value) {
        String det = "rule r {\n  title: \"t\"\n  severity: low\n  techniques: [T1071.001]\n  match http where url.original == "
                + detString(value) + "\n}\n";
        CompileResult r = Compiling.text(det);
        assertThat(r.hasErrors()).as(Compiling.show(r)).isFalse();
        Expr.Compare where = (Expr.Compare) r.files().get(0).rules().get(0).matches().get(0).where().orElseThrow();
        assertThat(((Literal.Str) where.right()).value()).isEqualTo(value);
        String drl = r.ruleSet().orElseThrow().drl();
        int at = drl.indexOf("urlOriginal == \"");
        assertThat(decodeJavaString(drl, at + "urlOriginal == ".length())).isEqualTo(value);
        assertThat(drl.lines().filter(l -> l.startsWith("rule ")).count()).isEqualTo(1);
        assertThat(drl.lines().filter(l -> l.equals("end")).count()).isEqualTo(1);
    }

    @Example
    void droolsMatchesEachOfAThousandHostileLiteralsExactlyAlsoThroughAListTunableOverride() {
        Set<String> values = new LinkedHashSet<>(List.of("", "\"", "\\", "\\\"", "end", "then", "\u0000", "$", "\n", "😀",
                "\\u0022", "\"; end rule \"x\" when then", "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000e"));
        hostile().sampleStream().limit(4000).forEach(v -> {
            if (values.size() < 1000) {
                values.add(v);
            }
        });
        List<String> all = new ArrayList<>(values);
        assertThat(all).hasSize(1000);
        int groupSize = 50;
        StringBuilder det = new StringBuilder("list everything = [")
                .append(all.stream().map(LiteralInjectionPropertyTest::detString).collect(Collectors.joining(", ")))
                .append("]\n");
        for (int g = 0; g * groupSize < all.size(); g++) {
            List<String> group = all.subList(g * groupSize, Math.min(all.size(), (g + 1) * groupSize));
            det.append("rule g").append(g).append(" {\n  title: \"t\"\n  severity: low\n  techniques: [T1071.001]\n  match http where ")
                    .append(group.stream().map(v -> "url.original == " + detString(v)).collect(Collectors.joining(" or ")))
                    .append("\n}\n");
        }
        det.append("rule in_set {\n  title: \"t\"\n  severity: low\n  techniques: [T1071.001]\n"
                + "  match http where user_agent.original in everything\n}\n");
        // the same values once more, through a list tunable overridden from the command line
        det.append("rule in_tunable {\n  title: \"t\"\n  severity: low\n  techniques: [T1071.001]\n"
                + "  tunable agents = [\"placeholder\"]\n  match http where user_agent.original in agents\n}\n");
        String override = all.stream().map(LiteralInjectionPropertyTest::detString).collect(Collectors.joining(", ", "[", "]"));
        CompileResult r = Compiling.text(det.toString(), Map.of("in_tunable.agents", override));
        assertThat(r.hasErrors()).as(Compiling.show(r)).isFalse();
        KieBase kb;
        String drl = r.ruleSet().orElseThrow().drl();
        try {
            kb = DroolsHarness.build(drl);
        } catch (RuntimeException e) {
            java.nio.file.Path saved = java.nio.file.Path.of("dsl/target/injection-failure.drl");
            try {
                java.nio.file.Files.writeString(saved, drl);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            String again;
            try {
                DroolsHarness.build(drl);
                again = "the same DRL built on a second try";
            } catch (RuntimeException e2) {
                again = "the same DRL failed again";
            }
            throw new AssertionError("Drools rejected the DRL saved in " + saved + "; " + again + ": "
                    + e.getMessage().substring(0, Math.min(2000, e.getMessage().length())), e);
        }

        List<HttpEvent> events = new ArrayList<>();
        for (String v : all) {
            HttpEvent e = new HttpEvent();
            e.setUrlOriginal(v);
            e.setUserAgentOriginal(v);
            events.add(e);
        }
        List<DroolsHarness.Call> calls = DroolsHarness.replay(kb, events);
        for (int i = 0; i < all.size(); i++) {
            HttpEvent e = events.get(i);
            List<String> fired = calls.stream().filter(c -> c.event() == e).map(DroolsHarness.Call::ruleId).sorted().toList();
            assertThat(fired).as("literal #%d %s", i, Literal.Str.class.getSimpleName() + detString(all.get(i)))
                    .containsExactlyInAnyOrder("g" + (i / groupSize), "in_set", "in_tunable");
        }

        List<HttpEvent> nearMisses = new ArrayList<>();
        for (String v : all) {
            for (String miss : List.of(v + "\u0000", "x" + v, v + "\\")) {
                if (!values.contains(miss)) {
                    HttpEvent e = new HttpEvent();
                    e.setUrlOriginal(miss);
                    e.setUserAgentOriginal(miss);
                    nearMisses.add(e);
                }
            }
        }
        assertThat(DroolsHarness.replay(kb, nearMisses)).isEmpty();
    }
}
