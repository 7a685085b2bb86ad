package io.dscover.collect.pcap.proto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect QUIC Initial packets (RFC 9001 section 5.2, RFC 9369 section 3.3.1):
 * derived with HKDF-SHA256 from a salt every implementation knows and the Destination Connection
 * ID of the client's first Initial, so anyone on the path can read the ClientHello and ServerHello.
 *
 * @param key AEAD_AES_128_GCM key
 * @param iv  AEAD nonce base
 * @param hp  header protection key (AES-128)
 */
record QuicInitialKeys(byte[] key, byte[] iv, byte[] hp) {

    static final int VERSION_1 = 0x00000001;
    static final int VERSION_2 = 0x6b3343cf;

    private static final byte[] SALT_V1 = hex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    private static final byte[] SALT_V2 = hex("0dede3def700a6db819381be6e269dcbf9bd2ed9");
    private static final byte[] SALT_DRAFT_29 = hex("afbfec289993d24c9e9786f19c6111e04390a899");

    /** True for the versions whose Initial keys are known: 1, 2 and drafts 29 to 34. */
    static boolean known(int version) {
        return version == VERSION_1 || version == VERSION_2 || version >= 0xff00001d && version <= 0xff000022;
    }

    /** The long-header packet type bits of an Initial packet in {@code version}. */
    static int initialType(int version) {
        return version == VERSION_2 ? 1 : 0;
    }

    /** The Retry packet type bits in {@code version}. */
    static int retryType(int version) {
        return version == VERSION_2 ? 0 : 3;
    }

    /** The client's ({@code client}) or server's Initial keys for a connection whose client chose {@code dcid}. */
    static QuicInitialKeys derive(int version, byte[] dcid, boolean client) {
        byte[] salt = version == VERSION_2 ? SALT_V2 : version == VERSION_1 || version >= 0xff000021 ? SALT_V1 : SALT_DRAFT_29;
        String prefix = version == VERSION_2 ? "quicv2 " : "quic ";
        byte[] initial = hmac(salt, dcid);
        byte[] secret = expandLabel(initial, client ? "client in" : "server in", 32);
        return new QuicInitialKeys(expandLabel(secret, prefix + "key", 16), expandLabel(secret, prefix + "iv", 12),
                expandLabel(secret, prefix + "hp", 16));
    }

    /** HKDF-Expand-Label (RFC 8446 section 7.1) with an empty context, for outputs of at most one hash length. */
    static byte[] expandLabel(byte[] secret, String label, int length) {
        byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + full.length + 1 + 1];
        info[0] = (byte) (length >> 8);
        info[1] = (byte) length;
        info[2] = (byte) full.length;
        System.arraycopy(full, 0, info, 3, full.length);
        info[3 + full.length] = 0; // empty context
        info[4 + full.length] = 1; // HKDF-Expand's block counter: one block is enough
        return java.util.Arrays.copyOf(hmac(secret, info), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] hex(String h) {
        return java.util.HexFormat.of().parseHex(h);
    }
}
