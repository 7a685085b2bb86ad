package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.SshEvent;
import java.util.List;

/** ssh.log: one SSH session per row, with HASSH from the hassh package when it is loaded. */
final class SshMapper extends LogMapper {

    private int version;
    private int authSuccess;
    private int authAttempts;
    private int client;
    private int server;
    private int cipher;
    private int mac;
    private int kex;
    private int hostKey;
    private int hassh;
    private int hasshServer;

    SshMapper() {
        super("ssh");
    }

    @Override
    void bindColumns() {
        version = claim("version");
        authSuccess = claim("auth_success");
        authAttempts = claim("auth_attempts");
        client = claim("client");
        server = claim("server");
        cipher = claim("cipher_alg");
        mac = claim("mac_alg");
        kex = claim("kex_alg");
        hostKey = claim("host_key");
        hassh = claim("hassh");
        hasshServer = claim("hasshServer");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        SshEvent e = flowEvidence(new SshEvent());
        long v;
        if ((v = r.count(version)) != ABSENT) {
            e.setSshVersion(v);
        }
        e.setSshAuthSuccess(bool(r, authSuccess));
        if ((v = r.count(authAttempts)) != ABSENT) {
            e.setSshAuthAttempts(v);
        }
        e.setSshClient(r.string(client));
        e.setSshServer(r.string(server));
        e.setSshCipher(r.symbol(cipher));
        e.setSshMac(r.symbol(mac));
        e.setSshKex(r.symbol(kex));
        e.setSshHostKey(r.string(hostKey));
        e.setSshHassh(r.symbol(hassh));
        e.setSshHasshServer(r.symbol(hasshServer));
        extras(r, e);
        out.add(e);
    }
}
