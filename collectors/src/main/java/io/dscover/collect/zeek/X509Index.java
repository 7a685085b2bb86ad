package io.dscover.collect.zeek;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Server certificates from x509.log, by fingerprint and by file id, for joining into ssl.log rows.
 * Bounded: past {@link #capacity} certificates further ones are not indexed (their ssl rows simply
 * go without certificate fields), so a huge x509.log cannot exhaust the heap.
 */
final class X509Index {

    /** What a TLS event takes from a certificate. */
    record Certificate(String fingerprint, String subject, String issuer, long notBefore, long notAfter,
            List<String> subjectAltNames) {
    }

    private static final X509Index EMPTY = new X509Index(0);

    private final Map<String, Certificate> byKey = new HashMap<>();
    private final int capacity;
    private long refused;

    X509Index(int capacity) {
        this.capacity = capacity;
    }

    static X509Index empty() {
        return EMPTY;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    int size() {
        return byKey.size();
    }

    /** Certificates not indexed because the index was full. */
    long refused() {
        return refused;
    }

    /** Indexes a certificate under its fingerprint and, for older Zeek, its file id. */
    void add(String fileId, Certificate c) {
        if (byKey.size() >= capacity) {
            refused++;
            return;
        }
        if (c.fingerprint() != null) {
            byKey.put(c.fingerprint(), c);
        }
        if (fileId != null) {
            byKey.put(fileId, c);
        }
    }

    Certificate find(String key) {
        return byKey.get(key);
    }
}
