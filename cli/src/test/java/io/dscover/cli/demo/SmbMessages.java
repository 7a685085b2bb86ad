package io.dscover.cli.demo;

import io.dscover.cli.demo.Payloads.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * One SMB 3.0.2 conversation as a Windows client and server have it (MS-SMB2 2.2), each message in
 * its NetBIOS session frame: NEGOTIATE, SESSION_SETUP carrying SPNEGO-wrapped NTLMSSP (RFC 4178,
 * MS-SPNG, MS-NLMP: NEGOTIATE, CHALLENGE, NTLMv2 AUTHENTICATE), TREE_CONNECT, CREATE, WRITE, CLOSE,
 * TREE_DISCONNECT and LOGOFF. Message ids, the session id and the tree id are kept per connection.
 */
final class SmbMessages {

    static final long STATUS_SUCCESS = 0;
    static final long STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016L;

    private static final int NEGOTIATE = 0;
    private static final int SESSION_SETUP = 1;
    private static final int LOGOFF = 2;
    private static final int TREE_CONNECT = 3;
    private static final int TREE_DISCONNECT = 4;
    private static final int CREATE = 5;
    private static final int CLOSE = 6;
    private static final int WRITE = 9;
    private static final int SERVER_TO_REDIR = 1;
    private static final int DIALECT = 0x0302;
    private static final byte[] SPNEGO_OID = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};
    private static final byte[] NTLMSSP_OID = {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02, 0x0a};
    private static final int NTLM_FLAGS = 0xe2888215; // unicode, NTLM, always sign, extended session security, target info, version, 128, key exchange, 56
    private static final byte[] NTLM_VERSION = {10, 0, 0x61, 0x4a, 0, 0, 0, 15}; // Windows 10.0 build 19041, NTLMSSP revision 15
    private static final long FILETIME = 134_067_204_000_000_000L; // 2025-11-04T09:00:00Z in 100 ns since 1601

    private final String serverDomain;
    private final String serverName;
    private long messageId;
    private long sessionId;
    private int treeId;
    private final byte[] fileId = Payloads.random(16);

    SmbMessages(String serverDomain, String serverName) {
        this.serverDomain = serverDomain;
        this.serverName = serverName;
    }

    // ---- client requests, each taking the next message id ----

    /** NEGOTIATE offering SMB 2.0.2 to 3.0.2 (a client that also offered 3.1.1 would need negotiate contexts). */
    byte[] negotiateRequest() {
        int[] dialects = {0x0202, 0x0210, 0x0300, 0x0302};
        Bytes b = new Bytes().le16(36).le16(dialects.length).le16(1).le16(0).le32(0x7f).raw(Payloads.random(16))
                .raw(new byte[8]);
        for (int d : dialects) {
            b.le16(d);
        }
        return request(NEGOTIATE, b.toArray());
    }

    byte[] sessionSetupNegotiate() {
        return sessionSetupRequest(negTokenInit(ntlmNegotiate()));
    }

    byte[] sessionSetupAuthenticate(String domain, String user, String workstation) {
        return sessionSetupRequest(negTokenResp(-1, false, ntlmAuthenticate(domain, user, workstation)));
    }

    private byte[] sessionSetupRequest(byte[] token) {
        return request(SESSION_SETUP, new Bytes().le16(25).u8(0).u8(1).le32(1).le32(0).le16(64 + 24).le16(token.length)
                .le64(0).raw(token).toArray());
    }

    byte[] treeConnectRequest(String uncPath) {
        byte[] path = uncPath.getBytes(StandardCharsets.UTF_16LE);
        return request(TREE_CONNECT, new Bytes().le16(9).le16(0).le16(64 + 8).le16(path.length).raw(path).toArray());
    }

    /** CREATE that overwrites or creates a file for writing (FILE_OVERWRITE_IF, non-directory). */
    byte[] createRequest(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        Bytes b = new Bytes().le16(57).u8(0).u8(0).le32(2).raw(new byte[8]).raw(new byte[8])
                .le32(0x0013019f) // read/write data and attributes, delete, read control, synchronize
                .le32(0x80) // FILE_ATTRIBUTE_NORMAL
                .le32(0x1) // FILE_SHARE_READ
                .le32(5) // FILE_OVERWRITE_IF
                .le32(0x60) // FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT
                .le16(64 + 56).le16(n.length).le32(0).le32(0).raw(n);
        return request(CREATE, b.toArray());
    }

    byte[] writeRequest(byte[] data) {
        Bytes b = new Bytes().le16(49).le16(64 + 48).le32(data.length).le32(0).le32(0).raw(fileId).le32(0).le32(0)
                .le16(0).le16(0).le32(0).raw(data);
        return request(WRITE, b.toArray());
    }

    byte[] closeRequest() {
        return request(CLOSE, new Bytes().le16(24).le16(0).le32(0).raw(fileId).toArray());
    }

    byte[] treeDisconnectRequest() {
        return request(TREE_DISCONNECT, new Bytes().le16(4).le16(0).toArray());
    }

    byte[] logoffRequest() {
        return request(LOGOFF, new Bytes().le16(4).le16(0).toArray());
    }

    // ---- server responses to the last request ----

    byte[] negotiateResponse() {
        byte[] token = negTokenInit(null);
        Bytes b = new Bytes().le16(65).le16(1).le16(DIALECT).le16(0).raw(Payloads.random(16)).le32(0x07)
                .le32(8_388_608).le32(8_388_608).le32(8_388_608).le64(FILETIME).le64(0).le16(64 + 64)
                .le16(token.length).le32(0).raw(token);
        return response(NEGOTIATE, STATUS_SUCCESS, b.toArray());
    }

    /** The server's CHALLENGE; assigns the session id. */
    byte[] sessionSetupChallenge() {
        sessionId = 0x0000_1000_0000_0045L;
        byte[] token = negTokenResp(1, true, ntlmChallenge());
        return response(SESSION_SETUP, STATUS_MORE_PROCESSING_REQUIRED,
                new Bytes().le16(9).le16(0).le16(64 + 8).le16(token.length).raw(token).toArray());
    }

    byte[] sessionSetupSuccess() {
        byte[] token = negTokenResp(0, false, null);
        return response(SESSION_SETUP, STATUS_SUCCESS,
                new Bytes().le16(9).le16(0).le16(64 + 8).le16(token.length).raw(token).toArray());
    }

    /** TREE_CONNECT answered with a disk share and full access; assigns the tree id. */
    byte[] treeConnectResponse() {
        treeId = 1;
        return response(TREE_CONNECT, STATUS_SUCCESS,
                new Bytes().le16(16).u8(1).u8(0).le32(0).le32(0).le32(0x001f01ff).toArray());
    }

    byte[] createResponse(long endOfFile) {
        Bytes b = new Bytes().le16(89).u8(0).u8(0).le32(2) // FILE_CREATED
                .le64(FILETIME).le64(FILETIME).le64(FILETIME).le64(FILETIME).le64(endOfFile).le64(endOfFile)
                .le32(0x20).le32(0).raw(fileId).le32(0).le32(0);
        return response(CREATE, STATUS_SUCCESS, b.toArray());
    }

    byte[] writeResponse(int count) {
        return response(WRITE, STATUS_SUCCESS, new Bytes().le16(17).le16(0).le32(count).le32(0).le16(0).le16(0).toArray());
    }

    byte[] closeResponse() {
        return response(CLOSE, STATUS_SUCCESS, new Bytes().le16(60).le16(0).le32(0).raw(new byte[52]).toArray());
    }

    byte[] treeDisconnectResponse() {
        byte[] r = response(TREE_DISCONNECT, STATUS_SUCCESS, new Bytes().le16(4).le16(0).toArray());
        treeId = 0;
        return r;
    }

    byte[] logoffResponse() {
        return response(LOGOFF, STATUS_SUCCESS, new Bytes().le16(4).le16(0).toArray());
    }

    // ---- framing ----

    private byte[] request(int command, byte[] body) {
        return netbios(header(command, 0, 0, messageId++, body));
    }

    private byte[] response(int command, long status, byte[] body) {
        return netbios(header(command, status, SERVER_TO_REDIR, messageId - 1, body));
    }

    private byte[] header(int command, long status, int flags, long id, byte[] body) {
        return new Bytes().raw(new byte[] {(byte) 0xfe, 'S', 'M', 'B'}).le16(64).le16(1).le32((int) status)
                .le16(command).le16(1).le32(flags).le32(0).le64(id).le32(0xfeff).le32(treeId).le64(sessionId)
                .raw(new byte[16]).raw(body).toArray();
    }

    private static byte[] netbios(byte[] smb) {
        return new Bytes().u8(0).u24(smb.length).raw(smb).toArray();
    }

    // ---- SPNEGO (DER) ----

    /** negTokenInit offering NTLMSSP, with the mechanism token when there is one. */
    private static byte[] negTokenInit(byte[] mechToken) {
        byte[] mechTypes = der(0xa0, der(0x30, der(0x06, NTLMSSP_OID)));
        byte[] fields = mechToken == null ? mechTypes : concat(mechTypes, der(0xa2, der(0x04, mechToken)));
        return der(0x60, concat(der(0x06, SPNEGO_OID), der(0xa0, der(0x30, fields))));
    }

    /** negTokenResp: negState (accept-completed 0, accept-incomplete 1; none when negative), supportedMech, responseToken. */
    private static byte[] negTokenResp(int negState, boolean withMech, byte[] responseToken) {
        Bytes fields = new Bytes();
        if (negState >= 0) {
            fields.raw(der(0xa0, der(0x0a, new byte[] {(byte) negState})));
        }
        if (withMech) {
            fields.raw(der(0xa1, der(0x06, NTLMSSP_OID)));
        }
        if (responseToken != null) {
            fields.raw(der(0xa2, der(0x04, responseToken)));
        }
        return der(0xa1, der(0x30, fields.toArray()));
    }

    private static byte[] der(int tag, byte[] value) {
        Bytes b = new Bytes().u8(tag);
        if (value.length < 0x80) {
            b.u8(value.length);
        } else if (value.length < 0x100) {
            b.u8(0x81).u8(value.length);
        } else {
            b.u8(0x82).u16(value.length);
        }
        return b.raw(value).toArray();
    }

    // ---- NTLMSSP (MS-NLMP 2.2.1) ----

    private static byte[] ntlmNegotiate() {
        return new Bytes().raw(Payloads.ascii("NTLMSSP\0")).le32(1).le32(NTLM_FLAGS).raw(new byte[16])
                .raw(NTLM_VERSION).toArray();
    }

    private byte[] ntlmChallenge() {
        byte[] target = serverDomain.getBytes(StandardCharsets.UTF_16LE);
        byte[] info = targetInfo();
        int payload = 56;
        return new Bytes().raw(Payloads.ascii("NTLMSSP\0")).le32(2)
                .le16(target.length).le16(target.length).le32(payload)
                .le32(NTLM_FLAGS | 0x00020000) // target type domain
                .raw(Payloads.random(8)).raw(new byte[8])
                .le16(info.length).le16(info.length).le32(payload + target.length)
                .raw(NTLM_VERSION).raw(target).raw(info).toArray();
    }

    private byte[] targetInfo() {
        String dnsDomain = serverDomain.toLowerCase(java.util.Locale.ROOT) + ".example";
        return new Bytes().raw(avPair(2, serverDomain)).raw(avPair(1, serverName)).raw(avPair(4, dnsDomain))
                .raw(avPair(3, serverName.toLowerCase(java.util.Locale.ROOT) + "." + dnsDomain)).raw(avPair(5, dnsDomain))
                .le16(7).le16(8).le64(FILETIME).le16(0).le16(0).toArray();
    }

    private static byte[] avPair(int id, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_16LE);
        return new Bytes().le16(id).le16(v.length).raw(v).toArray();
    }

    /** AUTHENTICATE with an NTLMv2 response (MS-NLMP 2.2.2.8), a MIC and an encrypted session key. */
    private byte[] ntlmAuthenticate(String domain, String user, String workstation) {
        byte[] blob = new Bytes().u8(1).u8(1).raw(new byte[6]).le64(FILETIME).raw(Payloads.random(8)).raw(new byte[4])
                .raw(targetInfo()).raw(new byte[4]).toArray();
        byte[] nt = concat(Payloads.random(16), blob);
        byte[] lm = new byte[24];
        byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] w = workstation.getBytes(StandardCharsets.UTF_16LE);
        byte[] key = Payloads.random(16);
        int off = 88;
        Bytes b = new Bytes().raw(Payloads.ascii("NTLMSSP\0")).le32(3);
        int dOff = off;
        int uOff = dOff + d.length;
        int wOff = uOff + u.length;
        int lmOff = wOff + w.length;
        int ntOff = lmOff + lm.length;
        int keyOff = ntOff + nt.length;
        b.le16(lm.length).le16(lm.length).le32(lmOff).le16(nt.length).le16(nt.length).le32(ntOff)
                .le16(d.length).le16(d.length).le32(dOff).le16(u.length).le16(u.length).le32(uOff)
                .le16(w.length).le16(w.length).le32(wOff).le16(key.length).le16(key.length).le32(keyOff)
                .le32(NTLM_FLAGS).raw(NTLM_VERSION).raw(Payloads.random(16));
        return b.raw(d).raw(u).raw(w).raw(lm).raw(nt).raw(key).toArray();
    }

    private static byte[] concat(byte[]... parts) {
        Bytes b = new Bytes();
        for (byte[] p : parts) {
            b.raw(p);
        }
        return b.toArray();
    }
}
