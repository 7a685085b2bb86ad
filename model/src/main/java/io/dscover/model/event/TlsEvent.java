package io.dscover.model.event;

import java.util.List;

/** A TLS handshake: ClientHello and ServerHello, and the certificate when it was sent in clear. */
@EventType(name = "tls", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "A TLS handshake: ClientHello and ServerHello, and the certificate when it was sent in clear.")
public final class TlsEvent extends NetworkEvent {

    @Field(name = "tls.version", type = FieldType.STRING,
            doc = "Negotiated version: 1.0, 1.1, 1.2, 1.3 (or SSLv3).")
    private String tlsVersion;

    @Field(name = "tls.version_protocol", type = FieldType.STRING,
            doc = "tls or ssl.")
    private String tlsVersionProtocol;

    @Field(name = "tls.cipher", type = FieldType.STRING,
            doc = "Negotiated cipher suite, IANA name.")
    private String tlsCipher;

    @Field(name = "tls.curve", type = FieldType.STRING,
            doc = "Key exchange group.")
    private String tlsCurve;

    @Field(name = "tls.client.server_name", type = FieldType.STRING,
            doc = "Server Name Indication from the ClientHello.")
    private String tlsClientServerName;

    @Field(name = "tls.client.alpn", type = FieldType.STRING_LIST,
            doc = "ALPN protocols the client offered.")
    private List<String> tlsClientAlpn;

    @Field(name = "tls.next_protocol", type = FieldType.STRING,
            doc = "ALPN protocol the server chose.")
    private String tlsNextProtocol;

    @Field(name = "tls.client.ja3", type = FieldType.STRING,
            doc = "JA3 fingerprint (MD5) of the ClientHello.")
    private String tlsClientJa3;

    @Field(name = "tls.client.ja4", type = FieldType.STRING,
            doc = "JA4 fingerprint of the ClientHello.")
    private String tlsClientJa4;

    @Field(name = "tls.server.ja3s", type = FieldType.STRING,
            doc = "JA3S fingerprint (MD5) of the ServerHello.")
    private String tlsServerJa3s;

    @Field(name = "tls.server.subject", type = FieldType.STRING,
            doc = "Subject DN of the server certificate.")
    private String tlsServerSubject;

    @Field(name = "tls.server.issuer", type = FieldType.STRING,
            doc = "Issuer DN of the server certificate.")
    private String tlsServerIssuer;

    @Field(name = "tls.server.not_before", type = FieldType.TIME,
            doc = "Server certificate validity start.")
    private Long tlsServerNotBefore;

    @Field(name = "tls.server.not_after", type = FieldType.TIME,
            doc = "Server certificate validity end.")
    private Long tlsServerNotAfter;

    @Field(name = "tls.server.subject_alt_names", type = FieldType.STRING_LIST,
            doc = "DNS names in the certificate's subjectAltName.")
    private List<String> tlsServerSubjectAltNames;

    @Field(name = "tls.server.hash.sha1", type = FieldType.STRING,
            doc = "SHA-1 fingerprint of the server certificate.")
    private String tlsServerHashSha1;

    @Field(name = "tls.server.hash.sha256", type = FieldType.STRING,
            doc = "SHA-256 fingerprint of the server certificate (Zeek's x509 fingerprint since Zeek 4.2).")
    private String tlsServerHashSha256;

    @Field(name = "tls.established", type = FieldType.BOOL,
            doc = "The handshake completed.")
    private Boolean tlsEstablished;

    @Field(name = "tls.resumed", type = FieldType.BOOL,
            doc = "The session was resumed.")
    private Boolean tlsResumed;

    public String getTlsVersion() {
        return tlsVersion;
    }

    public void setTlsVersion(String tlsVersion) {
        this.tlsVersion = tlsVersion;
    }

    public String getTlsVersionProtocol() {
        return tlsVersionProtocol;
    }

    public void setTlsVersionProtocol(String tlsVersionProtocol) {
        this.tlsVersionProtocol = tlsVersionProtocol;
    }

    public String getTlsCipher() {
        return tlsCipher;
    }

    public void setTlsCipher(String tlsCipher) {
        this.tlsCipher = tlsCipher;
    }

    public String getTlsCurve() {
        return tlsCurve;
    }

    public void setTlsCurve(String tlsCurve) {
        this.tlsCurve = tlsCurve;
    }

    public String getTlsClientServerName() {
        return tlsClientServerName;
    }

    public void setTlsClientServerName(String tlsClientServerName) {
        this.tlsClientServerName = tlsClientServerName;
    }

    public List<String> getTlsClientAlpn() {
        return tlsClientAlpn;
    }

    public void setTlsClientAlpn(List<String> tlsClientAlpn) {
        this.tlsClientAlpn = tlsClientAlpn == null ? null : List.copyOf(tlsClientAlpn);
    }

    public String getTlsNextProtocol() {
        return tlsNextProtocol;
    }

    public void setTlsNextProtocol(String tlsNextProtocol) {
        this.tlsNextProtocol = tlsNextProtocol;
    }

    public String getTlsClientJa3() {
        return tlsClientJa3;
    }

    public void setTlsClientJa3(String tlsClientJa3) {
        this.tlsClientJa3 = tlsClientJa3;
    }

    public String getTlsClientJa4() {
        return tlsClientJa4;
    }

    public void setTlsClientJa4(String tlsClientJa4) {
        this.tlsClientJa4 = tlsClientJa4;
    }

    public String getTlsServerJa3s() {
        return tlsServerJa3s;
    }

    public void setTlsServerJa3s(String tlsServerJa3s) {
        this.tlsServerJa3s = tlsServerJa3s;
    }

    public String getTlsServerSubject() {
        return tlsServerSubject;
    }

    public void setTlsServerSubject(String tlsServerSubject) {
        this.tlsServerSubject = tlsServerSubject;
    }

    public String getTlsServerIssuer() {
        return tlsServerIssuer;
    }

    public void setTlsServerIssuer(String tlsServerIssuer) {
        this.tlsServerIssuer = tlsServerIssuer;
    }

    public Long getTlsServerNotBefore() {
        return tlsServerNotBefore;
    }

    public void setTlsServerNotBefore(Long tlsServerNotBefore) {
        this.tlsServerNotBefore = tlsServerNotBefore;
    }

    public void setTlsServerNotBefore(long tlsServerNotBefore) {
        this.tlsServerNotBefore = tlsServerNotBefore;
    }

    public Long getTlsServerNotAfter() {
        return tlsServerNotAfter;
    }

    public void setTlsServerNotAfter(Long tlsServerNotAfter) {
        this.tlsServerNotAfter = tlsServerNotAfter;
    }

    public void setTlsServerNotAfter(long tlsServerNotAfter) {
        this.tlsServerNotAfter = tlsServerNotAfter;
    }

    public List<String> getTlsServerSubjectAltNames() {
        return tlsServerSubjectAltNames;
    }

    public void setTlsServerSubjectAltNames(List<String> tlsServerSubjectAltNames) {
        this.tlsServerSubjectAltNames = tlsServerSubjectAltNames == null ? null : List.copyOf(tlsServerSubjectAltNames);
    }

    public String getTlsServerHashSha1() {
        return tlsServerHashSha1;
    }

    public void setTlsServerHashSha1(String tlsServerHashSha1) {
        this.tlsServerHashSha1 = tlsServerHashSha1;
    }

    public String getTlsServerHashSha256() {
        return tlsServerHashSha256;
    }

    public void setTlsServerHashSha256(String tlsServerHashSha256) {
        this.tlsServerHashSha256 = tlsServerHashSha256;
    }

    public Boolean getTlsEstablished() {
        return tlsEstablished;
    }

    public void setTlsEstablished(Boolean tlsEstablished) {
        this.tlsEstablished = tlsEstablished;
    }

    public Boolean getTlsResumed() {
        return tlsResumed;
    }

    public void setTlsResumed(Boolean tlsResumed) {
        this.tlsResumed = tlsResumed;
    }
}
