package io.dscover.rules.engine;

import static io.dscover.rules.engine.Events.flow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseCompilerTest {

    private static final String ONE_RULE = """
            package io.dscover.rules.test.cache;
            import io.dscover.model.event.FlowEvent;
            global io.dscover.dsl.runtime.DetectionActions dscover;
            declare FlowEvent @role(event) @timestamp(tsMillis) @expires(1s) end
            rule "ssh" when $e : FlowEvent(destinationPort == 22) then dscover.alert("ssh", $e); end
            """;

    private static Engine build(Path cache) {
        return Engine.builder().drl(ONE_RULE).rule(new EngineRule.Match(new RuleInfo("ssh", null, null, null)))
                .kjarCache(cache).matcherThreads(0).build();
    }

    private static List<Alert> oneSshFlow(Engine engine) {
        return SemanticsRules.run(engine, List.of(flow(1, "10.0.0.1", "10.0.0.2", 22, "SF")));
    }

    @Test
    void aCompiledRuleBaseIsCachedByContentAndReloaded(@TempDir Path cache) throws IOException {
        Engine first = build(cache);
        assertThat(first.fromCache()).isFalse();
        Path kjar;
        try (Stream<Path> files = Files.list(cache)) {
            kjar = files.filter(p -> p.toString().endsWith(".kjar")).findFirst().orElseThrow();
        }
        assertThat(kjar.getFileName().toString()).isEqualTo(first.ruleBaseHash() + ".kjar");

        Engine second = build(cache);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.ruleBaseHash()).isEqualTo(first.ruleBaseHash());
        assertThat(oneSshFlow(second)).extracting(Alert::ruleId).containsExactly("ssh");
    }

    @Test
    void aDamagedCacheEntryIsRebuiltNotFatal(@TempDir Path cache) throws IOException {
        Engine first = build(cache);
        Files.write(cache.resolve(first.ruleBaseHash() + ".kjar"), new byte[] {'P', 'K', 0, 1, 2});

        Engine rebuilt = build(cache);
        assertThat(rebuilt.fromCache()).isFalse();
        assertThat(oneSshFlow(rebuilt)).hasSize(1);
        assertThat(build(cache).fromCache()).isTrue();
    }

    @Test
    void differentDrlHashesDifferently() {
        assertThat(RuleBaseCompiler.hash(List.of(ONE_RULE)))
                .isNotEqualTo(RuleBaseCompiler.hash(List.of(ONE_RULE.replace("22", "23"))))
                .isNotEqualTo(RuleBaseCompiler.hash(List.of(ONE_RULE, "")))
                .isEqualTo(RuleBaseCompiler.hash(List.of(ONE_RULE)));
    }

    @Test
    void drlThatDoesNotCompileIsReportedWithItsLine() {
        String broken = ONE_RULE.replace("destinationPort == 22", "destinationPrt == 22");
        assertThatThrownBy(() -> Engine.builder().drl(broken).build())
                .isInstanceOf(DrlCompilationException.class)
                .hasMessageContaining("rules0.drl:5")
                .satisfies(e -> assertThat(((DrlCompilationException) e).problems()).isNotEmpty());
    }
}
