package io.dscover.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.Severity;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EngineRule;
import io.dscover.rules.engine.EventStream;
import io.dscover.rules.engine.Events;
import io.dscover.rules.window.AggregateFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetEngineTest {

    private static final String RULES = """
            rule many_ports {
              title: "Many ports"
              techniques: [T1046]
              severity: low
              tunable threshold = 5
              match flow where flow.state == "REJ"
              aggregate count(distinct destination.port) as ports by source.ip within 60s
              having ports >= threshold
              suppress by source.ip for 10m
            }
            rule smb_rpc {
              title: "SMB then RPC"
              techniques: [T1021.002]
              severity: critical
              sequence by source.ip, destination.ip within 5m
                [connection where destination.port == 445]
                then [connection where destination.port == 135]
            }
            rule beacon_out {
              title: "Beacon"
              techniques: [T1071.001]
              severity: high
              match connection where destination.port == 443
              beacon by source.ip, destination.ip within 1h min 6 having score >= 0.9
            }
            rule telnet {
              title: "Telnet"
              techniques: [T1021]
              severity: medium
              match connection where destination.port == 23
            }
            rule off {
              title: "Disabled"
              techniques: [T1021]
              severity: info
              enabled: false
              match connection where destination.port == 24
            }
            """;

    private static CompiledRuleSet compile(Map<String, String> tunables) {
        CompileResult r = DetectionCompiler.compile(List.of(RuleSource.of("test.det", RULES)),
                AttackCatalog.embeddedDs0029(), CompileOptions.defaults().withTunableOverrides(tunables));
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        return r.ruleSet().orElseThrow();
    }

    @Test
    void every_enabled_rule_becomes_one_engine_rule_of_its_kind_with_its_header_and_clauses() {
        List<EngineRule> rules = EngineRules.of(compile(Map.of()));

        assertThat(rules).extracting(EngineRule::id).containsExactly("many_ports", "smb_rpc", "beacon_out", "telnet");
        EngineRule.Aggregate ports = (EngineRule.Aggregate) rules.get(0);
        assertThat(ports.info().severity()).isEqualTo(Severity.LOW);
        assertThat(ports.info().techniques()).containsExactly("T1046");
        assertThat(ports.config().function()).isEqualTo(AggregateFunction.COUNT_DISTINCT);
        assertThat(ports.config().field()).isEqualTo("destination.port");
        assertThat(ports.config().byFields()).containsExactly("source.ip");
        assertThat(ports.config().window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ports.config().measure()).isEqualTo("ports = count(distinct destination.port)");
        assertThat(ports.config().having().text()).isEqualTo("ports >= 5");
        assertThat(ports.suppress().byFields()).containsExactly("source.ip");
        assertThat(ports.suppress().duration()).isEqualTo(Duration.ofMinutes(10));

        EngineRule.Sequence seq = (EngineRule.Sequence) rules.get(1);
        assertThat(seq.config().steps()).isEqualTo(2);
        assertThat(seq.config().within()).isEqualTo(Duration.ofMinutes(5));
        assertThat(seq.config().byFields()).containsExactly("source.ip", "destination.ip");
        assertThat(seq.info().severity()).isEqualTo(Severity.CRITICAL);

        EngineRule.Beacon beacon = (EngineRule.Beacon) rules.get(2);
        assertThat(beacon.config().minConnections()).isEqualTo(6);
        assertThat(beacon.config().threshold()).isEqualTo(0.9);
        assertThat(beacon.config().window()).isEqualTo(Duration.ofHours(1));

        assertThat(rules.get(3)).isInstanceOf(EngineRule.Match.class);
        assertThat(rules.get(3).suppress()).isNull();
    }

    @Test
    void a_tunable_override_reaches_the_engine() {
        EngineRule.Aggregate ports = (EngineRule.Aggregate) EngineRules.of(compile(Map.of("many_ports.threshold", "8"))).get(0);
        assertThat(ports.config().having().text()).isEqualTo("ports >= 8");
        assertThat(ports.config().having().test().test(7)).isFalse();
        assertThat(ports.config().having().test().test(8)).isTrue();
    }

    @Test
    void the_compiled_rules_run_with_their_semantics(@TempDir Path cache) throws IOException {
        Engine engine = RuleSetEngine.builder(compile(Map.of())).kjarCache(cache).build();
        List<NetworkEvent> events = new ArrayList<>();
        for (int port = 1; port <= 7; port++) {
            events.add(Events.flow(port, "10.0.0.9", "10.0.0.20", port, "REJ")); // alerts at the 5th port, once
        }
        events.add(Events.connection(10, "10.0.0.5", "10.0.0.30", 445));
        events.add(Events.connection(70, "10.0.0.5", "10.0.0.30", 135));
        events.add(Events.connection(80, "10.0.0.5", "10.0.0.31", 23));
        events.add(Events.connection(81, "10.0.0.5", "10.0.0.31", 24)); // the disabled rule's port
        List<Alert> alerts = new ArrayList<>();

        engine.run(List.of(EventStream.of(events)), alerts::add);

        assertThat(alerts).extracting(Alert::ruleId).containsExactly("many_ports", "smb_rpc", "telnet");
        assertThat(alerts.get(0).kind()).isEqualTo(AlertKind.AGGREGATE);
        assertThat(alerts.get(0).value()).isEqualTo(5L);
        assertThat(alerts.get(0).group()).containsExactly(Map.entry("source.ip", "10.0.0.9"));
        assertThat(alerts.get(1).kind()).isEqualTo(AlertKind.SEQUENCE);
        assertThat(alerts.get(1).evidence()).hasSize(2);
        try (var files = Files.list(cache)) {
            assertThat(files).as("a user rule set is cached by content hash").hasSize(1);
        }
        Engine again = RuleSetEngine.builder(compile(Map.of())).kjarCache(cache).build();
        assertThat(again.fromCache()).isTrue();
        assertThat(again.ruleBaseHash()).isEqualTo(engine.ruleBaseHash());
    }

    @Test
    void the_built_in_library_loads_the_kjar_compiled_at_build_time(@TempDir Path emptyCache) throws IOException {
        CompiledRuleSet library = BuiltInLibrary.compile().ruleSet().orElseThrow();

        Engine engine = RuleSetEngine.builder(library).kjarCache(emptyCache).build();

        assertThat(engine.fromCache()).as("loaded, not compiled").isTrue();
        try (var files = Files.list(emptyCache)) {
            assertThat(files).as("the file cache was not needed").isEmpty();
        }
        assertThat(engine.rules()).extracting(EngineRule::id)
                .containsExactlyElementsOf(library.enabledRules().stream().map(r -> r.id()).toList());
    }
}
