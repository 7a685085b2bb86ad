package io.dscover.model.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An observation of network activity, in one schema for every input. Each subclass is one event
 * type that rules match on ({@code match dns where ...}); its {@link Field}-annotated fields are the
 * fields rules and JSON use, and {@link EventSchema} is built from them.
 *
 * <p>Events are Drools facts: plain getters, nullable values (unset means "the input did not say"),
 * and {@link #getTsMillis()} as the event-time stamp of the stream session.
 */
public abstract sealed class NetworkEvent
        permits ConnectionEvent, FlowEvent, DnsEvent, HttpEvent, TlsEvent, SshEvent, IcmpEvent, SmbEvent, DceRpcEvent, RdpEvent, FtpEvent, SmtpEvent, SnmpEvent, TftpEvent, NtlmEvent, KerberosEvent, NoticeEvent, WeirdEvent, LogEvent {

    @Field(name = "ts", type = FieldType.TIME,
            doc = "Event time (UTC): when the connection, flow or transaction began.")
    private long ts;

    /** Fraction digits the input gave for {@link #ts} (0, 3, 6 or 9), kept so output has the input's precision. */
    private int tsPrecision = 6;

    @Field(name = "event.component", type = FieldType.STRING,
            doc = "The DS0029 data component the event is evidence of: Network Connection Creation, "
                    + "Network Traffic Content or Network Traffic Flow.")
    private DataComponent eventComponent;

    @Field(name = "event.provider", type = FieldType.STRING,
            doc = "What produced the record: pcap, zeek, sysmon, winsec, aws-vpc, gcp-vpc, azure-nsg, azure-vnet, jsonl.")
    private String eventProvider;

    @Field(name = "event.dataset", type = FieldType.STRING,
            doc = "The log or record kind within the provider, e.g. zeek.conn, sysmon.network, aws.vpcflow.")
    private String eventDataset;

    @Field(name = "event.code", type = FieldType.STRING,
            doc = "The provider's own code for the record, e.g. the Windows event ID 3, 5156 or 5157.")
    private String eventCode;

    @Field(name = "log.file.path", type = FieldType.STRING,
            doc = "The input the event was read from.")
    private String logFilePath;

    @Field(name = "log.record", type = FieldType.INT,
            doc = "1-based record number in the input: packet, line or event record.")
    private Long logRecord;

    @Field(name = "log.offset", type = FieldType.INT,
            doc = "Byte offset of the record in the (uncompressed) input, where known.")
    private Long logOffset;

    @Field(name = "source.ip", type = FieldType.IP,
            doc = "Originator address: the side that opened the connection.")
    private String sourceIp;

    @Field(name = "source.port", type = FieldType.INT,
            doc = "Originator port (ICMP: the type).")
    private Long sourcePort;

    @Field(name = "destination.ip", type = FieldType.IP,
            doc = "Responder address.")
    private String destinationIp;

    @Field(name = "destination.port", type = FieldType.INT,
            doc = "Responder port (ICMP: the code).")
    private Long destinationPort;

    @Field(name = "network.transport", type = FieldType.STRING,
            doc = "Transport protocol: tcp, udp, icmp, ipv6-icmp, sctp, or the IANA number as text.")
    private String networkTransport;

    @Field(name = "network.type", type = FieldType.STRING,
            doc = "ipv4 or ipv6.")
    private String networkType;

    @Field(name = "network.community_id", type = FieldType.STRING,
            doc = "Community ID v1 flow hash of the 5-tuple (the hash Zeek, Suricata and Elastic share).")
    private String networkCommunityId;

    @Field(name = "network.vlan.id", type = FieldType.INT,
            doc = "Outermost 802.1Q VLAN ID the packets carried.")
    private Long networkVlanId;

    @Field(name = "connection.uid", type = FieldType.STRING,
            doc = "Connection identifier shared by every event of one connection (Zeek's uid, or dscover's own for pcap).")
    private String connectionUid;

    @Field(name = "host.name", type = FieldType.STRING,
            doc = "The host that recorded the event (Windows Computer, flow-log exporter).")
    private String hostName;


    /** Each event class's components, read once: an annotation lookup per event costs collectors dearly. */
    private static final ClassValue<DataComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected DataComponent[] computeValue(Class<?> type) {
            return type.getAnnotation(EventType.class).components();
        }
    };

    /** Fields the input carried that the schema has no name for; kept, never dropped. */
    private Map<String, Object> extra;

    protected NetworkEvent() {
        this.eventComponent = COMPONENTS.get(getClass())[0];
    }

    /** The event type name rules and JSON use, e.g. {@code dns}. */
    public final String eventType() {
        return EventSchema.typeName(getClass());
    }

    /** Event time in nanoseconds since the epoch. */
    public long getTs() {
        return ts;
    }

    public void setTs(long epochNanos) {
        this.ts = epochNanos;
    }

    /** Sets the event time and the number of fraction digits the input gave it with. */
    public void setTs(long epochNanos, int precisionDigits) {
        this.ts = epochNanos;
        this.tsPrecision = precisionDigits;
    }

    /** Event time in milliseconds, the resolution of the Drools session clock. */
    public long getTsMillis() {
        return Math.floorDiv(ts, 1_000_000L);
    }

    public int getTsPrecision() {
        return tsPrecision;
    }

    public void setTsPrecision(int precisionDigits) {
        if (precisionDigits < 0 || precisionDigits > 9) {
            throw new IllegalArgumentException("timestamp precision must be 0..9 digits: " + precisionDigits);
        }
        this.tsPrecision = precisionDigits;
    }

    /** The component as its ATT&amp;CK name, for rules and JSON. */
    public String getEventComponent() {
        return eventComponent.attackName();
    }

    public DataComponent component() {
        return eventComponent;
    }

    /** Sets the component; it must be one this event type can be evidence of. */
    public void setComponent(DataComponent component) {
        Objects.requireNonNull(component, "component");
        for (DataComponent allowed : COMPONENTS.get(getClass())) {
            if (allowed == component) {
                this.eventComponent = component;
                return;
            }
        }
        throw new IllegalArgumentException(eventType() + " events cannot be evidence of " + component.attackName());
    }

    public void setEventComponent(String component) {
        setComponent(DataComponent.parse(component).orElseThrow(
                () -> new IllegalArgumentException("not a DS0029 data component: " + component)));
    }

    public String getEventProvider() {
        return eventProvider;
    }

    public void setEventProvider(String eventProvider) {
        this.eventProvider = eventProvider;
    }

    public String getEventDataset() {
        return eventDataset;
    }

    public void setEventDataset(String eventDataset) {
        this.eventDataset = eventDataset;
    }

    public String getEventCode() {
        return eventCode;
    }

    public void setEventCode(String eventCode) {
        this.eventCode = eventCode;
    }

    public String getLogFilePath() {
        return logFilePath;
    }

    public void setLogFilePath(String logFilePath) {
        this.logFilePath = logFilePath;
    }

    public Long getLogRecord() {
        return logRecord;
    }

    public void setLogRecord(Long logRecord) {
        this.logRecord = logRecord;
    }

    public void setLogRecord(long logRecord) {
        this.logRecord = logRecord;
    }

    public Long getLogOffset() {
        return logOffset;
    }

    public void setLogOffset(Long logOffset) {
        this.logOffset = logOffset;
    }

    public void setLogOffset(long logOffset) {
        this.logOffset = logOffset;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public void setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }

    public Long getSourcePort() {
        return sourcePort;
    }

    public void setSourcePort(Long sourcePort) {
        this.sourcePort = sourcePort;
    }

    public void setSourcePort(long sourcePort) {
        this.sourcePort = sourcePort;
    }

    public String getDestinationIp() {
        return destinationIp;
    }

    public void setDestinationIp(String destinationIp) {
        this.destinationIp = destinationIp;
    }

    public Long getDestinationPort() {
        return destinationPort;
    }

    public void setDestinationPort(Long destinationPort) {
        this.destinationPort = destinationPort;
    }

    public void setDestinationPort(long destinationPort) {
        this.destinationPort = destinationPort;
    }

    public String getNetworkTransport() {
        return networkTransport;
    }

    public void setNetworkTransport(String networkTransport) {
        this.networkTransport = networkTransport;
    }

    public String getNetworkType() {
        return networkType;
    }

    public void setNetworkType(String networkType) {
        this.networkType = networkType;
    }

    public String getNetworkCommunityId() {
        return networkCommunityId;
    }

    public void setNetworkCommunityId(String networkCommunityId) {
        this.networkCommunityId = networkCommunityId;
    }

    public Long getNetworkVlanId() {
        return networkVlanId;
    }

    public void setNetworkVlanId(Long networkVlanId) {
        this.networkVlanId = networkVlanId;
    }

    public void setNetworkVlanId(long networkVlanId) {
        this.networkVlanId = networkVlanId;
    }

    public String getConnectionUid() {
        return connectionUid;
    }

    public void setConnectionUid(String connectionUid) {
        this.connectionUid = connectionUid;
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    /** Extra fields in input order; empty when there are none. */
    public Map<String, Object> extra() {
        return extra == null ? Map.of() : Collections.unmodifiableMap(extra);
    }

    /** Keeps a field the schema has no name for. */
    public void putExtra(String name, Object value) {
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        extra.put(name, value);
    }

    /** Sets {@code network.community_id} from the event's 5-tuple (left unset when the tuple is incomplete). */
    public void computeCommunityId() {
        this.networkCommunityId = CommunityId.of(sourceIp, sourcePort, destinationIp, destinationPort, networkTransport);
    }

    /** The 5-tuple and time, for debugging; {@code EventJson} writes the full form. */
    @Override
    public String toString() {
        return eventType() + "@" + Timestamps.format(ts, tsPrecision) + " " + sourceIp + ":" + sourcePort
                + " -> " + destinationIp + ":" + destinationPort + "/" + networkTransport;
    }
}
