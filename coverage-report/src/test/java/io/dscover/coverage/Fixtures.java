package io.dscover.coverage;

import io.dscover.coverage.telemetry.CollectorCapability;
import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.source.RuleSource;
import io.dscover.model.attack.AttackCatalog;
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
}
