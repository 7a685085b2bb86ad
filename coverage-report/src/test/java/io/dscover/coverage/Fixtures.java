package io.dscover.coverage;

import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.attack.DetectionStrategy;
import io.dscover.model.attack.DetectionStrategy.Analytic;
import io.dscover.model.attack.DetectionStrategy.LogSource;
import io.dscover.model.attack.Tactic;
import io.dscover.model.attack.Technique;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Test inputs: the collectors' declarations as they declare them (PcapCollector, ZeekCollector,
 * WindowsCollector, the cloud collectors, JsonlCollector: eventTypes() and components()), and rules
 * compiled from inline {@code .det} text.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static final CollectorCapability PCAP = new CollectorCapability("pcap", "packet captures",
            new LinkedHashSet<>(List.of("connection", "flow", "dns", "http", "tls", "ssh", "icmp", "ftp", "smtp", "rdp",
                    "smb", "ntlm", "dce_rpc", "snmp", "tftp")), EnumSet.allOf(DataComponent.class), true);
    public static final CollectorCapability ZEEK = new CollectorCapability("zeek", "Zeek logs",
            new LinkedHashSet<>(List.of("connection", "flow", "dns", "http", "tls", "ssh", "smb", "dce_rpc", "rdp", "ftp",
                    "smtp", "snmp", "tftp", "ntlm", "kerberos", "notice", "weird", "log")),
            EnumSet.of(DataComponent.CONNECTION_CREATION, DataComponent.TRAFFIC_FLOW), true);
    public static final CollectorCapability WINDOWS = new CollectorCapability("windows", "Sysmon 3, Security 5156/5157",
            Set.of("connection"), EnumSet.of(DataComponent.CONNECTION_CREATION), true);
    public static final CollectorCapability AWS = new CollectorCapability("aws-vpc", "AWS VPC flow logs", Set.of("flow"),
            EnumSet.of(DataComponent.TRAFFIC_FLOW), true);
    public static final CollectorCapability GCP = new CollectorCapability("gcp-vpc", "GCP VPC flow logs", Set.of("flow"),
            EnumSet.of(DataComponent.TRAFFIC_FLOW), true);
    public static final CollectorCapability AZURE = new CollectorCapability("azure", "Azure flow logs", Set.of("flow"),
            EnumSet.of(DataComponent.TRAFFIC_FLOW), true);
    public static final CollectorCapability JSONL = new CollectorCapability("jsonl", "dscover's own events", allTypes(),
            EnumSet.allOf(DataComponent.class), false);

    public static List<CollectorCapability> capabilities() {
        return List.of(PCAP, ZEEK, WINDOWS, AWS, GCP, AZURE, JSONL);
    }

    private static Set<String> allTypes() {
        Set<String> s = new LinkedHashSet<>();
        for (EventTypeDef t : EventSchema.get().eventTypes()) {
            s.add(t.name());
        }
        return s;
    }

    /** Compiles rule text (one source per argument) against the embedded DS0029 model; fails the test on errors. */
    public static CompileResult compile(String... det) {
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < det.length; i++) {
            sources.add(RuleSource.of("test" + i + ".det", det[i]));
        }
        CompileResult r = DetectionCompiler.compile(sources, AttackCatalog.embeddedDs0029(), CompileOptions.defaults());
        if (r.ruleSet().isEmpty()) {
            throw new AssertionError("test rules do not compile: " + r.diagnostics());
        }
        return r;
    }

    /** A per-event rule with two tests, "fires" and "stays quiet". */
    public static String rule(String id, String techniques, String match) {
        String event = match.split(" ")[0];
        return "rule " + id + " {\n  title: \"" + id + "\"\n  techniques: [" + techniques + "]\n  severity: medium\n"
                + "  match " + match + "\n"
                + "  test \"fires\" expect >= 0 {\n    " + event + " { ts: \"2024-05-01T10:00:00Z\" }\n  }\n"
                + "  test \"stays quiet\" expect >= 0 {\n    " + event + " { ts: \"2024-05-01T10:00:00Z\" }\n  }\n}\n";
    }

    public static final String DNS_TXT = """
            rule dns_txt {
              title: "Long TXT queries"
              techniques: [T1071.004, T1572]
              severity: high
              match dns where dns.question.type == "TXT" and len(dns.question.name) > 52
              test "fires on a long TXT query" expect 1 {
                dns { ts: "2024-05-01T10:00:00Z", dns.question.type: "TXT",
                      dns.question.name: "aGVsbG8gd29ybGQgdGhpcyBpcyBhIHZlcnkgbG9uZyBsYWJlbA.t.example.com" }
              }
              test "ignores a short query" expect 0 {
                dns { ts: "2024-05-01T10:00:00Z", dns.question.type: "TXT", dns.question.name: "example.com" }
              }
            }
            """;

    public static final String SMB_ADMIN = """
            rule smb_admin {
              title: "Connections to SMB"
              techniques: [T1021.002]
              severity: low
              match connection where destination.port == 445
              test "fires" expect 1 { connection { ts: "2024-05-01T10:00:00Z", destination.port: 445 } }
            }
            """;

    public static String passed(String rule, String... tests) {
        StringBuilder x = new StringBuilder("<testsuites><testsuite name=\"" + rule + "\">");
        for (String t : tests) {
            x.append("<testcase classname=\"").append(rule).append("\" name=\"").append(t).append("\"/>");
        }
        return x.append("</testsuite></testsuites>").toString();
    }

    public static LogSource ls(DataComponent c, String name, String channel) {
        return new LogSource(c.stixId(), c.attackName(), c, name, channel);
    }

    public static LogSource processCreation() {
        return new LogSource("x-mitre-data-component--3d20385b-24ef-40e1-9f56-f39750379077", "Process Creation", null,
                "WinEventLog:Sysmon", "EventCode=1");
    }

    public static Analytic analytic(String id, LogSource... sources) {
        return new Analytic(id, List.of("Windows"), List.of(sources), List.of());
    }

    /** T1071.004 through Zeek dns.log and AWS flow logs; T1021.002 through Sysmon 3 plus process creation; T1105 macOS only. */
    public static AttackCatalog v18Catalog() {
        AttackCatalog.Builder b = AttackCatalog.builder("test v18 release", "18.1", AttackCatalog.DetectionModel.DETECTION_STRATEGIES)
                .tactic(new Tactic("TA0011", "command-and-control", "Command and Control"))
                .tactic(new Tactic("TA0008", "lateral-movement", "Lateral Movement"))
                .technique(new Technique("T1071", "Application Layer Protocol", List.of("command-and-control")))
                .technique(new Technique("T1071.004", "DNS", List.of("command-and-control")))
                .technique(new Technique("T1021.002", "SMB/Windows Admin Shares", List.of("lateral-movement")))
                .technique(new Technique("T1105", "Ingress Tool Transfer", List.of("command-and-control")));
        b.strategy(new DetectionStrategy("DET0001", "DNS tunnelling", "T1071.004", List.of(
                analytic("AN0001", ls(DataComponent.TRAFFIC_FLOW, "NSM:Flow", "dns.log")),
                analytic("AN0002", ls(DataComponent.TRAFFIC_FLOW, "AWS:VPCFlowLogs", "egress to resolvers")))));
        b.detects(DataComponent.TRAFFIC_FLOW, "T1071.004");
        b.strategy(new DetectionStrategy("DET0002", "Admin shares", "T1021.002", List.of(
                analytic("AN0003", ls(DataComponent.CONNECTION_CREATION, "WinEventLog:Sysmon", "EventCode=3, 22"), processCreation()))));
        b.detects(DataComponent.CONNECTION_CREATION, "T1021.002");
        b.strategy(new DetectionStrategy("DET0003", "Tool transfer", "T1105", List.of(
                analytic("AN0004", ls(DataComponent.CONNECTION_CREATION, "macos:unifiedlog", "network connection events")))));
        b.detects(DataComponent.CONNECTION_CREATION, "T1105");
        return b.build();
    }

    /** The legacy view of {@link #v18Catalog()}: T1071.004 through content and flow, T1021.002, and T1571 (gone in "v18"). */
    public static AttackCatalog legacyCatalog() {
        return AttackCatalog.builder("test legacy", "10.1", AttackCatalog.DetectionModel.DATA_COMPONENT_DETECTS)
                .tactic(new Tactic("TA0011", "command-and-control", "Command and Control"))
                .tactic(new Tactic("TA0008", "lateral-movement", "Lateral Movement"))
                .technique(new Technique("T1071.004", "DNS", List.of("command-and-control")))
                .technique(new Technique("T1021.002", "SMB/Windows Admin Shares", List.of("lateral-movement")))
                .technique(new Technique("T1571", "Non-Standard Port", List.of("command-and-control")))
                .detects(DataComponent.TRAFFIC_CONTENT, "T1071.004").detects(DataComponent.TRAFFIC_FLOW, "T1071.004")
                .detects(DataComponent.CONNECTION_CREATION, "T1021.002").detects(DataComponent.TRAFFIC_FLOW, "T1571")
                .build();
    }
}
