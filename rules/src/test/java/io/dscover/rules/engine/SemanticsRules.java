package io.dscover.rules.engine;

import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.alert.Severity;
import io.dscover.rules.beacon.BeaconConfig;
import io.dscover.rules.sequence.SequenceConfig;
import io.dscover.rules.window.AggregateFunction;
import io.dscover.rules.window.AggregateWindowConfig;
import io.dscover.rules.window.Having;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine over {@code engine/semantics.drl}, compiled once per test JVM (a build costs seconds);
 * tests vary the rule configurations with {@link Engine#withRules}, which reuses the KieBase.
 */
final class SemanticsRules {

    static final RuleInfo TELNET = new RuleInfo("telnet_out", "Telnet to anywhere", Severity.MEDIUM, List.of("T1021"));
    static final RuleInfo DNS_TXT = new RuleInfo("dns_long_txt", "Long TXT queries (possible DNS tunnelling)",
            Severity.HIGH, List.of("T1071.004", "T1572", "T1048.003"));
    static final RuleInfo PORT_SCAN = new RuleInfo("port_scan", "One source probes many ports", Severity.MEDIUM,
            List.of("T1046", "T1595.001"));
    static final RuleInfo DNS_VOLUME = new RuleInfo("dns_volume", "Much data sent over DNS", Severity.HIGH,
            List.of("T1048.003"));
    static final RuleInfo SMB_RPC = new RuleInfo("smb_then_rpc", "SMB session followed by RPC to the same host",
            Severity.HIGH, List.of("T1021.002"));
    static final RuleInfo BEACON = new RuleInfo("beaconing", "Regular callbacks to one external host", Severity.HIGH,
            List.of("T1071.001"));
    static final RuleInfo FRAGILE = new RuleInfo("fragile", "A rule whose consequence can throw", Severity.LOW,
            List.of());

    static final AggregateWindowConfig PORT_SCAN_WINDOW = AggregateWindowConfig.of(AggregateFunction.COUNT_DISTINCT,
            "destination.port", List.of("source.ip", "destination.ip"), Duration.ofSeconds(60),
            Having.of("ports >= 5", v -> v >= 5)).withAlias("ports");
    static final AggregateWindowConfig DNS_VOLUME_WINDOW = AggregateWindowConfig.of(AggregateFunction.SUM,
            "source.bytes", List.of("source.ip"), Duration.ofMinutes(5), Having.atLeast(10_000));
    static final SequenceConfig SMB_RPC_SEQUENCE = new SequenceConfig(List.of("source.ip", "destination.ip"),
            Duration.ofMinutes(5), 2);
    static final BeaconConfig BEACON_CONFIG = BeaconConfig.of(List.of("source.ip", "destination.ip"),
            Duration.ofHours(1), 12, 0.8);

    private static Engine engine;

    private SemanticsRules() {
    }

    static List<EngineRule> defaultRules() {
        return List.of(
                new EngineRule.Match(TELNET),
                new EngineRule.Match(DNS_TXT),
                new EngineRule.Aggregate(PORT_SCAN, PORT_SCAN_WINDOW),
                new EngineRule.Aggregate(DNS_VOLUME, DNS_VOLUME_WINDOW),
                new EngineRule.Sequence(SMB_RPC, SMB_RPC_SEQUENCE),
                new EngineRule.Beacon(BEACON, BEACON_CONFIG),
                new EngineRule.Match(FRAGILE));
    }

    static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.builder().drl(drl()).rules(defaultRules()).matcherThreads(0).build();
        }
        return engine;
    }

    /** The default rules with one replaced (matched by id). */
    static Engine engineWith(EngineRule replacement) {
        List<EngineRule> rules = new ArrayList<>();
        for (EngineRule r : defaultRules()) {
            rules.add(r.id().equals(replacement.id()) ? replacement : r);
        }
        return engine().withRules(rules);
    }

    static String drl() {
        try (InputStream in = SemanticsRules.class.getResourceAsStream("/engine/semantics.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs events (already in time order) through an engine and returns the alerts. */
    static List<Alert> run(Engine engine, List<? extends NetworkEvent> events) {
        List<Alert> alerts = new ArrayList<>();
        try (EngineRun run = engine.start(alerts::add)) {
            events.forEach(run::accept);
            run.finish();
        }
        return alerts;
    }

    static List<Alert> run(List<? extends NetworkEvent> events) {
        return run(engine(), events);
    }
}
