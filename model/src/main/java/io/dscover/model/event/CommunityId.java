package io.dscover.model.event;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Community ID flow hashing, version 1 (https://github.com/corelight/community-id-spec): the
 * direction-independent 5-tuple hash that Zeek, Suricata, Elastic and tshark compute, so alerts
 * from dscover can be joined with their records.
 */
public final class CommunityId {

    /**
     * The per-thread working set: the digest, its input and output, and the text being built. One
     * lookup per hash, no allocation but the result string (this runs once per flow record).
     */
    private static final class Scratch {
        final MessageDigest sha1;
        /** Seed, two addresses of at most 16 bytes, protocol, padding and ports. */
        final byte[] input = new byte[2 + 16 + 16 + 2 + 4];
        final byte[] digest = new byte[20];
        /** {@code 1:} and the Base64 of the 20-byte digest (28 characters with its padding). */
        final byte[] text = new byte[2 + 28];

        Scratch() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-1", e);
            }
            text[0] = '1';
            text[1] = ':';
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final byte[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(StandardCharsets.US_ASCII);

    private CommunityId() {
    }

    /** Community ID v1 with seed 0 from the event's canonical 5-tuple text; {@code null} if the tuple is incomplete. */
    public static String of(String sourceIp, Long sourcePort, String destinationIp, Long destinationPort,
            String transport) {
        int proto = IpProtocols.number(transport);
        byte[] src = IpAddresses.parse(sourceIp);
        byte[] dst = IpAddresses.parse(destinationIp);
        if (proto < 0 || src == null || dst == null || src.length != dst.length) {
            return null;
        }
        boolean ports = IpProtocols.hasPorts(proto);
        if (ports && (sourcePort == null || destinationPort == null)) {
            return null;
        }
        return compute(0, src, dst, proto, ports ? sourcePort.intValue() : 0, ports ? destinationPort.intValue() : 0);
    }

    /**
     * Community ID v1 of raw addresses (4 or 16 bytes each). For ICMP and ICMPv6 pass the type as
     * {@code sourcePort} and the code as {@code destinationPort}, as the specification does.
     */
    public static String compute(int seed, byte[] src, byte[] dst, int proto, int sourcePort, int destinationPort) {
        int sport = sourcePort;
        int dport = destinationPort;
        boolean oneWay = false;
        if (proto == IpProtocols.ICMP || proto == IpProtocols.ICMPV6) {
            int counterpart = IpProtocols.icmpCounterpart(proto, sport);
            if (counterpart >= 0) {
                dport = counterpart;
            } else {
                oneWay = true;
            }
        }
        int cmp = Arrays.compareUnsigned(src, dst);
        boolean ordered = oneWay || cmp < 0 || (cmp == 0 && sport < dport);
        byte[] a = ordered ? src : dst;
        byte[] b = ordered ? dst : src;
        int pa = ordered ? sport : dport;
        int pb = ordered ? dport : sport;

        // one update of the whole hash input: per-byte MessageDigest calls cost more than the hash
        Scratch scratch = SCRATCH.get();
        byte[] in = scratch.input;
        int n = 0;
        in[n++] = (byte) (seed >>> 8);
        in[n++] = (byte) seed;
        System.arraycopy(a, 0, in, n, a.length);
        n += a.length;
        System.arraycopy(b, 0, in, n, b.length);
        n += b.length;
        in[n++] = (byte) proto;
        in[n++] = 0;
        if (IpProtocols.hasPorts(proto)) {
            in[n++] = (byte) (pa >>> 8);
            in[n++] = (byte) pa;
            in[n++] = (byte) (pb >>> 8);
            in[n++] = (byte) pb;
        }
        MessageDigest md = scratch.sha1;
        md.update(in, 0, n);
        byte[] digest = scratch.digest;
        try {
            md.digest(digest, 0, digest.length); // also resets the digest for the next use
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 digest of 20 bytes", e);
        }
        return base64Text(digest, scratch.text);
    }

    /** {@code 1:} and the standard Base64 (with padding) of a 20-byte digest, without an encoder per call. */
    private static String base64Text(byte[] digest, byte[] text) {
        int o = 2;
        int i = 0;
        for (; i + 3 <= digest.length; i += 3) {
            int v = (digest[i] & 0xff) << 16 | (digest[i + 1] & 0xff) << 8 | (digest[i + 2] & 0xff);
            text[o++] = BASE64[v >>> 18];
            text[o++] = BASE64[(v >>> 12) & 63];
            text[o++] = BASE64[(v >>> 6) & 63];
            text[o++] = BASE64[v & 63];
        }
        int v = (digest[i] & 0xff) << 16 | (digest[i + 1] & 0xff) << 8; // 20 = 6 * 3 + 2
        text[o++] = BASE64[v >>> 18];
        text[o++] = BASE64[(v >>> 12) & 63];
        text[o++] = BASE64[(v >>> 6) & 63];
        text[o] = '=';
        return new String(text, 0, text.length, StandardCharsets.ISO_8859_1);
    }
}
