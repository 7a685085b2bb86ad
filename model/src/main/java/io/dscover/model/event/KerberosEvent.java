package io.dscover.model.event;

/** A Kerberos AS or TGS exchange. */
@EventType(name = "kerberos", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "A Kerberos AS or TGS exchange.")
public final class KerberosEvent extends NetworkEvent {

    @Field(name = "kerberos.request_type", type = FieldType.STRING,
            doc = "AS or TGS.")
    private String kerberosRequestType;

    @Field(name = "kerberos.client", type = FieldType.STRING,
            doc = "Client principal.")
    private String kerberosClient;

    @Field(name = "kerberos.service", type = FieldType.STRING,
            doc = "Service principal.")
    private String kerberosService;

    @Field(name = "kerberos.success", type = FieldType.BOOL,
            doc = "The request succeeded.")
    private Boolean kerberosSuccess;

    @Field(name = "kerberos.error_msg", type = FieldType.STRING,
            doc = "Error message of a failed request.")
    private String kerberosErrorMsg;

    @Field(name = "kerberos.cipher", type = FieldType.STRING,
            doc = "Ticket encryption type, e.g. rc4-hmac, aes256-cts-hmac-sha1-96.")
    private String kerberosCipher;

    @Field(name = "kerberos.forwardable", type = FieldType.BOOL,
            doc = "Forwardable ticket requested.")
    private Boolean kerberosForwardable;

    @Field(name = "kerberos.renewable", type = FieldType.BOOL,
            doc = "Renewable ticket requested.")
    private Boolean kerberosRenewable;

    public String getKerberosRequestType() {
        return kerberosRequestType;
    }

    public void setKerberosRequestType(String kerberosRequestType) {
        this.kerberosRequestType = kerberosRequestType;
    }

    public String getKerberosClient() {
        return kerberosClient;
    }

    public void setKerberosClient(String kerberosClient) {
        this.kerberosClient = kerberosClient;
    }

    public String getKerberosService() {
        return kerberosService;
    }

    public void setKerberosService(String kerberosService) {
        this.kerberosService = kerberosService;
    }

    public Boolean getKerberosSuccess() {
        return kerberosSuccess;
    }

    public void setKerberosSuccess(Boolean kerberosSuccess) {
        this.kerberosSuccess = kerberosSuccess;
    }

    public String getKerberosErrorMsg() {
        return kerberosErrorMsg;
    }

    public void setKerberosErrorMsg(String kerberosErrorMsg) {
        this.kerberosErrorMsg = kerberosErrorMsg;
    }

    public String getKerberosCipher() {
        return kerberosCipher;
    }

    public void setKerberosCipher(String kerberosCipher) {
        this.kerberosCipher = kerberosCipher;
    }

    public Boolean getKerberosForwardable() {
        return kerberosForwardable;
    }

    public void setKerberosForwardable(Boolean kerberosForwardable) {
        this.kerberosForwardable = kerberosForwardable;
    }

    public Boolean getKerberosRenewable() {
        return kerberosRenewable;
    }

    public void setKerberosRenewable(Boolean kerberosRenewable) {
        this.kerberosRenewable = kerberosRenewable;
    }
}
