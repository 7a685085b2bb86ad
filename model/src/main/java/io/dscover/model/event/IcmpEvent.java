package io.dscover.model.event;

/** One ICMP or ICMPv6 message. */
@EventType(name = "icmp", components = {DataComponent.TRAFFIC_CONTENT},
        doc = "One ICMP or ICMPv6 message.")
public final class IcmpEvent extends NetworkEvent {

    @Field(name = "icmp.type", type = FieldType.INT,
            doc = "ICMP type.")
    private Long icmpType;

    @Field(name = "icmp.code", type = FieldType.INT,
            doc = "ICMP code.")
    private Long icmpCode;

    @Field(name = "icmp.payload_bytes", type = FieldType.INT,
            doc = "Bytes of payload after the ICMP header.")
    private Long icmpPayloadBytes;

    @Field(name = "icmp.payload_entropy", type = FieldType.DECIMAL,
            doc = "Shannon entropy of the payload, bits per byte (0..8).")
    private Double icmpPayloadEntropy;

    public Long getIcmpType() {
        return icmpType;
    }

    public void setIcmpType(Long icmpType) {
        this.icmpType = icmpType;
    }

    public void setIcmpType(long icmpType) {
        this.icmpType = icmpType;
    }

    public Long getIcmpCode() {
        return icmpCode;
    }

    public void setIcmpCode(Long icmpCode) {
        this.icmpCode = icmpCode;
    }

    public void setIcmpCode(long icmpCode) {
        this.icmpCode = icmpCode;
    }

    public Long getIcmpPayloadBytes() {
        return icmpPayloadBytes;
    }

    public void setIcmpPayloadBytes(Long icmpPayloadBytes) {
        this.icmpPayloadBytes = icmpPayloadBytes;
    }

    public void setIcmpPayloadBytes(long icmpPayloadBytes) {
        this.icmpPayloadBytes = icmpPayloadBytes;
    }

    public Double getIcmpPayloadEntropy() {
        return icmpPayloadEntropy;
    }

    public void setIcmpPayloadEntropy(Double icmpPayloadEntropy) {
        this.icmpPayloadEntropy = icmpPayloadEntropy;
    }

    public void setIcmpPayloadEntropy(double icmpPayloadEntropy) {
        this.icmpPayloadEntropy = icmpPayloadEntropy;
    }
}
