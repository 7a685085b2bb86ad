package io.dscover.model.event;

import java.util.List;

/** An RDP connection request and negotiation. */
@EventType(name = "rdp", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "An RDP connection request and negotiation.")
public final class RdpEvent extends NetworkEvent {

    @Field(name = "rdp.cookie", type = FieldType.STRING,
            doc = "mstshash cookie (usually the user name).")
    private String rdpCookie;

    @Field(name = "rdp.result", type = FieldType.STRING,
            doc = "Negotiation result.")
    private String rdpResult;

    @Field(name = "rdp.security_protocol", type = FieldType.STRING,
            doc = "Security protocol: RDP, SSL, HYBRID, HYBRID_EX.")
    private String rdpSecurityProtocol;

    @Field(name = "rdp.requested_protocols", type = FieldType.STRING_LIST,
            doc = "Security protocols the client asked for.")
    private List<String> rdpRequestedProtocols;

    @Field(name = "rdp.client_name", type = FieldType.STRING,
            doc = "Client computer name.")
    private String rdpClientName;

    @Field(name = "rdp.client_build", type = FieldType.STRING,
            doc = "Client build.")
    private String rdpClientBuild;

    @Field(name = "rdp.keyboard_layout", type = FieldType.STRING,
            doc = "Client keyboard layout.")
    private String rdpKeyboardLayout;

    public String getRdpCookie() {
        return rdpCookie;
    }

    public void setRdpCookie(String rdpCookie) {
        this.rdpCookie = rdpCookie;
    }

    public String getRdpResult() {
        return rdpResult;
    }

    public void setRdpResult(String rdpResult) {
        this.rdpResult = rdpResult;
    }

    public String getRdpSecurityProtocol() {
        return rdpSecurityProtocol;
    }

    public void setRdpSecurityProtocol(String rdpSecurityProtocol) {
        this.rdpSecurityProtocol = rdpSecurityProtocol;
    }

    public List<String> getRdpRequestedProtocols() {
        return rdpRequestedProtocols;
    }

    public void setRdpRequestedProtocols(List<String> rdpRequestedProtocols) {
        this.rdpRequestedProtocols = rdpRequestedProtocols == null ? null : List.copyOf(rdpRequestedProtocols);
    }

    public String getRdpClientName() {
        return rdpClientName;
    }

    public void setRdpClientName(String rdpClientName) {
        this.rdpClientName = rdpClientName;
    }

    public String getRdpClientBuild() {
        return rdpClientBuild;
    }

    public void setRdpClientBuild(String rdpClientBuild) {
        this.rdpClientBuild = rdpClientBuild;
    }

    public String getRdpKeyboardLayout() {
        return rdpKeyboardLayout;
    }

    public void setRdpKeyboardLayout(String rdpKeyboardLayout) {
        this.rdpKeyboardLayout = rdpKeyboardLayout;
    }
}
