package io.dscover.collect.cloud.gcp;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * GCP VPC Flow Logs as Cloud Logging JSON: exports to Cloud Storage (one entry per line),
 * {@code gcloud logging read --format=json} (an array), the Logging API ({@code {"entries":[...]}}),
 * Pub/Sub payloads. Firewall Rules Logging entries share the shape and are read too (their
 * {@code disposition} sets the action).
 *
 * <p>Options: {@code gcp.aggregation-interval} (default 5s, GCP's default; the flow log's setting
 * is not in the records), {@code gcp.sampling-rate} (the flow log's sample rate, 0..1; unset by
 * default because records do not state it), {@code gcp.dedup} (default true: a flow reported by
 * both VMs is counted once), {@code gcp.dedup-capacity} (reports remembered for matching, default
 * 200000).
 */
public final class GcpVpcFlowCollector implements Collector {

    public static final String NAME = "gcp-vpc";
    private static final long DEFAULT_INTERVAL = 5_000_000_000L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GCP VPC Flow Logs (Cloud Logging JSON: per line, array or entries), both-ends reports counted once";
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
        String start = head.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0; // Cloud Logging exports are JSON; prose that mentions vpc_flows is not one
        }
        if (head.contains("compute.googleapis.com%2Fvpc_flows") || head.contains("compute.googleapis.com/vpc_flows")) {
            return 100;
        }
        if (head.contains("\"jsonPayload\"") && head.contains("\"connection\"") && head.contains("\"src_ip\"")) {
            return 95;
        }
        return 0;
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        long interval = context.options().duration("gcp.aggregation-interval", DEFAULT_INTERVAL);
        String rate = context.options().get("gcp.sampling-rate");
        Double sampling = null;
        if (rate != null) {
            try {
                sampling = Double.parseDouble(rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option gcp.sampling-rate: not a number: " + rate, e);
            }
            if (!(sampling > 0 && sampling <= 1)) {
                throw new IllegalArgumentException("option gcp.sampling-rate: must be in (0, 1]: " + rate);
            }
        }
        boolean dedup = !"false".equalsIgnoreCase(context.options().get("gcp.dedup", "true"));
        long capacity = context.options().integer("gcp.dedup-capacity", 200_000);
        if (capacity < 1 || capacity > 50_000_000) {
            throw new IllegalArgumentException("option gcp.dedup-capacity: must be 1..50000000: " + capacity);
        }
        return new GcpFlowSource(input, context.ledger(), interval, sampling,
                dedup ? new ReporterDeduplicator((int) capacity) : null);
    }
}
