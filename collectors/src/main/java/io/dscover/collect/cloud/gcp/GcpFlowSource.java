package io.dscover.collect.cloud.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.cloud.JsonRecordReader;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.IpAddresses;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.Timestamps;
import java.io.IOException;

/**
 * Cloud Logging entries of VPC Flow Logs ({@code logName .../compute.googleapis.com%2Fvpc_flows})
 * into flow events: one per entry, except a flow's second report from the other end. Entries are
 * read one at a time (each is a small tree), never the whole export.
 */
final class GcpFlowSource implements EventSource {

    static final String PROVIDER = "gcp-vpc";

    private final JsonRecordReader reader;
    private final InputLedger ledger;
    private final String path;
    private final Long aggregationInterval;
    private final Double samplingRate;
    private final ReporterDeduplicator dedup;
    private FlowEvent pending;

    GcpFlowSource(Input input, InputLedger ledger, Long aggregationInterval, Double samplingRate,
            ReporterDeduplicator dedup) throws IOException {
        this.reader = new JsonRecordReader(input, ledger);
        this.ledger = ledger;
        this.path = input.displayName();
        this.aggregationInterval = aggregationInterval;
        this.samplingRate = samplingRate;
        this.dedup = dedup;
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        boolean more = reader.next(this::entry);
        if (pending != null) {
            FlowEvent e = pending;
            pending = null;
            sink.accept(e);
        }
        return more;
    }

    private void entry(JsonParser p, JsonRecordReader.Position at) throws IOException {
        JsonNode entry = reader.readTree(p);
        ledger.recordRead();
        // Elastic's pipeline tests and some Pub/Sub bridges wrap the entry: {"json": {...}}
        if (entry.size() == 1 && entry.has("json") && entry.get("json").isObject()) {
            entry = entry.get("json");
        }
        String where = "entry " + at.record() + " at " + at.describe();
        JsonNode payload = entry.path("jsonPayload");
        JsonNode conn = payload.path("connection");
        if (!conn.isObject()) {
            ledger.reject(where, "not a VPC flow log entry", "no jsonPayload.connection"
                    + (entry.has("logName") ? " (logName " + clip(entry.get("logName").asText()) + ")" : ""));
            return;
        }
        FlowEvent e = new FlowEvent();
        String src = IpAddresses.canonical(conn.path("src_ip").asText(null));
        String dst = IpAddresses.canonical(conn.path("dest_ip").asText(null));
        if (src == null || dst == null) {
            ledger.reject(where, "invalid address", "src_ip '" + clip(conn.path("src_ip").asText()) + "', dest_ip '"
                    + clip(conn.path("dest_ip").asText()) + "'");
            return;
        }
        e.setSourceIp(src);
        e.setDestinationIp(dst);
        e.setNetworkType(src.indexOf(':') >= 0 ? "ipv6" : "ipv4");
        Long proto = number(conn.get("protocol"));
        if (proto == null || proto < 0 || proto > 255) {
            ledger.reject(where, "invalid protocol", clip(conn.path("protocol").asText()));
            return;
        }
        e.setNetworkTransport(IpProtocols.name(proto.intValue()));
        Long sport = number(conn.get("src_port"));
        Long dport = number(conn.get("dest_port"));
        if ((sport != null && (sport < 0 || sport > 65_535)) || (dport != null && (dport < 0 || dport > 65_535))) {
            ledger.reject(where, "invalid port", conn.path("src_port").asText() + " -> " + conn.path("dest_port").asText());
            return;
        }
        e.setSourcePort(sport);
        e.setDestinationPort(dport);

        Timestamps.Parsed start;
        Timestamps.Parsed end;
        try {
            start = time(payload, "start_time", entry);
            end = time(payload, "end_time", entry);
        } catch (IllegalArgumentException ex) {
            ledger.reject(where, "invalid time", ex.getMessage());
            return;
        }
        if (start == null) {
            ledger.reject(where, "no time", "neither start_time nor timestamp");
            return;
        }
        e.setTs(start.epochNanos(), start.precision());
        if (end != null && end.epochNanos() >= start.epochNanos()) {
            e.setEventDuration(end.epochNanos() - start.epochNanos());
        }
        Long bytes = number(payload.get("bytes_sent"));
        Long packets = number(payload.get("packets_sent"));
        if (bytes != null && bytes >= 0) {
            e.setSourceBytes(bytes);
            e.setNetworkBytes(bytes);
        }
        if (packets != null && packets >= 0) {
            e.setSourcePackets(packets);
            e.setNetworkPackets(packets);
        }
        String reporter = payload.path("reporter").asText(null);
        boolean sourceSide = reporter != null && reporter.startsWith("SRC");
        if (reporter != null) {
            e.setFlowReporter(reporter);
            e.setNetworkDirection(sourceSide ? "egress" : reporter.startsWith("DEST") ? "ingress" : null);
        }
        // firewall rules logging shares the shape and says what the firewall decided
        String disposition = payload.path("disposition").asText("");
        e.setEventAction(disposition.equals("DENIED") ? "reject" : "accept");
        e.setRuleName(text(payload.path("rule_details").path("reference")));
        Long rtt = number(payload.get("rtt_msec"));
        if (rtt != null) {
            e.putExtra("gcp.vpcflow.rtt_msec", rtt);
        }

        JsonNode instance = payload.path(sourceSide ? "src_instance" : "dest_instance");
        JsonNode vpc = payload.path(sourceSide ? "src_vpc" : "dest_vpc");
        JsonNode labels = entry.path("resource").path("labels");
        e.setCloudProvider("gcp");
        e.setCloudAccountId(first(vpc.path("project_id"), instance.path("project_id"), labels.path("project_id")));
        e.setCloudRegion(text(instance.path("region")));
        e.setCloudAvailabilityZone(first(instance.path("zone"), labels.path("location")));
        e.setCloudVpcId(text(vpc.path("vpc_name")));
        e.setCloudSubnetId(first(vpc.path("subnetwork_name"), labels.path("subnetwork_name")));
        e.setCloudInstanceId(text(instance.path("vm_name")));
        e.setHostName(text(instance.path("vm_name")));
        endpoint(e, payload, "src", "gcp.source");
        endpoint(e, payload, "dest", "gcp.destination");
        e.setSourceGeoCountryIsoCode(CountryCodes.alpha2(text(payload.path("src_location").path("country"))));
        e.setDestinationGeoCountryIsoCode(CountryCodes.alpha2(text(payload.path("dest_location").path("country"))));
        String insertId = text(entry.path("insertId"));
        if (insertId != null) {
            e.putExtra("gcp.insert_id", insertId);
        }

        e.setEventProvider(PROVIDER);
        e.setEventDataset(entry.path("logName").asText("").endsWith("firewall") ? "gcp.firewall" : "gcp.vpcflow");
        if (aggregationInterval != null) {
            e.setFlowAggregationInterval(aggregationInterval);
        }
        if (samplingRate != null) {
            e.setFlowSamplingRate(samplingRate);
        }
        e.computeCommunityId();
        e.setLogFilePath(path);
        e.setLogRecord(at.record());
        e.setLogOffset(at.offset());

        if (dedup != null && reporter != null) {
            String key = src + "|" + sport + "|" + dst + "|" + dport + "|" + proto;
            long endNanos = end != null ? end.epochNanos() : start.epochNanos();
            if (dedup.isDuplicate(key, sourceSide, start.epochNanos(), endNanos)) {
                ledger.skip("duplicate report (the other end reported the same flow)");
                return;
            }
        }
        pending = e;
    }

    /** The VM name, VPC and network details of one end, as extra fields. */
    private static void endpoint(FlowEvent e, JsonNode payload, String side, String prefix) {
        String vm = text(payload.path(side + "_instance").path("vm_name"));
        if (vm != null) {
            e.putExtra(prefix + ".vm_name", vm);
        }
        String vpc = text(payload.path(side + "_vpc").path("vpc_name"));
        if (vpc != null) {
            e.putExtra(prefix + ".vpc_name", vpc);
        }
        Long asn = number(payload.path(side + "_location").get("asn"));
        if (asn != null) {
            e.putExtra(prefix + ".asn", asn);
        }
    }

    private static Timestamps.Parsed time(JsonNode payload, String field, JsonNode entry) {
        String t = text(payload.path(field));
        if (t == null && field.equals("start_time")) {
            t = text(entry.path("timestamp"));
        }
        return t == null ? null : Timestamps.parse(t);
    }

    /** An int64 as proto3 JSON writes it (a string) or as a number; null when absent or not a number. */
    private static Long number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            if (s.isEmpty() || s.length() > 18) {
                return null;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
    }

    private static String first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            String t = text(n);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String clip(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
