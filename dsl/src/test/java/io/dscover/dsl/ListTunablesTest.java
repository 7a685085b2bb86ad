package io.dscover.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * A tunable may hold a list (ports, networks, strings), stands after {@code in} / {@code not in}, and a
 * user replaces it from the command line ({@code --tunable rule.name=[a, b]}) without editing the rule.
 * Each rule below comes twice: as declared, and with its tunables overridden; one KieBase holds both.
 */
class ListTunablesTest {

    static final String RULES = """
            rule admin_ports {
              title: "admin ports" severity: low techniques: [T1021.001]
              tunable ports = [22, 3389]
              match connection where destination.port in ports
            }
            rule admin_ports_wide {
              title: "admin ports, overridden" severity: low techniques: [T1021.001]
              tunable ports = [22, 3389]
              match connection where destination.port in ports
            }
            rule outside_nets {
              title: "source outside the internal networks" severity: low techniques: [T1021.001]
              tunable nets = [10.0.0.0/8, fc00::/7]
              match connection where source.ip not in nets
            }
            rule outside_nets_overridden {
              title: "source outside other networks" severity: low techniques: [T1021.001]
              tunable nets = [10.0.0.0/8, fc00::/7]
              match connection where source.ip not in nets
            }
            rule scripted_agents {
              title: "scripted clients" severity: low techniques: [T1071.001]
              tunable agents = ["curl", "wget"]
              match http where user_agent.original in agents
            }
            rule scripted_agents_overridden {
              title: "scripted clients, overridden" severity: low techniques: [T1071.001]
              tunable agents = ["curl", "wget"]
              match http where user_agent.original in agents
            }
            rule shell_urls {
              title: "web shells" severity: low techniques: [T1071.001]
              tunable pattern = r"/(cmd|shell)\\.php$"
              match http where url.original matches pattern
            }
            rule shell_urls_overridden {
              title: "admin pages" severity: low techniques: [T1071.001]
              tunable pattern = r"/(cmd|shell)\\.php$"
              match http where url.original matches pattern
            }
            """;

    static final Map<String, String> OVERRIDES = Map.of(
            "admin_ports_wide.ports", "[1..3, 22, 23, 25, 80, 110, 143, 443, 3389]",
            "outside_nets_overridden.nets", "[192.168.0.0/16, 2001:db8::/32, 203.0.113.7]",
            "scripted_agents_overridden.agents", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"say \\\"hi\\\"\"]",
            "shell_urls_overridden.pattern", "\"^/admin/\"");

    static CompiledRuleSet rules;
    static KieBase kieBase;

    @BeforeAll
    static void compileOnce() {
        CompileResult r = Compiling.text(RULES, OVERRIDES);
        assertThat(r.hasErrors()).as(Compiling.show(r)).isFalse();
        rules = r.ruleSet().orElseThrow();
        kieBase = DroolsHarness.build(rules.drl());
    }

    static List<String> firedBy(NetworkEvent event) {
        return DroolsHarness.replay(kieBase, List.of(event)).stream().map(DroolsHarness.Call::ruleId).sorted().toList();
    }

    static ConnectionEvent connection(String sourceIp, long destinationPort) {
        ConnectionEvent e = new ConnectionEvent();
        e.setSourceIp(sourceIp);
        e.setDestinationPort(destinationPort);
        return e;
    }

    static HttpEvent http(String userAgent, String url) {
        HttpEvent e = new HttpEvent();
        e.setUserAgentOriginal(userAgent);
        e.setUrlOriginal(url);
        return e;
    }

    @Test
    void aPortListTunableMatchesItsPortsAndAnOverrideReplacesThem() {
        assertThat(firedBy(connection("10.1.2.3", 22))).containsExactly("admin_ports", "admin_ports_wide", "outside_nets_overridden");
        assertThat(firedBy(connection("10.1.2.3", 80))).containsExactly("admin_ports_wide", "outside_nets_overridden");
        assertThat(firedBy(connection("10.1.2.3", 2))).containsExactly("admin_ports_wide", "outside_nets_overridden");
        assertThat(firedBy(connection("10.1.2.3", 4444))).containsExactly("outside_nets_overridden");
    }

    @Test
    void aNetworkListTunableIsCidrMembershipForIpv4AndIpv6() {
        assertThat(firedBy(connection("fc00::1", 4444))).containsExactly("outside_nets_overridden");
        assertThat(firedBy(connection("2001:db8::5", 4444))).containsExactly("outside_nets");
        assertThat(firedBy(connection("192.168.7.7", 4444))).containsExactly("outside_nets");
        assertThat(firedBy(connection("203.0.113.7", 4444))).containsExactly("outside_nets");
        assertThat(firedBy(connection("8.8.8.8", 4444))).containsExactly("outside_nets", "outside_nets_overridden");
    }

    @Test
    void aStringListTunableMatchesExactlyItsStrings() {
        assertThat(firedBy(http("curl", "/"))).containsExactly("scripted_agents");
        assertThat(firedBy(http("h", "/"))).containsExactly("scripted_agents_overridden");
        assertThat(firedBy(http("say \"hi\"", "/"))).containsExactly("scripted_agents_overridden");
        assertThat(firedBy(http("curl ", "/"))).isEmpty();
    }

    @Test
    void aPatternTunableIsAnRe2RegexAndCanBeOverridden() {
        assertThat(firedBy(http("x", "/up/cmd.php"))).containsExactly("shell_urls");
        assertThat(firedBy(http("x", "/admin/users"))).containsExactly("shell_urls_overridden");
        assertThat(firedBy(http("x", "/up/cmd.php5"))).isEmpty();
    }

    @Test
    void shortListsAreInlineComparisonsAndLongOverridesACachedSet() {
        String drl = rules.drl();
        assertThat(section(drl, "admin_ports")).contains("(destinationPort == 22L || destinationPort == 3389L)");
        assertThat(section(drl, "admin_ports_wide")).contains("RuleFunctions.inLongs(destinationPort, \"1-3,22,23,25,80,110,143,443,3389\")");
        assertThat(section(drl, "outside_nets_overridden"))
                .contains("RuleFunctions.inCidrs(sourceIp, \"192.168.0.0/16 2001:db8::/32 203.0.113.7\")");
        assertThat(rules.rule("admin_ports_wide").orElseThrow().tunables()).singleElement()
                .satisfies(t -> assertThat(t.overridden()).isTrue());
        assertThat(rules.rule("admin_ports").orElseThrow().tunables()).singleElement()
                .satisfies(t -> assertThat(t.overridden()).isFalse());
    }

    private static String section(String drl, String ruleId) {
        int from = drl.indexOf("rule \"" + ruleId + "\"");
        return drl.substring(from, drl.indexOf("\nend", from));
    }

    /** One rule whose body starts at line 3, column 3. */
    static String rule(String body) {
        return "rule r {\n  title: \"t\" severity: low techniques: [T1046]\n" + body + "\n}\n";
    }

    static List<String> headlines(String det, Map<String, String> overrides) {
        return Compiling.headlines(Compiling.text(det, overrides)).stream().filter(h -> h.contains("error")).toList();
    }

    @Test
    void aListTunableWhereOneValueBelongsAndAValueWhereAListBelongsAreTypeErrors() {
        assertThat(headlines(rule("  tunable ports = [22, 23]\n  match flow where destination.port == ports"), Map.of()))
                .containsExactly("test.det:4:20: error: a list is compared with 'in', not '=='");
        assertThat(headlines(rule("  tunable limit = 22\n  match flow where destination.port in limit"), Map.of()))
                .containsExactly("test.det:4:40: error: 'limit' is a tunable, not a list; 'in' takes a list name or [a, b, ...]");
        assertThat(headlines(rule("  tunable nets = [10.0.0.0/8]\n  match flow where destination.port in nets"), Map.of()))
                .containsExactly("test.det:4:20: error: 'destination.port' is an int, and 'nets' is a list of IPs/CIDRs");
    }

    @Test
    void anOverrideMustBeAValueOfTheDeclaredKindAndSaysPreciselyWhatIsWrong() {
        String det = rule("  tunable ports = [22, 23]\n  tunable agents = [\"curl\"]\n  tunable limit = 5\n"
                + "  match http where destination.port in ports and user_agent.original in agents and source.port > limit");
        assertThat(headlines(det, Map.of("r.ports", "22"))).containsExactly(
                "--tunable r.ports:1:1: error: tunable r.ports is a list of ints (declared [22, 23] at test.det:3:3); 22 is an int");
        assertThat(headlines(det, Map.of("r.limit", "[1, 2]"))).containsExactly(
                "--tunable r.limit:1:1: error: tunable r.limit is an int (declared 5 at test.det:5:3); [1, 2] is a list of ints");
        assertThat(headlines(det, Map.of("r.ports", "[\"22\"]"))).containsExactly(
                "--tunable r.ports:1:1: error: tunable r.ports is a list of ints (declared [22, 23] at test.det:3:3); [\"22\"] is a list of strings");
        assertThat(headlines(det, Map.of("r.ports", "[22, 23"))).containsExactly(
                "--tunable r.ports:1:8: error: expected ']' or ',' after '23', found end of file");
        assertThat(headlines(det, Map.of("r.agents", "[curl, wget]"))).containsExactly(
                "--tunable r.agents:1:2: error: 'curl' needs double quotes to be a string: [\"curl\", \"wget\"] "
                        + "(a shell drops the quotes unless the whole argument is in single quotes)");
        assertThat(headlines(det, Map.of("r.ports", "[22, 70000000000000000000]"))).containsExactly(
                "--tunable r.ports:1:6: error: integer out of range (at most 9223372036854775807): 70000000000000000000");
    }
}
