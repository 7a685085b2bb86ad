package io.dscover.collect.cloud.aws;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.CommunityId;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.IpProtocols;
import java.nio.charset.StandardCharsets;

/**
 * Turns one flow log record (a line of space-separated tokens) into a {@code flow} event, reading
 * the bytes in place: numbers are parsed without strings, repeated ids and addresses come from a
 * {@link TokenCache}. {@code NODATA}/{@code SKIPDATA} records become ledger gaps, not events; a
 * malformed record is rejected with its location and reason.
 *
 * <p>Hand-written rather than a CSV library because this is the hot loop of an audit over
 * gigabytes of logs (the benchmark asks for 2 million records per second per core) and the format
 * is a fixed, quote-free token list.
 */
final class AwsRecordParser {

    static final String PROVIDER = "aws-vpc";
    static final String DATASET = "aws.vpcflow";
    private static final int MAX_COLUMNS = 64;
    private static final long NANOS = 1_000_000_000L;
    private static final String[] TRANSPORTS = new String[256];
    private static final Double NOT_SAMPLED = 1.0;
    /** Boxed port numbers, shared: two fewer allocations per record in the hot loop. */
    private static final Long[] PORTS = new Long[65_536];

    static {
        for (int i = 0; i < PORTS.length; i++) {
            PORTS[i] = (long) i;
        }
    }


    static {
        for (int i = 0; i < 256; i++) {
            TRANSPORTS[i] = IpProtocols.name(i);
        }
    }

    /** Where record-level defaults come from when the format leaves a field out. */
    record Defaults(String accountId, String region, String interfaceId, long time) {
        static final Defaults NONE = new Defaults(null, null, null, Long.MIN_VALUE);
    }

    private final int[] starts = new int[MAX_COLUMNS];
    private final int[] ends = new int[MAX_COLUMNS];
    private final TokenCache cache = new TokenCache();
    private final InputLedger ledger;
    private final String filePath;
    private final Long aggregationInterval;
    private final AwsRecordFormat configured;
    private AwsRecordFormat header;
    private AwsRecordFormat inferred;
    private String where;
    private long number;
    private Long lastDuration;

    /**
     * @param configured          the format from {@code aws.format}, or null to infer headerless formats by field count
     * @param aggregationInterval the flow log's maximum aggregation interval in nanoseconds (recorded on every event)
     */
    AwsRecordParser(InputLedger ledger, String filePath, AwsRecordFormat configured, long aggregationInterval) {
        this.ledger = ledger;
        this.filePath = filePath;
        this.configured = configured;
        this.aggregationInterval = aggregationInterval;
    }

    /**
     * Reads one line: a header line changes the format of the records after it; a record becomes an
     * event (returned), a gap, or a rejection (both null).
     *
     * @param number 1-based line (or record) number for {@code log.record} and messages
     * @param where  how to name the location in messages; null for {@code line <number>}
     */
    FlowEvent line(byte[] b, int from, int to, long number, long offset, String where, Defaults defaults) {
        this.where = where;
        this.number = number;
        int n = tokenize(b, from, to);
        if (n == 0) {
            return null;
        }
        if (AwsRecordFormat.mayBeHeader(b[starts[0]]) && AwsField.byName(cache.text(b, starts[0], ends[0])) != null) {
            AwsRecordFormat h = AwsRecordFormat.header(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            if (h != null) {
                header = h;
                return null;
            }
        }
        ledger.recordRead();
        if (n > MAX_COLUMNS) {
            ledger.reject(where(), "too many fields", "more than " + MAX_COLUMNS);
            return null;
        }
        AwsRecordFormat format = formatFor(n);
        if (format == null) {
            return null;
        }
        return record(b, n, format, number, offset, defaults);
    }

    /** The format of the last header line seen, or null. */
    AwsRecordFormat header() {
        return header;
    }

    private AwsRecordFormat formatFor(int n) {
        AwsRecordFormat f = header != null ? header : configured;
        if (f != null) {
            if (f.size() != n) {
                ledger.reject(where(), "wrong field count", n + " fields where the "
                        + (f == header ? "header line" : "configured format") + " has " + f.size());
                return null;
            }
            return f;
        }
        if (inferred == null || inferred.size() != n) {
            inferred = AwsRecordFormat.forFieldCount(n);
        }
        if (inferred == null) {
            ledger.reject(where(), "unknown field order", n + " fields and no header line: give the flow log's"
                    + " format with --aws-format (e.g. \"${version} ${account-id} ...\")");
        }
        return inferred;
    }

    private int tokenize(byte[] b, int from, int to) {
        int n = 0;
        int i = from;
        while (i < to) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int s = i;
            while (i < to && b[i] != ' ' && b[i] != '\t') {
                i++;
            }
            if (n < MAX_COLUMNS) {
                starts[n] = s;
                ends[n] = i;
            }
            n++;
        }
        return n;
    }

    private FlowEvent record(byte[] b, int n, AwsRecordFormat format, long number, long offset, Defaults defaults) {
        FlowEvent e = new FlowEvent();
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        long bytes = -1;
        long packets = -1;
        String status = null;
        String pktSrc = null;
        String pktDst = null;
        byte[] srcRaw = null;
        byte[] dstRaw = null;
        int protocol = -1;
        for (int i = 0; i < n; i++) {
            int s = starts[i];
            int t = ends[i];
            if (t - s == 1 && b[s] == '-') {
                continue; // "-": not applicable or not computed
            }
            AwsField f = format.columns().get(i);
            if (f == null) {
                e.putExtra("aws.vpcflow." + format.names().get(i).replace('-', '_'), cache.text(b, s, t));
                continue;
            }
            switch (f) {
                case VERSION, SUBLOCATION_TYPE, SUBLOCATION_ID, PKT_SRC_AWS_SERVICE, PKT_DST_AWS_SERVICE,
                        ECS_CLUSTER_ARN, ECS_CLUSTER_NAME, ECS_CONTAINER_INSTANCE_ARN, ECS_CONTAINER_INSTANCE_ID,
                        ECS_CONTAINER_ID, ECS_SECOND_CONTAINER_ID, ECS_SERVICE_NAME, ECS_TASK_DEFINITION_ARN,
                        ECS_TASK_ARN, ECS_TASK_ID, REJECT_REASON -> {
                    if (f != AwsField.VERSION) {
                        e.putExtra(f.extraName(), cache.text(b, s, t));
                    }
                }
                case ACCOUNT_ID -> e.setCloudAccountId(cache.text(b, s, t));
                case INTERFACE_ID -> e.setCloudInterfaceId(cache.text(b, s, t));
                case VPC_ID -> e.setCloudVpcId(cache.text(b, s, t));
                case SUBNET_ID -> e.setCloudSubnetId(cache.text(b, s, t));
                case INSTANCE_ID -> e.setCloudInstanceId(cache.text(b, s, t));
                case REGION -> e.setCloudRegion(cache.text(b, s, t));
                case AZ_ID -> e.setCloudAvailabilityZone(cache.text(b, s, t));
                case SRCADDR, DSTADDR, PKT_SRCADDR, PKT_DSTADDR -> {
                    String a = cache.address(b, s, t);
                    if (a == null) {
                        return reject("invalid address", f, b, s, t);
                    }
                    switch (f) {
                        case SRCADDR -> {
                            e.setSourceIp(a);
                            srcRaw = cache.lastAddressBytes();
                        }
                        case DSTADDR -> {
                            e.setDestinationIp(a);
                            dstRaw = cache.lastAddressBytes();
                        }
                        case PKT_SRCADDR -> pktSrc = a;
                        default -> pktDst = a;
                    }
                }
                case SRCPORT, DSTPORT -> {
                    long v = number(b, s, t);
                    if (v < 0 || v > 65_535) {
                        return reject("invalid port", f, b, s, t);
                    }
                    if (f == AwsField.SRCPORT) {
                        e.setSourcePort(PORTS[(int) v]);
                    } else {
                        e.setDestinationPort(PORTS[(int) v]);
                    }
                }
                case PROTOCOL -> {
                    long v = number(b, s, t);
                    if (v < 0 || v > 255) {
                        return reject("invalid protocol", f, b, s, t);
                    }
                    protocol = (int) v;
                    e.setNetworkTransport(TRANSPORTS[protocol]);
                }
                case PACKETS, BYTES -> {
                    long v = number(b, s, t);
                    if (v < 0) {
                        return reject("invalid count", f, b, s, t);
                    }
                    if (f == AwsField.PACKETS) {
                        packets = v;
                    } else {
                        bytes = v;
                    }
                }
                case START, END -> {
                    long v = number(b, s, t);
                    if (v < 0 || v > 100_000_000_000L) {
                        return reject("invalid time", f, b, s, t);
                    }
                    if (f == AwsField.START) {
                        start = v;
                    } else {
                        end = v;
                    }
                }
                case ACTION -> {
                    if (equals(b, s, t, "ACCEPT")) {
                        e.setEventAction("accept");
                    } else if (equals(b, s, t, "REJECT")) {
                        e.setEventAction("reject");
                    } else {
                        return reject("invalid action", f, b, s, t);
                    }
                }
                case LOG_STATUS -> status = cache.text(b, s, t);
                case TCP_FLAGS -> {
                    long v = number(b, s, t);
                    if (v < 0 || v > 255) {
                        return reject("invalid tcp-flags", f, b, s, t);
                    }
                    e.setTcpFlags(TcpFlagNames.of((int) v));
                }
                case TYPE -> {
                    if (equals(b, s, t, "IPv4")) {
                        e.setNetworkType("ipv4");
                    } else if (equals(b, s, t, "IPv6")) {
                        e.setNetworkType("ipv6");
                    } else {
                        e.putExtra(f.extraName(), cache.text(b, s, t));
                    }
                }
                case FLOW_DIRECTION -> {
                    if (equals(b, s, t, "ingress")) {
                        e.setNetworkDirection("ingress");
                    } else if (equals(b, s, t, "egress")) {
                        e.setNetworkDirection("egress");
                    } else {
                        return reject("invalid flow-direction", f, b, s, t);
                    }
                }
                case TRAFFIC_PATH -> {
                    long v = number(b, s, t);
                    if (v < 0 || v > 255) {
                        return reject("invalid traffic-path", f, b, s, t);
                    }
                    e.setFlowTrafficPath(v);
                }
                default -> throw new IllegalStateException(f.name());
            }
        }
        if (status != null && !status.equals("OK")) {
            return gap(e, status, start, end);
        }
        if (e.getSourceIp() == null && e.getDestinationIp() == null && pktSrc == null && pktDst == null) {
            ledger.reject(where(), "no addresses", "a record with log-status " + (status == null ? "unknown" : status)
                    + " but neither source nor destination address");
            return null;
        }
        if (pktSrc != null && !pktSrc.equals(e.getSourceIp())) {
            e.setSourceNatIp(pktSrc);
        }
        if (pktDst != null && !pktDst.equals(e.getDestinationIp())) {
            e.setDestinationNatIp(pktDst);
        }
        if (bytes >= 0) {
            Long boxed = bytes;
            e.setSourceBytes(boxed);
            e.setNetworkBytes(boxed);
        }
        if (packets >= 0) {
            Long boxed = packets;
            e.setSourcePackets(boxed);
            e.setNetworkPackets(boxed);
        }
        long ts = start != Long.MIN_VALUE ? start * NANOS : end != Long.MIN_VALUE ? end * NANOS : defaults.time();
        e.setTs(ts == Long.MIN_VALUE ? 0 : ts, 0);
        if (start != Long.MIN_VALUE && end != Long.MIN_VALUE && end >= start) {
            long duration = (end - start) * NANOS;
            if (lastDuration == null || lastDuration != duration) {
                lastDuration = duration; // most records of a flow log share their interval's length
            }
            e.setEventDuration(lastDuration);
        }
        if (e.getNetworkType() == null && e.getSourceIp() != null) {
            e.setNetworkType(e.getSourceIp().indexOf(':') >= 0 ? "ipv6" : "ipv4");
        }
        fillDefaults(e, defaults);
        e.setFlowAggregationInterval(aggregationInterval);
        e.setFlowSamplingRate(NOT_SAMPLED); // AWS logs every flow; it does not sample
        e.setNetworkCommunityId(communityId(srcRaw, dstRaw, protocol, e.getSourcePort(), e.getDestinationPort()));
        e.setLogFilePath(filePath);
        e.setLogRecord(number);
        if (offset >= 0) {
            e.setLogOffset(offset);
        }
        return e;
    }

    /**
     * The Community ID from the address bytes already parsed (what {@code computeCommunityId} would
     * get by parsing the address text again): null when the tuple is incomplete.
     */
    private static String communityId(byte[] src, byte[] dst, int protocol, Long sport, Long dport) {
        if (src == null || dst == null || src.length != dst.length || protocol < 0) {
            return null;
        }
        boolean ports = protocol == 6 || protocol == 17 || protocol == 132 || protocol == 1 || protocol == 58;
        if (ports && (sport == null || dport == null)) {
            return null;
        }
        return CommunityId.compute(0, src, dst, protocol, ports ? sport.intValue() : 0, ports ? dport.intValue() : 0);
    }

    private FlowEvent gap(FlowEvent e, String status, long start, long end) {
        fillDefaults(e, Defaults.NONE);
        String iface = e.getCloudInterfaceId();
        String reason = switch (status) {
            case "NODATA" -> "NODATA";
            case "SKIPDATA" -> "SKIPDATA";
            default -> "log-status " + status;
        };
        ledger.gap(start == Long.MIN_VALUE ? Long.MIN_VALUE : start * NANOS,
                end == Long.MIN_VALUE ? Long.MIN_VALUE : end * NANOS, reason,
                iface != null ? iface : where());
        ledger.skip(switch (status) {
            case "NODATA" -> "NODATA (no traffic on the interface in the interval)";
            case "SKIPDATA" -> "SKIPDATA (AWS skipped records in the interval: capacity or an internal error)";
            default -> "log-status " + status;
        });
        return null;
    }

    private String where() {
        return where != null ? where : "line " + number;
    }

    private void fillDefaults(FlowEvent e, Defaults d) {
        e.setEventProvider(PROVIDER);
        e.setEventDataset(DATASET);
        e.setCloudProvider("aws");
        if (e.getCloudAccountId() == null && d.accountId() != null) {
            e.setCloudAccountId(d.accountId());
        }
        if (e.getCloudRegion() == null && d.region() != null) {
            e.setCloudRegion(d.region());
        }
        if (e.getCloudInterfaceId() == null && d.interfaceId() != null) {
            e.setCloudInterfaceId(d.interfaceId());
        }
    }

    private FlowEvent reject(String reason, AwsField f, byte[] b, int s, int t) {
        String token = new String(b, s, Math.min(t - s, 64), StandardCharsets.UTF_8);
        ledger.reject(where(), reason, f.awsName() + " '" + token + "'");
        return null;
    }

    /** A non-negative decimal number, or -1 when the token is not one (or overflows 18 digits). */
    private static long number(byte[] b, int s, int t) {
        if (t - s > 18 || t == s) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < t; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean equals(byte[] b, int s, int t, String ascii) {
        if (t - s != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[s + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
