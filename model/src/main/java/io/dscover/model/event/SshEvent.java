package io.dscover.model.event;

/** An SSH session: version banners, algorithms and the authentication outcome where inferable. */
@EventType(name = "ssh", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "An SSH session: version banners, algorithms and the authentication outcome where inferable.")
public final class SshEvent extends NetworkEvent {

    @Field(name = "ssh.client", type = FieldType.STRING,
            doc = "Client version banner, e.g. SSH-2.0-OpenSSH_9.6.")
    private String sshClient;

    @Field(name = "ssh.server", type = FieldType.STRING,
            doc = "Server version banner.")
    private String sshServer;

    @Field(name = "ssh.version", type = FieldType.INT,
            doc = "Protocol major version (1 or 2).")
    private Long sshVersion;

    @Field(name = "ssh.auth_success", type = FieldType.BOOL,
            doc = "Authentication succeeded, as inferred.")
    private Boolean sshAuthSuccess;

    @Field(name = "ssh.auth_attempts", type = FieldType.INT,
            doc = "Authentication attempts seen.")
    private Long sshAuthAttempts;

    @Field(name = "ssh.cipher", type = FieldType.STRING,
            doc = "Negotiated encryption algorithm.")
    private String sshCipher;

    @Field(name = "ssh.mac", type = FieldType.STRING,
            doc = "Negotiated MAC algorithm.")
    private String sshMac;

    @Field(name = "ssh.kex", type = FieldType.STRING,
            doc = "Negotiated key exchange algorithm.")
    private String sshKex;

    @Field(name = "ssh.host_key", type = FieldType.STRING,
            doc = "Server host key fingerprint.")
    private String sshHostKey;

    @Field(name = "ssh.hassh", type = FieldType.STRING,
            doc = "HASSH fingerprint (MD5) of the client's KEXINIT.")
    private String sshHassh;

    @Field(name = "ssh.hassh_server", type = FieldType.STRING,
            doc = "HASSH fingerprint (MD5) of the server's KEXINIT.")
    private String sshHasshServer;

    public String getSshClient() {
        return sshClient;
    }

    public void setSshClient(String sshClient) {
        this.sshClient = sshClient;
    }

    public String getSshServer() {
        return sshServer;
    }

    public void setSshServer(String sshServer) {
        this.sshServer = sshServer;
    }

    public Long getSshVersion() {
        return sshVersion;
    }

    public void setSshVersion(Long sshVersion) {
        this.sshVersion = sshVersion;
    }

    public void setSshVersion(long sshVersion) {
        this.sshVersion = sshVersion;
    }

    public Boolean getSshAuthSuccess() {
        return sshAuthSuccess;
    }

    public void setSshAuthSuccess(Boolean sshAuthSuccess) {
        this.sshAuthSuccess = sshAuthSuccess;
    }

    public Long getSshAuthAttempts() {
        return sshAuthAttempts;
    }

    public void setSshAuthAttempts(Long sshAuthAttempts) {
        this.sshAuthAttempts = sshAuthAttempts;
    }

    public void setSshAuthAttempts(long sshAuthAttempts) {
        this.sshAuthAttempts = sshAuthAttempts;
    }

    public String getSshCipher() {
        return sshCipher;
    }

    public void setSshCipher(String sshCipher) {
        this.sshCipher = sshCipher;
    }

    public String getSshMac() {
        return sshMac;
    }

    public void setSshMac(String sshMac) {
        this.sshMac = sshMac;
    }

    public String getSshKex() {
        return sshKex;
    }

    public void setSshKex(String sshKex) {
        this.sshKex = sshKex;
    }

    public String getSshHostKey() {
        return sshHostKey;
    }

    public void setSshHostKey(String sshHostKey) {
        this.sshHostKey = sshHostKey;
    }

    public String getSshHassh() {
        return sshHassh;
    }

    public void setSshHassh(String sshHassh) {
        this.sshHassh = sshHassh;
    }

    public String getSshHasshServer() {
        return sshHasshServer;
    }

    public void setSshHasshServer(String sshHasshServer) {
        this.sshHasshServer = sshHasshServer;
    }
}
