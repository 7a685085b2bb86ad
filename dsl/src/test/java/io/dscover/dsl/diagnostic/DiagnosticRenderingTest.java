package io.dscover.dsl.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRenderingTest {

    @Test
    void textShowsTheLineAndACaretUnderTheSpan() {
        RuleSource src = RuleSource.of("rules/dns.det", "rule x {\n  match dns where dns.qname == \"x\"\n}\n");
        int start = src.text().indexOf("dns.qname");
        Diagnostic d = Diagnostic.error("KnownFields", SourceSpan.of(src, start, start + 9), "unknown field 'dns.qname'");
        assertThat(new TextRenderer(false).render(List.of(d))).isEqualTo(
                "rules/dns.det:2:19: error: unknown field 'dns.qname'\n"
                        + "    2 |   match dns where dns.qname == \"x\"\n"
                        + "      |                   ^^^^^^^^^\n");
    }

    @Test
    void controlCharactersInTheEchoedLineCannotMoveTheCaret() {
        RuleSource src = RuleSource.of("t.det", "\tmatch\u001b[2J x");
        Diagnostic d = Diagnostic.warning("X", SourceSpan.of(src, 11, 12), "m");
        assertThat(new TextRenderer(false).render(List.of(d)))
                .isEqualTo("t.det:1:12: warning: m\n    1 |  match [2J x\n      |            ^\n");
    }

    @Test
    void didYouMeanFindsCloseNamesAndDottedAbbreviations() {
        assertThat(DidYouMean.closest("flw", List.of("flow", "dns", "http"))).contains("flow");
        assertThat(DidYouMean.closest("dns.qname", List.of("dns.question.name", "dns.question.type", "dns.id")))
                .contains("dns.question.name");
        assertThat(DidYouMean.closest("zzzz", List.of("flow", "dns"))).isEmpty();
    }
}
