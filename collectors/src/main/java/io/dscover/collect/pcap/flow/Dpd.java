package io.dscover.collect.pcap.flow;

import io.dscover.collect.pcap.proto.Analyzer;
import io.dscover.collect.pcap.proto.Protocols;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic protocol detection: dissectors are attached by well-known port and by content
 * signatures on the first bytes of each direction; the ones that fail to parse are dropped and
 * the ones that parse confirm the service, so {@code network.protocol} reflects content, not ports.
 */
final class Dpd {

    /** Bytes per direction over which content signatures are tried. */
    static final int SIGNATURE_WINDOW = 4096;

    void attach(Connection c) {
        List<Analyzer> found = new ArrayList<>(2);
        Protocols.byPort(c.proto, c.origPort, c.respPort, c.origAddr, c.respAddr, found);
        if (c.expectedService != null) {
            Protocols.byName(c.expectedService, found);
        }
        if (!found.isEmpty()) {
            c.analyzers = found;
        }
    }

    private boolean trySignatures(Connection c, boolean fromOrig, byte[] b, int off, int len) {
        int seen = fromOrig ? c.dpdOrigBytes : c.dpdRespBytes;
        if (seen >= SIGNATURE_WINDOW || c.services != null) {
            return false;
        }
        if (fromOrig) {
            c.dpdOrigBytes += len;
        } else {
            c.dpdRespBytes += len;
        }
        if (seen > 0) {
            return false; // signatures look at the start of each direction only
        }
        List<Analyzer> list = c.analyzers == null ? new ArrayList<>(2) : c.analyzers;
        int before = list.size();
        Protocols.bySignature(c.proto, fromOrig, c.origAddr, c.respAddr, b, off, len, list);
        if (list.size() > before) {
            c.analyzers = list;
            return true;
        }
        return false;
    }

    void datagram(Connection c, boolean fromOrig, byte[] b, int off, int len) {
        trySignatures(c, fromOrig, b, off, len);
        List<Analyzer> list = c.analyzers;
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Analyzer a = list.get(i);
            if (!a.done()) {
                a.datagram(c, fromOrig, b, off, len);
            }
        }
        prune(c);
    }

    void stream(Connection c, boolean fromOrig, byte[] b, int off, int len) {
        trySignatures(c, fromOrig, b, off, len);
        List<Analyzer> list = c.analyzers;
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Analyzer a = list.get(i);
            if (!a.done()) {
                a.stream(c, fromOrig, b, off, len);
            }
        }
        prune(c);
    }

    /**
     * Drops failed dissectors and finished ones (they have emitted everything), freeing their
     * buffers and giving their share of the dissector memory back.
     */
    private static void prune(Connection c) {
        List<Analyzer> list = c.analyzers;
        for (int i = list.size() - 1; i >= 0; i--) {
            Analyzer a = list.get(i);
            if (a.done()) {
                list.remove(i);
                a.releaseAll(c);
            }
        }
    }

    /** Whether any dissector still wants TCP data of this connection (else no reassembly is done). */
    static boolean wantsData(Connection c) {
        if (c.analyzers == null) {
            return c.services == null && (c.dpdOrigBytes == 0 || c.dpdRespBytes == 0);
        }
        for (Analyzer a : c.analyzers) {
            if (!a.done()) {
                return true;
            }
        }
        return c.services == null && (c.dpdOrigBytes == 0 || c.dpdRespBytes == 0);
    }
}
