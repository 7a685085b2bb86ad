package io.dscover.collect.pcap.proto;

/** IANA names of TLS versions, the common cipher suites and named groups. */
final class TlsNames {

    private TlsNames() {
    }

    static String version(int v) {
        return switch (v) {
            case 0x0300 -> "SSLv3";
            case 0x0301 -> "TLSv10";
            case 0x0302 -> "TLSv11";
            case 0x0303 -> "TLSv12";
            case 0x0304 -> "TLSv13";
            case 0x0002 -> "SSLv2";
            case 0xfeff -> "DTLSv10";
            case 0xfefd -> "DTLSv12";
            default -> "unknown-" + v;
        };
    }

    static boolean grease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
    }

    static String group(int g) {
        return switch (g) {
            case 23 -> "secp256r1";
            case 24 -> "secp384r1";
            case 25 -> "secp521r1";
            case 29 -> "x25519";
            case 30 -> "x448";
            case 256 -> "ffdhe2048";
            case 257 -> "ffdhe3072";
            case 4588 -> "X25519MLKEM768";
            case 25497 -> "X25519Kyber768Draft00";
            default -> "group-" + g;
        };
    }

    static String cipher(int c) {
        return switch (c) {
            case 0x0004 -> "TLS_RSA_WITH_RC4_128_MD5";
            case 0x0005 -> "TLS_RSA_WITH_RC4_128_SHA";
            case 0x000a -> "TLS_RSA_WITH_3DES_EDE_CBC_SHA";
            case 0x002f -> "TLS_RSA_WITH_AES_128_CBC_SHA";
            case 0x0033 -> "TLS_DHE_RSA_WITH_AES_128_CBC_SHA";
            case 0x0035 -> "TLS_RSA_WITH_AES_256_CBC_SHA";
            case 0x0039 -> "TLS_DHE_RSA_WITH_AES_256_CBC_SHA";
            case 0x003c -> "TLS_RSA_WITH_AES_128_CBC_SHA256";
            case 0x003d -> "TLS_RSA_WITH_AES_256_CBC_SHA256";
            case 0x009c -> "TLS_RSA_WITH_AES_128_GCM_SHA256";
            case 0x009d -> "TLS_RSA_WITH_AES_256_GCM_SHA384";
            case 0x009e -> "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256";
            case 0x009f -> "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";
            case 0x1301 -> "TLS_AES_128_GCM_SHA256";
            case 0x1302 -> "TLS_AES_256_GCM_SHA384";
            case 0x1303 -> "TLS_CHACHA20_POLY1305_SHA256";
            case 0xc007 -> "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA";
            case 0xc009 -> "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";
            case 0xc00a -> "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA";
            case 0xc011 -> "TLS_ECDHE_RSA_WITH_RC4_128_SHA";
            case 0xc012 -> "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA";
            case 0xc013 -> "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
            case 0xc014 -> "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA";
            case 0xc023 -> "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
            case 0xc024 -> "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384";
            case 0xc027 -> "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";
            case 0xc028 -> "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
            case 0xc02b -> "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case 0xc02c -> "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
            case 0xc02f -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case 0xc030 -> "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
            case 0xcca8 -> "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
            case 0xcca9 -> "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
            default -> "0x" + Bytes.hex4(c);
        };
    }
}
