package io.dscover.collect.cloud.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dscover.collect.EventSink;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.cloud.JsonRecordReader;
import io.dscover.model.event.FlowEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NSG and VNet flow log blobs ({@code {"records":[...]}}, {@code PT1H.json}) or their records one
 * per line, streamed down to the tuple: each flow tuple string becomes one event as soon as its
 * group is read, so a blob of hundreds of megabytes needs the memory of one group of tuples
 * (at most {@link #MAX_BUFFERED_TUPLES}), never the document.
 *
 * <p>The walk is by key, not by path, so NSG ({@code properties.flows[].flows[].flowTuples}) and
 * VNet ({@code flowRecords.flows[].flowGroups[].flowTuples}) records share it: {@code rule},
 * {@code mac} and {@code aclID} apply to the tuples inside the object that names them;
 * {@code resourceId}, {@code targetResourceID}, {@code macAddress} to the whole record. A group's
 * tuples are held until the group ends so a key written after them still applies; record-level
 * keys must precede the flows (as Azure writes them).
 */
final class AzureFlowSource implements EventSource {

    static final int MAX_BUFFERED_TUPLES = 4096;
    private static final long AGGREGATION_INTERVAL = 60_000_000_000L;

    /** What applies to every tuple of a record. */
    private static final class RecordMeta {
        String resourceId;
        String targetResourceId;
        String flowLogResourceId;
        String macAddress;
    }

    /** What applies to the tuples of one object and the objects inside it. */
    private record Scope(String rule, String mac, String aclId) {
    }

    private record PendingTuple(String text, long offset) {
    }

    private final JsonRecordReader reader;
    private final InputLedger ledger;
    private final String path;
    private long tuples;

    AzureFlowSource(Input input, InputLedger ledger) throws IOException {
        this.reader = new JsonRecordReader(input, ledger);
        this.ledger = ledger;
        this.path = input.displayName();
    }

    @Override
    public boolean read(EventSink sink) throws IOException {
        return reader.next((p, at) -> walk(p, at, new RecordMeta(), new Scope(null, null, null), sink));
    }

    private void walk(JsonParser p, JsonRecordReader.Position at, RecordMeta meta, Scope inherited, EventSink sink)
            throws IOException {
        Scope[] scope = {inherited};
        List<PendingTuple> pending = new ArrayList<>();
        try {
            walkFields(p, at, meta, scope, sink, pending);
        } finally {
            // also when the document breaks off mid-group: the complete tuples before the break count
            emit(pending, scope[0], meta, sink);
        }
    }

    /** Reads an object's fields; {@code current[0]} follows the scope its keys set; tuples go to {@code pending}. */
    private void walkFields(JsonParser p, JsonRecordReader.Position at, RecordMeta meta, Scope[] current,
            EventSink sink, List<PendingTuple> pending) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isScalarValue()) {
                String v = t == JsonToken.VALUE_NULL ? null : p.getText();
                switch (name) {
                    case "rule" -> current[0] = new Scope(v, current[0].mac(), current[0].aclId());
                    case "mac" -> current[0] = new Scope(current[0].rule(), v, current[0].aclId());
                    case "aclID" -> current[0] = new Scope(current[0].rule(), current[0].mac(), v);
                    case "resourceId" -> meta.resourceId = v;
                    case "targetResourceID" -> meta.targetResourceId = v;
                    case "flowLogResourceID" -> meta.flowLogResourceId = v;
                    case "macAddress" -> meta.macAddress = v;
                    default -> {
                        // time, category, Version, flowLogVersion, ...: the tuples say what they need
                    }
                }
            } else if (t == JsonToken.START_ARRAY && name.equals("flowTuples")) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        return; // the reader reports the truncation
                    }
                    long offset = reader.offsetOf(p, at);
                    if (t != JsonToken.VALUE_STRING) {
                        ledger.recordRead();
                        ledger.reject(where(++tuples, offset), "not a flow tuple", "a JSON value that is not a string");
                        p.skipChildren();
                        continue;
                    }
                    pending.add(new PendingTuple(p.getText(), offset));
                    if (pending.size() >= MAX_BUFFERED_TUPLES) {
                        emit(pending, current[0], meta, sink);
                    }
                }
            } else if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        return;
                    }
                    if (t == JsonToken.START_OBJECT) {
                        walk(p, at, meta, current[0], sink);
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (t == JsonToken.START_OBJECT) {
                walk(p, at, meta, current[0], sink);
            }
        }
    }

    private void emit(List<PendingTuple> pending, Scope scope, RecordMeta meta, EventSink sink) {
        for (PendingTuple t : pending) {
            tuples++;
            ledger.recordRead();
            FlowEvent e = new FlowEvent();
            FlowTuple.Kind kind;
            try {
                kind = FlowTuple.parse(t.text(), e);
            } catch (FlowTuple.BadTuple bad) {
                ledger.reject(where(tuples, t.offset()), bad.reason(), bad.getMessage() + " in '" + clip(t.text()) + "'");
                continue;
            }
            describe(e, kind, scope, meta);
            e.setLogFilePath(path);
            e.setLogRecord(tuples);
            e.setLogOffset(t.offset());
            sink.accept(e);
        }
        pending.clear();
    }

    /** The provider fields, rule, interface, subscription and network of a tuple's event. */
    static void describe(FlowEvent e, FlowTuple.Kind kind, Scope scope, RecordMeta meta) {
        boolean vnet = kind == FlowTuple.Kind.VNET;
        e.setEventProvider(vnet ? "azure-vnet" : "azure-nsg");
        e.setEventDataset(vnet ? "azure.vnet_flow" : "azure.nsg_flow");
        e.setCloudProvider("azure");
        e.setFlowAggregationInterval(AGGREGATION_INTERVAL);
        e.setFlowSamplingRate(1.0); // Azure logs every flow; it does not sample
        if (scope != null) {
            e.setRuleName(scope.rule());
            if (scope.aclId() != null) {
                e.putExtra("azure.acl_id", scope.aclId());
            }
        }
        String mac = macAddress(scope != null && scope.mac() != null ? scope.mac() : meta == null ? null : meta.macAddress);
        if (mac != null) {
            e.setCloudInterfaceId(mac);
        }
        if (meta != null) {
            String anyId = first(meta.resourceId, meta.targetResourceId, meta.flowLogResourceId);
            String subscription = segmentAfter(anyId, "subscriptions");
            // subscription ids are GUIDs Azure writes in either case; one case makes them comparable
            e.setCloudAccountId(subscription == null ? null : subscription.toLowerCase(Locale.ROOT));
            e.setCloudVpcId(segmentAfter(meta.targetResourceId, "virtualNetworks"));
            e.setCloudSubnetId(segmentAfter(meta.targetResourceId, "subnets"));
            String nsg = segmentAfter(meta.resourceId, "networkSecurityGroups");
            if (nsg != null) {
                e.putExtra("azure.nsg", nsg);
            }
            String nic = segmentAfter(meta.targetResourceId, "networkInterfaces");
            if (nic != null) {
                e.putExtra("azure.nic", nic);
            }
        }
        e.computeCommunityId();
    }

    /** {@code 000D3AF87856} or {@code 00:0d:3a:f8:78:56} as {@code 00-0D-3A-F8-78-56}; other text as given. */
    static String macAddress(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String hex = raw.replace(":", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** The path segment after {@code /<key>/} in an ARM resource id (case-insensitive key), or null. */
    static String segmentAfter(String resourceId, String key) {
        if (resourceId == null) {
            return null;
        }
        String[] parts = resourceId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase(key) && !parts[i + 1].isEmpty()) {
                return parts[i + 1];
            }
        }
        return null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String where(long tuple, long offset) {
        return "tuple " + tuple + " (offset " + offset + ")";
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
