package io.dscover.rules.bench;

import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.alert.Severity;
import io.dscover.rules.beacon.BeaconConfig;
import io.dscover.rules.engine.EngineRule;
import io.dscover.rules.sequence.SequenceConfig;
import io.dscover.rules.window.AggregateFunction;
import io.dscover.rules.window.AggregateWindowConfig;
import io.dscover.rules.window.Having;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The realistic rule set of {@code bench/realistic.drl}: its DRL and the engine's view of its rules. */
public final class RealisticRules {

    static final String[] MATCH_RULES = {"telnet_out", "smb_to_internet", "rdp_from_internet", "irc", "tor_ports",
        "large_upload", "ftp_cleartext", "smtp_not_from_mail_server", "dns_over_tcp_large", "ldap_to_internet",
        "known_bad_destination", "big_transfer_high_port", "ssh_out_large", "vnc", "winrm", "mssql_to_internet",
        "snmp", "tftp", "netbios_to_internet", "long_lived_ntp"};

    static final List<String> PAIR = List.of("source.ip", "destination.ip");

    public static final AggregateWindowConfig PORT_SCAN = AggregateWindowConfig.of(AggregateFunction.COUNT_DISTINCT,
            "destination.port", PAIR, Duration.ofSeconds(60), Having.of("ports >= 100", v -> v >= 100)).withAlias("ports");
    public static final AggregateWindowConfig HOST_SWEEP = AggregateWindowConfig.of(AggregateFunction.COUNT_DISTINCT,
            "destination.ip", List.of("source.ip", "destination.port"), Duration.ofSeconds(60),
            Having.of("hosts >= 50", v -> v >= 50)).withAlias("hosts");
    public static final AggregateWindowConfig DNS_TUNNEL = AggregateWindowConfig.of(AggregateFunction.SUM,
            "source.bytes", PAIR, Duration.ofMinutes(5), Having.of("sent >= 500KB", v -> v >= 500_000)).withAlias("sent");
    public static final AggregateWindowConfig EXFIL = AggregateWindowConfig.of(AggregateFunction.SUM,
            "source.bytes", List.of("source.ip"), Duration.ofHours(1), Having.of("sent >= 1GB", v -> v >= 1e9))
            .withAlias("sent");
    public static final AggregateWindowConfig REJECTED_BURST = AggregateWindowConfig.of(AggregateFunction.COUNT, null,
            List.of("source.ip"), Duration.ofSeconds(60), Having.atLeast(200));
    public static final BeaconConfig BEACON = BeaconConfig.of(PAIR, Duration.ofHours(6), 12, 0.8);
    public static final SequenceConfig SMB_THEN_RPC = new SequenceConfig(PAIR, Duration.ofMinutes(5), 2);

    private RealisticRules() {
    }

    public static String drl() {
        try (InputStream in = RealisticRules.class.getResourceAsStream("/bench/realistic.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<EngineRule> engineRules() {
        List<EngineRule> rules = new ArrayList<>();
        for (String id : MATCH_RULES) {
            rules.add(new EngineRule.Match(info(id, Severity.MEDIUM)));
        }
        rules.add(new EngineRule.Aggregate(info("port_scan", Severity.MEDIUM), PORT_SCAN));
        rules.add(new EngineRule.Aggregate(info("host_sweep", Severity.MEDIUM), HOST_SWEEP));
        rules.add(new EngineRule.Aggregate(info("dns_tunnel_volume", Severity.HIGH), DNS_TUNNEL));
        rules.add(new EngineRule.Aggregate(info("exfil_volume", Severity.HIGH), EXFIL));
        rules.add(new EngineRule.Aggregate(info("rejected_burst", Severity.LOW), REJECTED_BURST));
        rules.add(new EngineRule.Beacon(info("beaconing", Severity.HIGH), BEACON));
        rules.add(new EngineRule.Sequence(info("smb_then_rpc", Severity.HIGH), SMB_THEN_RPC));
        return rules;
    }

    static RuleInfo info(String id, Severity severity) {
        return new RuleInfo(id, id.replace('_', ' '), severity, List.of());
    }
}
