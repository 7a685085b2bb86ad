package io.dscover.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.spec.AggregateFunction;
import io.dscover.dsl.spec.AggregateSpec;
import io.dscover.dsl.spec.BeaconSpec;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.dsl.spec.RuleSeverity;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.RuleStatus;
import io.dscover.dsl.spec.SequenceSpec;
import io.dscover.dsl.spec.TestSpec;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * Every construct of the language, written once in {@code constructs.det}: it parses, validates, compiles
 * to DRL, the DRL builds in Drools (one KieBase for the class), and every per-event rule's own test
 * blocks hold when their events are replayed through that KieBase.
 */
class ConstructsCompileToDroolsTest {

    static CompileResult result;
    static CompiledRuleSet set;
    static KieBase kieBase;

    @BeforeAll
    static void compileAndBuild() {
        result = Compiling.file("constructs.det");
        assertThat(result.hasErrors()).as(Compiling.show(result)).isFalse();
        set = result.ruleSet().orElseThrow();
        kieBase = DroolsHarness.build(set.drl());
    }

    @Test
    void everyConstructValidatesWithoutWarningsExceptTheMappingOnes() {
        assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.code()).isEqualTo("TechniqueDetectableByComponent"));
    }

    @Test
    void perEventRulesPassTheirOwnTestsInDrools() {
        int checked = 0;
        for (RuleSpec rule : set.enabledRules()) {
            if (rule.stateful().isPresent()) {
                continue;
            }
            for (TestSpec test : rule.tests()) {
                if (!(test.input() instanceof TestSpec.InlineEvents inline)) {
                    continue;
                }
                List<NetworkEvent> events = inline.events().stream().map(TestSpec.TestEvent::toEvent).toList();
                long alerts = DroolsHarness.replay(kieBase, events).stream()
                        .filter(c -> c.ruleId().equals(rule.id())).count();
                assertThat(test.expectation().test(alerts))
                        .as("rule %s test \"%s\": expected %s alerts, got %d\n%s", rule.id(), test.name(),
                                test.expectation().text(), alerts, set.drl())
                        .isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aggregateConsequencesPassKeyAndValue() {
        RuleSpec rule = set.rule("agg_distinct").orElseThrow();
        List<DroolsHarness.Call> calls = replayFirstTest(rule);
        assertThat(calls).hasSize(120).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo("aggregate");
            assertThat(c.key()).containsExactly("10.0.0.9");
        });
        assertThat(calls.stream().map(DroolsHarness.Call::value).collect(Collectors.toSet())).hasSize(120).contains(1L, 120L);

        List<DroolsHarness.Call> counts = replayFirstTest(set.rule("agg_count").orElseThrow());
        assertThat(counts).hasSize(25).allSatisfy(c -> {
            assertThat(c.key()).containsExactly("10.0.0.9", "10.0.0.20");
            assertThat(c.value()).isNull();
        });
    }

    @Test
    void sequenceStepsEachReportTheirIndex() {
        List<DroolsHarness.Call> calls = replayFirstTest(set.rule("seq_three_steps").orElseThrow());
        assertThat(calls).extracting(c -> c.kind() + ":" + c.step() + ":" + c.event().eventType())
                .containsExactlyInAnyOrder("sequenceStep:0:flow", "sequenceStep:2:flow", "sequenceStep:1:dce_rpc",
                        "sequenceStep:2:flow");
        assertThat(calls).allSatisfy(c -> assertThat(c.key()).containsExactly("10.0.0.5"));
    }

    @Test
    void beaconConsequencePassesTheKey() {
        NetworkEvent tls = io.dscover.model.event.EventSchema.get().eventType("tls").orElseThrow().newEvent();
        tls.setSourceIp("10.0.0.1");
        tls.setDestinationIp("203.0.113.9");
        ((io.dscover.model.event.TlsEvent) tls).setTlsClientServerName("c2.example.net");
        List<DroolsHarness.Call> calls = DroolsHarness.replay(kieBase, List.of(tls));
        assertThat(calls).extracting(DroolsHarness.Call::kind, DroolsHarness.Call::ruleId, DroolsHarness.Call::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("beacon", "beacon_all_options",
                        List.of("10.0.0.1", "203.0.113.9", "c2.example.net")));
    }

    @Test
    void disabledRulesAreDescribedButNotCompiled() {
        RuleSpec off = set.rule("disabled_rule").orElseThrow();
        assertThat(off.enabled()).isFalse();
        assertThat(off.drlRuleNames()).isEmpty();
        assertThat(set.drl()).doesNotContain("disabled_rule");
    }

    @Test
    void specsCarryTheWindowClauses() {
        AggregateSpec distinct = (AggregateSpec) set.rule("agg_distinct").orElseThrow().stateful().orElseThrow();
        assertThat(distinct.function()).isEqualTo(AggregateFunction.COUNT_DISTINCT);
        assertThat(distinct.field().orElseThrow().name()).isEqualTo("destination.port");
        assertThat(distinct.alias()).isEqualTo("ports");
        assertThat(distinct.by()).extracting(f -> f.name()).containsExactly("source.ip");
        assertThat(distinct.windowNanos()).isEqualTo(60_000_000_000L);
        assertThat(distinct.having().text()).isEqualTo("ports >= 100 or ports > 1000");
        assertThat(distinct.having().test(100)).isTrue();
        assertThat(distinct.having().test(99)).isFalse();

        AggregateSpec count = (AggregateSpec) set.rule("agg_count").orElseThrow().stateful().orElseThrow();
        assertThat(count.function()).isEqualTo(AggregateFunction.COUNT);
        assertThat(count.field()).isEmpty();
        assertThat(count.having().text()).isEqualTo("count >= 20 and count < 1000000");
        assertThat(set.rule("agg_count").orElseThrow().suppress().orElseThrow().durationNanos()).isEqualTo(1_800_000_000_000L);

        AggregateSpec max = (AggregateSpec) set.rule("agg_max").orElseThrow().stateful().orElseThrow();
        assertThat(max.having().text()).isEqualTo("max > 100000000");
        AggregateSpec avg = (AggregateSpec) set.rule("agg_min_max_avg").orElseThrow().stateful().orElseThrow();
        assertThat(avg.having().test(31e9)).isTrue();
        assertThat(avg.having().test(2 * 3600e9)).isFalse();

        BeaconSpec beacon = (BeaconSpec) set.rule("beacon_all_options").orElseThrow().stateful().orElseThrow();
        assertThat(beacon.minEvents()).isEqualTo(8);
        assertThat(beacon.scoreThreshold()).isEqualTo(0.9);
        assertThat(beacon.windowNanos()).isEqualTo(12 * 3_600_000_000_000L);
        BeaconSpec defaults = (BeaconSpec) set.rule("beacon_defaults").orElseThrow().stateful().orElseThrow();
        assertThat(defaults.minEvents()).isEqualTo(BeaconSpec.DEFAULT_MIN_EVENTS);
        assertThat(defaults.scoreThreshold()).isEqualTo(BeaconSpec.DEFAULT_SCORE);

        RuleSpec seqRule = set.rule("seq_three_steps").orElseThrow();
        SequenceSpec seq = (SequenceSpec) seqRule.stateful().orElseThrow();
        assertThat(seq.steps()).extracting(s -> s.eventType().name()).containsExactly("flow", "dce_rpc", "flow");
        assertThat(seqRule.drlRuleNames()).containsExactly("seq_three_steps step 1", "seq_three_steps step 2",
                "seq_three_steps step 3");
        assertThat(seqRule.eventTypes()).extracting(e -> e.name()).containsExactly("flow", "dce_rpc");
        assertThat(seqRule.kind()).isEqualTo("sequence");
    }

    @Test
    void specsCarryMetadataAndTunables() {
        RuleSpec r = set.rule("per_event_suppressed").orElseThrow();
        assertThat(r.severity()).isEqualTo(RuleSeverity.CRITICAL);
        assertThat(r.status()).isEqualTo(RuleStatus.STABLE);
        assertThat(r.tags()).containsExactly("attack.discovery", "network");
        assertThat(r.references()).containsExactly("https://attack.mitre.org/techniques/T1046/");
        assertThat(r.falsepositives()).containsExactly("vulnerability scanners");
        assertThat(r.components()).containsExactly(DataComponent.TRAFFIC_CONTENT);
        assertThat(r.sourceLine()).endsWith("constructs.det:" + lineOf("rule per_event_suppressed"));
        TestSpec fixture = r.tests().get(1);
        TestSpec.Fixture f = (TestSpec.Fixture) fixture.input();
        assertThat(f.written()).isEqualTo("fixtures/one-flow.events.jsonl");
        assertThat(f.location().exists()).isTrue();
        assertThat(fixture.expectation().text()).isEqualTo(">= 0");

        RuleSpec t = set.rule("tunables").orElseThrow();
        assertThat(t.tunables()).extracting(v -> v.name() + "=" + v.value() + " (" + v.kind() + ")")
                .containsExactly("ports=[22, 23] (list)", "min_bytes=1000 (size)", "state=S0 (string)");
    }

    @Test
    void repeatedAndRelativeTestEventsAreExpanded() {
        TestSpec scan = set.rule("agg_distinct").orElseThrow().tests().get(0);
        List<TestSpec.TestEvent> events = ((TestSpec.InlineEvents) scan.input()).events();
        assertThat(events).hasSize(120);
        NetworkEvent first = events.get(0).toEvent();
        NetworkEvent last = events.get(119).toEvent();
        assertThat(last.getTs() - first.getTs()).isEqualTo(119 * 100_000_000L);
        assertThat(last.getDestinationPort()).isEqualTo(120L);

        List<TestSpec.TestEvent> seq = ((TestSpec.InlineEvents) set.rule("seq_three_steps").orElseThrow().tests().get(0)
                .input()).events();
        assertThat(seq.get(2).toEvent().getTs() - seq.get(0).toEvent().getTs()).isEqualTo(120_000_000_000L);
    }

    private static List<DroolsHarness.Call> replayFirstTest(RuleSpec rule) {
        TestSpec.InlineEvents in = (TestSpec.InlineEvents) rule.tests().get(0).input();
        return DroolsHarness.replay(kieBase, in.events().stream().map(TestSpec.TestEvent::toEvent).toList()).stream()
                .filter(c -> c.ruleId().equals(rule.id())).toList();
    }

    private static int lineOf(String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(Compiling.TEST_RULES.resolve("constructs.det"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text);
    }
}
