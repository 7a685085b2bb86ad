package io.dscover.collect.cloud.azure;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Azure Network Watcher flow logs: NSG flow logs version 1 and 2 and VNet flow logs (version 4),
 * as the blobs Azure writes ({@code .../y=/m=/d=/h=/m=00/macAddress=/PT1H.json}, a
 * {@code {"records":[...]}} document appended to every minute, so possibly unterminated), their
 * records one per line (Event Hub, Elastic), or bare tuples one per line.
 */
public final class AzureFlowCollector implements Collector {

    public static final String NAME = "azure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Azure NSG flow logs v1/v2 and VNet flow logs (PT1H.json blobs, records per line, bare tuples)";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("flow");
    }

    @Override
    public Set<DataComponent> components() {
        return EnumSet.of(DataComponent.TRAFFIC_FLOW);
    }

    @Override
    public int probe(InputSample sample) {
        String head = sample.headText();
        if (head.contains("\"flowTuples\"")) {
            return 100;
        }
        if (head.contains("NetworkSecurityGroupFlowEvent") || head.contains("FlowLogFlowEvent")) {
            return 90;
        }
        return looksLikeTuple(sample.firstLine().strip()) ? 80 : 0;
    }

    private static boolean looksLikeTuple(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 8 && f.length != 13) {
            return false;
        }
        return !f[0].isEmpty() && f[0].chars().allMatch(Character::isDigit)
                && io.dscover.model.event.IpAddresses.isAddress(f[1]) && io.dscover.model.event.IpAddresses.isAddress(f[2])
                && (f[6].equals("I") || f[6].equals("O"));
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        if (startsWithJson(input)) {
            return new AzureFlowSource(input, context.ledger());
        }
        return new AzureTupleTextSource(input, context.ledger());
    }

    private static boolean startsWithJson(Input input) throws IOException {
        try (InputStream in = input.open()) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{' || c == '[';
        }
    }
}
