package io.dscover.model.event;

import java.util.List;

/** A summarised connection or flow record, emitted when the flow ends (pcap, Zeek conn.log, cloud flow logs). */
@EventType(name = "flow", components = {DataComponent.TRAFFIC_FLOW},
        doc = "A summarised connection or flow record, emitted when the flow ends (pcap, Zeek conn.log, cloud flow logs).")
public final class FlowEvent extends NetworkEvent {

    @Field(name = "event.duration", type = FieldType.DURATION,
            doc = "Time from the first to the last packet of the flow.")
    private Long eventDuration;

    @Field(name = "event.action", type = FieldType.STRING,
            doc = "accept or reject, as the flow log states; unset where the source does not say.")
    private String eventAction;

    @Field(name = "network.direction", type = FieldType.STRING,
            doc = "ingress or egress for cloud flow logs; inbound/outbound/internal/external where known.")
    private String networkDirection;

    @Field(name = "network.protocol", type = FieldType.STRING,
            doc = "Application protocol identified by content (Zeek's service): dns, http, ssl, ssh, smb, ...")
    private String networkProtocol;

    @Field(name = "source.bytes", type = FieldType.INT,
            doc = "Payload bytes sent by the originator (flow logs: bytes in the record).")
    private Long sourceBytes;

    @Field(name = "destination.bytes", type = FieldType.INT,
            doc = "Payload bytes sent by the responder.")
    private Long destinationBytes;

    @Field(name = "source.packets", type = FieldType.INT,
            doc = "Packets sent by the originator.")
    private Long sourcePackets;

    @Field(name = "destination.packets", type = FieldType.INT,
            doc = "Packets sent by the responder.")
    private Long destinationPackets;

    @Field(name = "source.ip_bytes", type = FieldType.INT,
            doc = "IP-level bytes sent by the originator (headers included).")
    private Long sourceIpBytes;

    @Field(name = "destination.ip_bytes", type = FieldType.INT,
            doc = "IP-level bytes sent by the responder (headers included).")
    private Long destinationIpBytes;

    @Field(name = "network.bytes", type = FieldType.INT,
            doc = "Bytes in both directions.")
    private Long networkBytes;

    @Field(name = "network.packets", type = FieldType.INT,
            doc = "Packets in both directions.")
    private Long networkPackets;

    @Field(name = "flow.state", type = FieldType.STRING,
            doc = "Zeek conn_state: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH.")
    private String flowState;

    @Field(name = "flow.history", type = FieldType.STRING,
            doc = "Zeek history letters (upper case from the originator, lower case from the responder).")
    private String flowHistory;

    @Field(name = "flow.missed_bytes", type = FieldType.INT,
            doc = "Bytes missed in content gaps.")
    private Long flowMissedBytes;

    @Field(name = "flow.tunnel_parents", type = FieldType.STRING_LIST,
            doc = "connection.uid of the tunnels this flow was carried in.")
    private List<String> flowTunnelParents;

    @Field(name = "flow.local_orig", type = FieldType.BOOL,
            doc = "The originator is in the local networks.")
    private Boolean flowLocalOrig;

    @Field(name = "flow.local_resp", type = FieldType.BOOL,
            doc = "The responder is in the local networks.")
    private Boolean flowLocalResp;

    @Field(name = "tcp.flags", type = FieldType.STRING_LIST,
            doc = "TCP flags seen over the whole flow: SYN, ACK, FIN, RST, PSH, URG, ECE, CWR.")
    private List<String> tcpFlags;

    @Field(name = "flow.aggregation_interval", type = FieldType.DURATION,
            doc = "Length of the flow log's aggregation interval; packet timing inside it is unknown.")
    private Long flowAggregationInterval;

    @Field(name = "flow.sampling_rate", type = FieldType.DECIMAL,
            doc = "Fraction of packets sampled (1.0 = all), where the flow log states it.")
    private Double flowSamplingRate;

    @Field(name = "flow.reporter", type = FieldType.STRING,
            doc = "Which end reported the flow (GCP: SRC or DEST).")
    private String flowReporter;

    @Field(name = "flow.traffic_path", type = FieldType.INT,
            doc = "AWS traffic-path code: the path egress traffic took to its destination.")
    private Long flowTrafficPath;

    @Field(name = "flow.cloud_state", type = FieldType.STRING,
            doc = "The flow log's own state code (Azure: B begin, C continuing, E end, D denied).")
    private String flowCloudState;

    @Field(name = "flow.encryption", type = FieldType.STRING,
            doc = "Encryption state the flow log reports (Azure VNet flow logs).")
    private String flowEncryption;

    @Field(name = "source.nat.ip", type = FieldType.IP,
            doc = "Packet-level source address when it differs from the interface address (AWS pkt-srcaddr).")
    private String sourceNatIp;

    @Field(name = "destination.nat.ip", type = FieldType.IP,
            doc = "Packet-level destination address when it differs from the interface address (AWS pkt-dstaddr).")
    private String destinationNatIp;

    @Field(name = "rule.name", type = FieldType.STRING,
            doc = "Security rule that decided the flow (Azure NSG rule, AWS security group where known).")
    private String ruleName;

    @Field(name = "cloud.provider", type = FieldType.STRING,
            doc = "aws, gcp or azure.")
    private String cloudProvider;

    @Field(name = "cloud.account.id", type = FieldType.STRING,
            doc = "Cloud account, project or subscription.")
    private String cloudAccountId;

    @Field(name = "cloud.region", type = FieldType.STRING,
            doc = "Cloud region.")
    private String cloudRegion;

    @Field(name = "cloud.availability_zone", type = FieldType.STRING,
            doc = "Availability zone.")
    private String cloudAvailabilityZone;

    @Field(name = "cloud.vpc.id", type = FieldType.STRING,
            doc = "VPC / VNet the flow was logged in.")
    private String cloudVpcId;

    @Field(name = "cloud.subnet.id", type = FieldType.STRING,
            doc = "Subnet the flow was logged in.")
    private String cloudSubnetId;

    @Field(name = "cloud.instance.id", type = FieldType.STRING,
            doc = "Instance the logging interface belongs to.")
    private String cloudInstanceId;

    @Field(name = "cloud.interface.id", type = FieldType.STRING,
            doc = "Network interface that logged the flow (AWS ENI, Azure MAC/NIC).")
    private String cloudInterfaceId;

    @Field(name = "source.geo.country_iso_code", type = FieldType.STRING,
            doc = "Country of the source address, where the flow log states it.")
    private String sourceGeoCountryIsoCode;

    @Field(name = "destination.geo.country_iso_code", type = FieldType.STRING,
            doc = "Country of the destination address, where the flow log states it.")
    private String destinationGeoCountryIsoCode;

    public Long getEventDuration() {
        return eventDuration;
    }

    public void setEventDuration(Long eventDuration) {
        this.eventDuration = eventDuration;
    }

    public void setEventDuration(long eventDuration) {
        this.eventDuration = eventDuration;
    }

    public String getEventAction() {
        return eventAction;
    }

    public void setEventAction(String eventAction) {
        this.eventAction = eventAction;
    }

    public String getNetworkDirection() {
        return networkDirection;
    }

    public void setNetworkDirection(String networkDirection) {
        this.networkDirection = networkDirection;
    }

    public String getNetworkProtocol() {
        return networkProtocol;
    }

    public void setNetworkProtocol(String networkProtocol) {
        this.networkProtocol = networkProtocol;
    }

    public Long getSourceBytes() {
        return sourceBytes;
    }

    public void setSourceBytes(Long sourceBytes) {
        this.sourceBytes = sourceBytes;
    }

    public void setSourceBytes(long sourceBytes) {
        this.sourceBytes = sourceBytes;
    }

    public Long getDestinationBytes() {
        return destinationBytes;
    }

    public void setDestinationBytes(Long destinationBytes) {
        this.destinationBytes = destinationBytes;
    }

    public void setDestinationBytes(long destinationBytes) {
        this.destinationBytes = destinationBytes;
    }

    public Long getSourcePackets() {
        return sourcePackets;
    }

    public void setSourcePackets(Long sourcePackets) {
        this.sourcePackets = sourcePackets;
    }

    public void setSourcePackets(long sourcePackets) {
        this.sourcePackets = sourcePackets;
    }

    public Long getDestinationPackets() {
        return destinationPackets;
    }

    public void setDestinationPackets(Long destinationPackets) {
        this.destinationPackets = destinationPackets;
    }

    public void setDestinationPackets(long destinationPackets) {
        this.destinationPackets = destinationPackets;
    }

    public Long getSourceIpBytes() {
        return sourceIpBytes;
    }

    public void setSourceIpBytes(Long sourceIpBytes) {
        this.sourceIpBytes = sourceIpBytes;
    }

    public void setSourceIpBytes(long sourceIpBytes) {
        this.sourceIpBytes = sourceIpBytes;
    }

    public Long getDestinationIpBytes() {
        return destinationIpBytes;
    }

    public void setDestinationIpBytes(Long destinationIpBytes) {
        this.destinationIpBytes = destinationIpBytes;
    }

    public void setDestinationIpBytes(long destinationIpBytes) {
        this.destinationIpBytes = destinationIpBytes;
    }

    public Long getNetworkBytes() {
        return networkBytes;
    }

    public void setNetworkBytes(Long networkBytes) {
        this.networkBytes = networkBytes;
    }

    public void setNetworkBytes(long networkBytes) {
        this.networkBytes = networkBytes;
    }

    public Long getNetworkPackets() {
        return networkPackets;
    }

    public void setNetworkPackets(Long networkPackets) {
        this.networkPackets = networkPackets;
    }

    public void setNetworkPackets(long networkPackets) {
        this.networkPackets = networkPackets;
    }

    public String getFlowState() {
        return flowState;
    }

    public void setFlowState(String flowState) {
        this.flowState = flowState;
    }

    public String getFlowHistory() {
        return flowHistory;
    }

    public void setFlowHistory(String flowHistory) {
        this.flowHistory = flowHistory;
    }

    public Long getFlowMissedBytes() {
        return flowMissedBytes;
    }

    public void setFlowMissedBytes(Long flowMissedBytes) {
        this.flowMissedBytes = flowMissedBytes;
    }

    public void setFlowMissedBytes(long flowMissedBytes) {
        this.flowMissedBytes = flowMissedBytes;
    }

    public List<String> getFlowTunnelParents() {
        return flowTunnelParents;
    }

    public void setFlowTunnelParents(List<String> flowTunnelParents) {
        this.flowTunnelParents = flowTunnelParents == null ? null : List.copyOf(flowTunnelParents);
    }

    public Boolean getFlowLocalOrig() {
        return flowLocalOrig;
    }

    public void setFlowLocalOrig(Boolean flowLocalOrig) {
        this.flowLocalOrig = flowLocalOrig;
    }

    public Boolean getFlowLocalResp() {
        return flowLocalResp;
    }

    public void setFlowLocalResp(Boolean flowLocalResp) {
        this.flowLocalResp = flowLocalResp;
    }

    public List<String> getTcpFlags() {
        return tcpFlags;
    }

    public void setTcpFlags(List<String> tcpFlags) {
        this.tcpFlags = tcpFlags == null ? null : List.copyOf(tcpFlags);
    }

    public Long getFlowAggregationInterval() {
        return flowAggregationInterval;
    }

    public void setFlowAggregationInterval(Long flowAggregationInterval) {
        this.flowAggregationInterval = flowAggregationInterval;
    }

    public void setFlowAggregationInterval(long flowAggregationInterval) {
        this.flowAggregationInterval = flowAggregationInterval;
    }

    public Double getFlowSamplingRate() {
        return flowSamplingRate;
    }

    public void setFlowSamplingRate(Double flowSamplingRate) {
        this.flowSamplingRate = flowSamplingRate;
    }

    public void setFlowSamplingRate(double flowSamplingRate) {
        this.flowSamplingRate = flowSamplingRate;
    }

    public String getFlowReporter() {
        return flowReporter;
    }

    public void setFlowReporter(String flowReporter) {
        this.flowReporter = flowReporter;
    }

    public Long getFlowTrafficPath() {
        return flowTrafficPath;
    }

    public void setFlowTrafficPath(Long flowTrafficPath) {
        this.flowTrafficPath = flowTrafficPath;
    }

    public void setFlowTrafficPath(long flowTrafficPath) {
        this.flowTrafficPath = flowTrafficPath;
    }

    public String getFlowCloudState() {
        return flowCloudState;
    }

    public void setFlowCloudState(String flowCloudState) {
        this.flowCloudState = flowCloudState;
    }

    public String getFlowEncryption() {
        return flowEncryption;
    }

    public void setFlowEncryption(String flowEncryption) {
        this.flowEncryption = flowEncryption;
    }

    public String getSourceNatIp() {
        return sourceNatIp;
    }

    public void setSourceNatIp(String sourceNatIp) {
        this.sourceNatIp = sourceNatIp;
    }

    public String getDestinationNatIp() {
        return destinationNatIp;
    }

    public void setDestinationNatIp(String destinationNatIp) {
        this.destinationNatIp = destinationNatIp;
    }

    public String getRuleName() {
        return ruleName;
    }

    public void setRuleName(String ruleName) {
        this.ruleName = ruleName;
    }

    public String getCloudProvider() {
        return cloudProvider;
    }

    public void setCloudProvider(String cloudProvider) {
        this.cloudProvider = cloudProvider;
    }

    public String getCloudAccountId() {
        return cloudAccountId;
    }

    public void setCloudAccountId(String cloudAccountId) {
        this.cloudAccountId = cloudAccountId;
    }

    public String getCloudRegion() {
        return cloudRegion;
    }

    public void setCloudRegion(String cloudRegion) {
        this.cloudRegion = cloudRegion;
    }

    public String getCloudAvailabilityZone() {
        return cloudAvailabilityZone;
    }

    public void setCloudAvailabilityZone(String cloudAvailabilityZone) {
        this.cloudAvailabilityZone = cloudAvailabilityZone;
    }

    public String getCloudVpcId() {
        return cloudVpcId;
    }

    public void setCloudVpcId(String cloudVpcId) {
        this.cloudVpcId = cloudVpcId;
    }

    public String getCloudSubnetId() {
        return cloudSubnetId;
    }

    public void setCloudSubnetId(String cloudSubnetId) {
        this.cloudSubnetId = cloudSubnetId;
    }

    public String getCloudInstanceId() {
        return cloudInstanceId;
    }

    public void setCloudInstanceId(String cloudInstanceId) {
        this.cloudInstanceId = cloudInstanceId;
    }

    public String getCloudInterfaceId() {
        return cloudInterfaceId;
    }

    public void setCloudInterfaceId(String cloudInterfaceId) {
        this.cloudInterfaceId = cloudInterfaceId;
    }

    public String getSourceGeoCountryIsoCode() {
        return sourceGeoCountryIsoCode;
    }

    public void setSourceGeoCountryIsoCode(String sourceGeoCountryIsoCode) {
        this.sourceGeoCountryIsoCode = sourceGeoCountryIsoCode;
    }

    public String getDestinationGeoCountryIsoCode() {
        return destinationGeoCountryIsoCode;
    }

    public void setDestinationGeoCountryIsoCode(String destinationGeoCountryIsoCode) {
        this.destinationGeoCountryIsoCode = destinationGeoCountryIsoCode;
    }
}
