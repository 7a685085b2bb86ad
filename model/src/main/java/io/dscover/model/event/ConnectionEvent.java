package io.dscover.model.event;

import java.util.List;

/** A network connection was initiated (TCP SYN, first packet of a UDP/ICMP flow, Sysmon EID 3, Security 5156/5157, Zeek conn). */
@EventType(name = "connection", components = {DataComponent.CONNECTION_CREATION},
        doc = "A network connection was initiated (TCP SYN, first packet of a UDP/ICMP flow, Sysmon EID 3, Security 5156/5157, Zeek conn).")
public final class ConnectionEvent extends NetworkEvent {

    @Field(name = "network.direction", type = FieldType.STRING,
            doc = "inbound, outbound, internal, external or unknown, as the source states it.")
    private String networkDirection;

    @Field(name = "event.action", type = FieldType.STRING,
            doc = "allowed or blocked (Windows Filtering Platform), otherwise unset.")
    private String eventAction;

    @Field(name = "process.executable", type = FieldType.STRING,
            doc = "Full path of the process that owns the socket (drive-letter form where known).")
    private String processExecutable;

    @Field(name = "process.name", type = FieldType.STRING,
            doc = "File name of the process executable.")
    private String processName;

    @Field(name = "process.pid", type = FieldType.INT,
            doc = "Process ID.")
    private Long processPid;

    @Field(name = "process.entity_id", type = FieldType.STRING,
            doc = "Stable process identifier (Sysmon ProcessGuid).")
    private String processEntityId;

    @Field(name = "user.name", type = FieldType.STRING,
            doc = "Account the process ran as.")
    private String userName;

    @Field(name = "user.domain", type = FieldType.STRING,
            doc = "Domain of that account.")
    private String userDomain;

    @Field(name = "source.hostname", type = FieldType.STRING,
            doc = "Name of the source host as the sensor resolved it.")
    private String sourceHostname;

    @Field(name = "destination.hostname", type = FieldType.STRING,
            doc = "Name of the destination host as the sensor resolved it.")
    private String destinationHostname;

    @Field(name = "rule.name", type = FieldType.STRING,
            doc = "Name of the sensor rule or filter that recorded the event (Sysmon RuleName, WFP filter).")
    private String ruleName;

    @Field(name = "tcp.flags", type = FieldType.STRING_LIST,
            doc = "TCP flags of the first packet: SYN, ACK, FIN, RST, PSH, URG, ECE, CWR.")
    private List<String> tcpFlags;

    public String getNetworkDirection() {
        return networkDirection;
    }

    public void setNetworkDirection(String networkDirection) {
        this.networkDirection = networkDirection;
    }

    public String getEventAction() {
        return eventAction;
    }

    public void setEventAction(String eventAction) {
        this.eventAction = eventAction;
    }

    public String getProcessExecutable() {
        return processExecutable;
    }

    public void setProcessExecutable(String processExecutable) {
        this.processExecutable = processExecutable;
    }

    public String getProcessName() {
        return processName;
    }

    public void setProcessName(String processName) {
        this.processName = processName;
    }

    public Long getProcessPid() {
        return processPid;
    }

    public void setProcessPid(Long processPid) {
        this.processPid = processPid;
    }

    public void setProcessPid(long processPid) {
        this.processPid = processPid;
    }

    public String getProcessEntityId() {
        return processEntityId;
    }

    public void setProcessEntityId(String processEntityId) {
        this.processEntityId = processEntityId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getUserDomain() {
        return userDomain;
    }

    public void setUserDomain(String userDomain) {
        this.userDomain = userDomain;
    }

    public String getSourceHostname() {
        return sourceHostname;
    }

    public void setSourceHostname(String sourceHostname) {
        this.sourceHostname = sourceHostname;
    }

    public String getDestinationHostname() {
        return destinationHostname;
    }

    public void setDestinationHostname(String destinationHostname) {
        this.destinationHostname = destinationHostname;
    }

    public String getRuleName() {
        return ruleName;
    }

    public void setRuleName(String ruleName) {
        this.ruleName = ruleName;
    }

    public List<String> getTcpFlags() {
        return tcpFlags;
    }

    public void setTcpFlags(List<String> tcpFlags) {
        this.tcpFlags = tcpFlags == null ? null : List.copyOf(tcpFlags);
    }
}
