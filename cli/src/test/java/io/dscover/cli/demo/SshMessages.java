package io.dscover.cli.demo;

import io.dscover.cli.demo.Payloads.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * SSH-2 transport messages (RFC 4253, RFC 5656 and RFC 8731 for curve25519, RFC 8709 for Ed25519
 * host keys) as a libssh password guesser and an OpenSSH server exchange them: clear binary
 * packets up to NEWKEYS, then packets encrypted with aes128-ctr and hmac-sha2-256, whose sizes (the
 * only thing a sensor sees) follow from the payload length, the 16-byte cipher block and the
 * 32-byte MAC.
 */
final class SshMessages {

    static final String CLIENT_SOFTWARE = "libssh_0.9.6";
    static final String SERVER_SOFTWARE = "OpenSSH_9.2p1 Debian-2+deb12u3";

    private static final int MSG_SERVICE_REQUEST = 5;
    private static final int MSG_SERVICE_ACCEPT = 6;
    private static final int MSG_KEXINIT = 20;
    private static final int MSG_NEWKEYS = 21;
    private static final int MSG_KEX_ECDH_INIT = 30;
    private static final int MSG_KEX_ECDH_REPLY = 31;
    private static final int MSG_USERAUTH_REQUEST = 50;
    private static final int MSG_USERAUTH_FAILURE = 51;
    private static final int CLEAR_BLOCK = 8;
    private static final int CIPHER_BLOCK = 16; // aes128-ctr
    private static final int MAC_LENGTH = 32; // hmac-sha2-256

    private SshMessages() {
    }

    static byte[] banner(String software) {
        return Payloads.ascii("SSH-2.0-" + software + "\r\n");
    }

    /** libssh 0.9.6's KEXINIT (its default algorithm lists). */
    static byte[] clientKexinit() {
        return clear(kexinit(
                "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
                        + "diffie-hellman-group18-sha512,diffie-hellman-group16-sha512,diffie-hellman-group14-sha256,"
                        + "ext-info-c",
                "ssh-ed25519,ecdsa-sha2-nistp521,ecdsa-sha2-nistp384,ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256",
                "aes128-ctr,aes256-ctr,aes192-ctr,aes256-gcm@openssh.com,aes128-gcm@openssh.com,"
                        + "chacha20-poly1305@openssh.com",
                "hmac-sha2-256,hmac-sha2-512,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha1",
                "none,zlib@openssh.com"));
    }

    /** OpenSSH 9.2's KEXINIT (its default algorithm lists). */
    static byte[] serverKexinit() {
        return clear(kexinit(
                "sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,"
                        + "ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,"
                        + "diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group14-sha256,"
                        + "kex-strict-s-v00@openssh.com",
                "rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256,ssh-ed25519",
                "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,"
                        + "aes256-gcm@openssh.com",
                "umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
                        + "hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-64@openssh.com,"
                        + "umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1",
                "none,zlib@openssh.com"));
    }

    /** SSH_MSG_KEX_ECDH_INIT with the client's ephemeral X25519 key. */
    static byte[] ecdhInit() {
        return clear(new Bytes().u8(MSG_KEX_ECDH_INIT).raw(string(Payloads.random(32))).toArray());
    }

    /** SSH_MSG_KEX_ECDH_REPLY (Ed25519 host key, server key, signature) and the server's NEWKEYS, sent together. */
    static byte[] ecdhReplyAndNewKeys() {
        byte[] hostKey = new Bytes().raw(string(Payloads.ascii("ssh-ed25519"))).raw(string(Payloads.random(32))).toArray();
        byte[] signature = new Bytes().raw(string(Payloads.ascii("ssh-ed25519"))).raw(string(Payloads.random(64)))
                .toArray();
        byte[] reply = new Bytes().u8(MSG_KEX_ECDH_REPLY).raw(string(hostKey)).raw(string(Payloads.random(32)))
                .raw(string(signature)).toArray();
        return new Bytes().raw(clear(reply)).raw(newKeys()).toArray();
    }

    static byte[] newKeys() {
        return clear(new byte[] {MSG_NEWKEYS});
    }

    /** SSH_MSG_SERVICE_REQUEST "ssh-userauth", encrypted. */
    static byte[] serviceRequest() {
        return encrypted(new Bytes().u8(MSG_SERVICE_REQUEST).raw(string(Payloads.ascii("ssh-userauth"))).toArray());
    }

    /** SSH_MSG_SERVICE_ACCEPT "ssh-userauth", encrypted. */
    static byte[] serviceAccept() {
        return encrypted(new Bytes().u8(MSG_SERVICE_ACCEPT).raw(string(Payloads.ascii("ssh-userauth"))).toArray());
    }

    /** SSH_MSG_USERAUTH_REQUEST for the "password" method (RFC 4252 section 8), encrypted. */
    static byte[] passwordRequest(String user, String password) {
        return encrypted(new Bytes().u8(MSG_USERAUTH_REQUEST).raw(string(Payloads.ascii(user)))
                .raw(string(Payloads.ascii("ssh-connection"))).raw(string(Payloads.ascii("password"))).u8(0)
                .raw(string(password.getBytes(StandardCharsets.UTF_8))).toArray());
    }

    /** SSH_MSG_USERAUTH_FAILURE listing OpenSSH's default methods, encrypted. */
    static byte[] authFailure() {
        return encrypted(new Bytes().u8(MSG_USERAUTH_FAILURE).raw(string(Payloads.ascii("publickey,password"))).u8(0)
                .toArray());
    }

    private static byte[] kexinit(String kex, String hostKeys, String ciphers, String macs, String compression) {
        Bytes b = new Bytes().u8(MSG_KEXINIT).raw(Payloads.random(16));
        for (String list : new String[] {kex, hostKeys, ciphers, ciphers, macs, macs, compression, compression, "", ""}) {
            b.raw(string(Payloads.ascii(list)));
        }
        return b.u8(0).u32(0).toArray(); // first_kex_packet_follows, reserved
    }

    private static byte[] string(byte[] value) {
        return new Bytes().u32(value.length).raw(value).toArray();
    }

    /** A binary packet before keys are in use: length, padding length, payload, padding (RFC 4253 section 6). */
    private static byte[] clear(byte[] payload) {
        int padding = padding(payload.length, CLEAR_BLOCK);
        return new Bytes().u32(1 + payload.length + padding).u8(padding).raw(payload).raw(Payloads.random(padding))
                .toArray();
    }

    /** What an encrypted packet of this payload looks like on the wire: ciphertext of the padded packet, then the MAC. */
    private static byte[] encrypted(byte[] payload) {
        int padding = padding(payload.length, CIPHER_BLOCK);
        return Payloads.random(4 + 1 + payload.length + padding + MAC_LENGTH);
    }

    /** At least four bytes of padding, making length field + padding length + payload + padding a multiple of the block. */
    private static int padding(int payloadLength, int block) {
        int padding = block - (4 + 1 + payloadLength) % block;
        return padding < 4 ? padding + block : padding;
    }
}
