package io.dscover.collect.zeek;

/**
 * An IP address as events carry it: canonical text (dotted quad, RFC 5952 for IPv6) and its 4 or 16
 * bytes, which the Community ID hash needs.
 */
record Address(String text, byte[] bytes) {

    boolean isV6() {
        return bytes.length == 16;
    }
}
