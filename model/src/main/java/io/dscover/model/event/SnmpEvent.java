package io.dscover.model.event;

import java.util.List;

/** SNMP requests and responses between two hosts. */
@EventType(name = "snmp", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "SNMP requests and responses between two hosts.")
public final class SnmpEvent extends NetworkEvent {

    @Field(name = "snmp.version", type = FieldType.STRING,
            doc = "1, 2c or 3.")
    private String snmpVersion;

    @Field(name = "snmp.community", type = FieldType.STRING,
            doc = "Community string (v1/v2c).")
    private String snmpCommunity;

    @Field(name = "snmp.pdu_type", type = FieldType.STRING,
            doc = "get, getnext, getbulk, set, response, trap, ...")
    private String snmpPduType;

    @Field(name = "snmp.oids", type = FieldType.STRING_LIST,
            doc = "Object identifiers in the PDU's variable bindings.")
    private List<String> snmpOids;

    @Field(name = "snmp.get_requests", type = FieldType.INT,
            doc = "GetRequest/GetNextRequest PDUs seen.")
    private Long snmpGetRequests;

    @Field(name = "snmp.get_bulk_requests", type = FieldType.INT,
            doc = "GetBulkRequest PDUs seen.")
    private Long snmpGetBulkRequests;

    @Field(name = "snmp.get_responses", type = FieldType.INT,
            doc = "Response PDUs seen.")
    private Long snmpGetResponses;

    @Field(name = "snmp.set_requests", type = FieldType.INT,
            doc = "SetRequest PDUs seen.")
    private Long snmpSetRequests;

    public String getSnmpVersion() {
        return snmpVersion;
    }

    public void setSnmpVersion(String snmpVersion) {
        this.snmpVersion = snmpVersion;
    }

    public String getSnmpCommunity() {
        return snmpCommunity;
    }

    public void setSnmpCommunity(String snmpCommunity) {
        this.snmpCommunity = snmpCommunity;
    }

    public String getSnmpPduType() {
        return snmpPduType;
    }

    public void setSnmpPduType(String snmpPduType) {
        this.snmpPduType = snmpPduType;
    }

    public List<String> getSnmpOids() {
        return snmpOids;
    }

    public void setSnmpOids(List<String> snmpOids) {
        this.snmpOids = snmpOids == null ? null : List.copyOf(snmpOids);
    }

    public Long getSnmpGetRequests() {
        return snmpGetRequests;
    }

    public void setSnmpGetRequests(Long snmpGetRequests) {
        this.snmpGetRequests = snmpGetRequests;
    }

    public void setSnmpGetRequests(long snmpGetRequests) {
        this.snmpGetRequests = snmpGetRequests;
    }

    public Long getSnmpGetBulkRequests() {
        return snmpGetBulkRequests;
    }

    public void setSnmpGetBulkRequests(Long snmpGetBulkRequests) {
        this.snmpGetBulkRequests = snmpGetBulkRequests;
    }

    public void setSnmpGetBulkRequests(long snmpGetBulkRequests) {
        this.snmpGetBulkRequests = snmpGetBulkRequests;
    }

    public Long getSnmpGetResponses() {
        return snmpGetResponses;
    }

    public void setSnmpGetResponses(Long snmpGetResponses) {
        this.snmpGetResponses = snmpGetResponses;
    }

    public void setSnmpGetResponses(long snmpGetResponses) {
        this.snmpGetResponses = snmpGetResponses;
    }

    public Long getSnmpSetRequests() {
        return snmpSetRequests;
    }

    public void setSnmpSetRequests(Long snmpSetRequests) {
        this.snmpSetRequests = snmpSetRequests;
    }

    public void setSnmpSetRequests(long snmpSetRequests) {
        this.snmpSetRequests = snmpSetRequests;
    }
}
