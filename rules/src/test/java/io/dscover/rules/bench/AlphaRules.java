package io.dscover.rules.bench;

import io.dscover.model.event.FlowEvent;
import io.dscover.rules.alert.RuleInfo;
import io.dscover.rules.alert.Severity;
import io.dscover.rules.engine.EngineRule;
import java.util.ArrayList;
import java.util.List;

/**
 * N per-event ("alpha") rules of the shapes the DSL emits for {@code match flow where ...}: a port
 * with transport and a byte threshold; an {@code in} list of states and ports (as {@code ||} chains,
 * never {@code in} or {@code eval}: DROOLS-NOTES gotchas 4 and 5); a destination prefix; a source
 * port with transport. Each rule renders as DRL and tests a {@link FlowEvent} in plain Java, so both
 * sides check exactly the same predicates.
 */
public final class AlphaRules {

    private static final String[] STATES = {"S0", "REJ", "SF", "RSTO", "SH"};

    private AlphaRules() {
    }

    /** One rule: {@code kind} picks the shape, {@code i} its constants. */
    record Rule(int i) {
        String id() {
            return "alpha" + i;
        }

        String drlConstraint() {
            return switch (i % 4) {
                case 0 -> "destinationPort == " + (20 + i) + ", networkTransport == \"tcp\", sourceBytes != null, "
                        + "sourceBytes > " + (i * 1000L);
                case 1 -> "(flowState == \"" + STATES[i % 5] + "\" || flowState == \"OTH\"), (destinationPort == "
                        + (1000 + i) + " || destinationPort == " + (2000 + i) + ")";
                case 2 -> "destinationIp != null, destinationIp.startsWith(\"" + (23 + i % 180) + "." + (i % 7) + ".\")";
                default -> "sourcePort == " + (40000 + i) + ", networkTransport == \"udp\"";
            };
        }

        boolean test(FlowEvent e) {
            return switch (i % 4) {
                case 0 -> e.getDestinationPort() != null && e.getDestinationPort() == 20 + i
                        && "tcp".equals(e.getNetworkTransport()) && e.getSourceBytes() != null
                        && e.getSourceBytes() > i * 1000L;
                case 1 -> (STATES[i % 5].equals(e.getFlowState()) || "OTH".equals(e.getFlowState()))
                        && e.getDestinationPort() != null
                        && (e.getDestinationPort() == 1000 + i || e.getDestinationPort() == 2000 + i);
                case 2 -> e.getDestinationIp() != null
                        && e.getDestinationIp().startsWith((23 + i % 180) + "." + (i % 7) + ".");
                default -> e.getSourcePort() != null && e.getSourcePort() == 40000 + i
                        && "udp".equals(e.getNetworkTransport());
            };
        }
    }

    public static List<Rule> generate(int n) {
        List<Rule> rules = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rules.add(new Rule(i));
        }
        return rules;
    }

    public static String drl(List<Rule> rules) {
        StringBuilder sb = new StringBuilder("package io.dscover.rules.bench.alpha;\n"
                + "import io.dscover.model.event.FlowEvent;\n"
                + "global io.dscover.dsl.runtime.DetectionActions dscover;\n"
                + "declare FlowEvent @role(event) @timestamp(tsMillis) @expires(1s) end\n");
        for (Rule r : rules) {
            sb.append("rule \"").append(r.id()).append("\" when $e : FlowEvent(").append(r.drlConstraint())
                    .append(") then dscover.alert(\"").append(r.id()).append("\", $e); end\n");
        }
        return sb.toString();
    }

    public static List<EngineRule> engineRules(List<Rule> rules) {
        List<EngineRule> out = new ArrayList<>();
        for (Rule r : rules) {
            out.add(new EngineRule.Match(new RuleInfo(r.id(), r.id(), Severity.LOW, List.of())));
        }
        return out;
    }
}
