package io.dscover.model.event;

/** An NTLM authentication exchange. */
@EventType(name = "ntlm", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "An NTLM authentication exchange.")
public final class NtlmEvent extends NetworkEvent {

    @Field(name = "user.name", type = FieldType.STRING,
            doc = "User name authenticated.")
    private String userName;

    @Field(name = "user.domain", type = FieldType.STRING,
            doc = "Domain name given.")
    private String userDomain;

    @Field(name = "ntlm.hostname", type = FieldType.STRING,
            doc = "Client workstation name.")
    private String ntlmHostname;

    @Field(name = "ntlm.server_dns_computer_name", type = FieldType.STRING,
            doc = "Server DNS computer name from the challenge.")
    private String ntlmServerDnsComputerName;

    @Field(name = "ntlm.success", type = FieldType.BOOL,
            doc = "Authentication succeeded.")
    private Boolean ntlmSuccess;

    @Field(name = "ntlm.status", type = FieldType.STRING,
            doc = "Status the server returned.")
    private String ntlmStatus;

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

    public String getNtlmHostname() {
        return ntlmHostname;
    }

    public void setNtlmHostname(String ntlmHostname) {
        this.ntlmHostname = ntlmHostname;
    }

    public String getNtlmServerDnsComputerName() {
        return ntlmServerDnsComputerName;
    }

    public void setNtlmServerDnsComputerName(String ntlmServerDnsComputerName) {
        this.ntlmServerDnsComputerName = ntlmServerDnsComputerName;
    }

    public Boolean getNtlmSuccess() {
        return ntlmSuccess;
    }

    public void setNtlmSuccess(Boolean ntlmSuccess) {
        this.ntlmSuccess = ntlmSuccess;
    }

    public String getNtlmStatus() {
        return ntlmStatus;
    }

    public void setNtlmStatus(String ntlmStatus) {
        this.ntlmStatus = ntlmStatus;
    }
}
