package io.dscover.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SingleEventRulesTest {

    private static final String HEADER = """
            package io.dscover.rules.test.single;
            import io.dscover.model.event.FlowEvent;
            global io.dscover.dsl.runtime.DetectionActions dscover;
            declare FlowEvent @role(event) @timestamp(tsMillis) @expires(0ms) end
            """;

    private static boolean singleEvent(String rules) {
        return SingleEventRules.all(RuleBaseCompiler.compile(List.of(HEADER + rules), null).kieBase());
    }

    @Test
    void rulesThatEachTestOneEventCanBeMatchedABatchAtATime() {
        assertThat(singleEvent("""
                rule "ssh" when $e : FlowEvent(destinationPort == 22, sourceBytes != null, sourceBytes > 10) then dscover.alert("ssh", $e); end
                rule "scan" when $e : FlowEvent(flowState == "S0" || flowState == "REJ")
                then dscover.aggregate("scan", $e, new Object[]{ $e.getSourceIp() }, $e.getDestinationPort()); end
                """)).isTrue();
    }

    @Test
    void aRuleThatJoinsTwoEventsNeedsThemOneByOne() {
        assertThat(singleEvent("""
                rule "ssh" when $e : FlowEvent(destinationPort == 22) then dscover.alert("ssh", $e); end
                rule "pair" when $a : FlowEvent(destinationPort == 445) $b : FlowEvent(destinationPort == 135, sourceIp == $a.sourceIp)
                then dscover.alert("pair", $b); end
                """)).isFalse();
    }

    @Test
    void aRuleWithNotOrExistsNeedsThemOneByOne() {
        assertThat(singleEvent("""
                rule "lonely" when $e : FlowEvent(destinationPort == 22) not FlowEvent(destinationPort == 23)
                then dscover.alert("lonely", $e); end
                """)).isFalse();
        assertThat(singleEvent("""
                rule "company" when exists FlowEvent(destinationPort == 23) $e : FlowEvent(destinationPort == 22)
                then dscover.alert("company", $e); end
                """)).isFalse();
    }
}
