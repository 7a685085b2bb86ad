package io.dscover.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Community ID v1 against the specification's test vectors, tshark's own hashes and the previous implementation. */
class CommunityIdTest {

    static List<String[]> rows(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = CommunityIdTest.class.getResourceAsStream(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        }
        return out;
    }

    static String hash(int seed, String proto, String src, String dst, String sport, String dport) {
        return CommunityId.compute(seed, IpAddresses.parse(src), IpAddresses.parse(dst), Integer.parseInt(proto),
                sport.isEmpty() ? 0 : Integer.parseInt(sport), dport.isEmpty() ? 0 : Integer.parseInt(dport));
    }

    @Test
    void matchesEverySpecificationVectorWithSeedZeroAndOne() throws IOException {
        List<String[]> vectors = rows("community-id-spec-vectors.tsv");
        assertThat(vectors).hasSize(23);
        for (String[] v : vectors) {
            assertThat(hash(0, v[0], v[1], v[2], v[3], v[4])).as("seed 0: %s", String.join(" ", v)).isEqualTo(v[5]);
            assertThat(hash(1, v[0], v[1], v[2], v[3], v[4])).as("seed 1: %s", String.join(" ", v)).isEqualTo(v[6]);
        }
    }

    /**
     * The implementation before the per-thread scratch buffers and the hand-written Base64, kept
     * verbatim as the oracle: a digest reset before each use, the hash input built the same way,
     * the JDK's Base64 encoder.
     */
    static final class PreviousImplementation {
        static String compute(int seed, byte[] src, byte[] dst, int proto, int sourcePort, int destinationPort)
                throws Exception {
            int sport = sourcePort;
            int dport = destinationPort;
            boolean oneWay = false;
            if (proto == IpProtocols.ICMP || proto == IpProtocols.ICMPV6) {
                int counterpart = icmpCounterpart(proto, sport);
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
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            in.write(seed >>> 8);
            in.write(seed);
            in.write(a);
            in.write(b);
            in.write(proto);
            in.write(0);
            if (IpProtocols.hasPorts(proto)) {
                in.write(pa >>> 8);
                in.write(pa);
                in.write(pb >>> 8);
                in.write(pb);
            }
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.reset();
            md.update(in.toByteArray());
            return "1:" + Base64.getEncoder().encodeToString(md.digest());
        }

        static int icmpCounterpart(int proto, int type) {
            if (proto == IpProtocols.ICMP) {
                return switch (type) {
                    case 8 -> 0;
                    case 0 -> 8;
                    case 13 -> 14;
                    case 14 -> 13;
                    case 15 -> 16;
                    case 16 -> 15;
                    case 10 -> 9;
                    case 9 -> 10;
                    case 17 -> 18;
                    case 18 -> 17;
                    default -> -1;
                };
            }
            return switch (type) {
                case 128 -> 129;
                case 129 -> 128;
                case 130 -> 131;
                case 131 -> 130;
                case 133 -> 134;
                case 134 -> 133;
                case 135 -> 136;
                case 136 -> 135;
                case 139 -> 140;
                case 140 -> 139;
                case 144 -> 145;
                case 145 -> 144;
                default -> -1;
            };
        }
    }

    // edge values are drawn by the providers themselves (jqwik's combined edge cases would outnumber the tries)
    @Property(tries = 3_000, edgeCases = EdgeCasesMode.NONE)
    void equalsThePreviousImplementationOnAnyTuple(@ForAll boolean v6, @ForAll("seed") int seed,
            @ForAll long addressBits, @ForAll("sameAddress") boolean sameAddress,
            @ForAll("portOrIcmpType") int sport, @ForAll("portOrIcmpType") int dport,
            @ForAll("protocols") int proto) throws Exception {
        Random random = new Random(addressBits);
        byte[] src = new byte[v6 ? 16 : 4];
        byte[] dst = new byte[src.length];
        random.nextBytes(src);
        if (sameAddress) { // equal addresses order the tuple by port instead
            System.arraycopy(src, 0, dst, 0, src.length);
        } else {
            random.nextBytes(dst);
        }
        assertThat(CommunityId.compute(seed, src, dst, proto, sport, dport))
                .isEqualTo(PreviousImplementation.compute(seed, src, dst, proto, sport, dport));
    }

    @Provide
    Arbitrary<Integer> seed() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 255, 256, 65535), Arbitraries.integers().between(0, 65535));
    }

    @Provide
    Arbitrary<Boolean> sameAddress() {
        return Arbitraries.of(true, false, false, false);
    }

    /** Any port, with the ICMP/ICMPv6 request and reply types (and their neighbours) drawn often. */
    @Provide
    Arbitrary<Integer> portOrIcmpType() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 255, 256, 65535), Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(126, 146));
    }

    /** Every protocol number, with the ones that hash ports (TCP, UDP, SCTP, ICMP, ICMPv6) drawn often. */
    @Provide
    Arbitrary<Integer> protocols() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 255), Arbitraries.of(1, 6, 17, 58, 132));
    }

    /** The per-thread buffers are not shared: threads hashing at once each get their own, correct, text. */
    @Test
    void threadsHashingAtOnceGetTheSpecificationVectors() throws Exception {
        List<String[]> vectors = rows("community-id-spec-vectors.tsv");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < 2_000; round++) {
                        for (String[] v : vectors) {
                            assertThat(hash(0, v[0], v[1], v[2], v[3], v[4])).isEqualTo(v[5]);
                            assertThat(hash(1, v[0], v[1], v[2], v[3], v[4])).isEqualTo(v[6]);
                            checked += 2;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(2_000 * 2 * vectors.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void matchesTsharksHashesOfRealCaptures() throws IOException {
        List<String[]> reference = rows("tshark-communityid.tsv");
        assertThat(reference).hasSizeGreaterThan(100);
        for (String[] r : reference) {
            assertThat(hash(0, r[1], r[2], r[3], r[4], r[5])).as(String.join(" ", r)).isEqualTo(r[6]);
        }
    }

    @Test
    void theEventFormTakesTransportNamesAndCanonicalAddresses() {
        assertThat(CommunityId.of("128.232.110.120", 34855L, "66.35.250.204", 80L, "tcp"))
                .isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
        assertThat(CommunityId.of("66.35.250.204", 80L, "128.232.110.120", 34855L, "TCP"))
                .isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
        assertThat(CommunityId.of("fe80::200:86ff:fe05:80da", 135L, "fe80::260:97ff:fe07:69ea", 136L, "ipv6-icmp"))
                .isEqualTo("1:dGHyGvjMfljg6Bppwm3bg0LO8TY=");
        assertThat(CommunityId.of("10.1.12.1", null, "10.1.12.2", null, "46")).isEqualTo("1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=");
    }

    @Test
    void anIncompleteTupleHasNoCommunityId() {
        assertThat(CommunityId.of("10.0.0.1", 1L, "10.0.0.2", null, "tcp")).isNull();
        assertThat(CommunityId.of("10.0.0.1", 1L, null, 2L, "tcp")).isNull();
        assertThat(CommunityId.of("10.0.0.1", 1L, "::1", 2L, "tcp")).as("mixed families").isNull();
        assertThat(CommunityId.of("10.0.0.1", 1L, "10.0.0.2", 2L, "carrier-pigeon")).isNull();
        assertThat(CommunityId.of("not-an-ip", 1L, "10.0.0.2", 2L, "udp")).isNull();
    }

    /** Single-IP-layer packets of a few captures with IPv4, IPv6, TCP, UDP and ICMP, hashed by tshark now and by dscover. */
    @Test
    void matchesTsharkLive() throws Exception {
        Path corpus = Path.of("../shared/corpus/pcap");
        assumeTrue(Files.isDirectory(corpus), "needs ../shared/corpus/pcap");
        assumeTrue(tsharkAvailable(), "needs tshark on the PATH");
        List<Path> captures = Stream.of("icmp-pings.pcap", "dns-http-wikipedia.pcap", "ftp-ipv6.pcap",
                "teredo-tunnel.pcap", "pcapng-multi-interface.pcapng").map(corpus::resolve).filter(Files::exists).toList();
        assertThat(compareWithTshark(captures)).isGreaterThan(200);
    }

    /** Every single-IP-layer packet of every capture in the corpus (slow: one tshark run per capture). */
    @Test
    @org.junit.jupiter.api.Tag("soak")
    void matchesTsharkLiveOnTheWholeCorpus() throws Exception {
        Path corpus = Path.of("../shared/corpus/pcap");
        assumeTrue(Files.isDirectory(corpus), "needs ../shared/corpus/pcap");
        assumeTrue(tsharkAvailable(), "needs tshark on the PATH");
        List<Path> captures;
        try (Stream<Path> s = Files.list(corpus)) {
            captures = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
        assertThat(compareWithTshark(captures)).isGreaterThan(500);
    }

    static int compareWithTshark(List<Path> captures) throws Exception {
        int compared = 0;
        for (Path capture : captures) {
            for (String[] f : tsharkTuples(capture)) {
                String src = !f[0].isEmpty() ? f[0] : f[2];
                String dst = !f[1].isEmpty() ? f[1] : f[3];
                String proto = !f[4].isEmpty() ? f[4] : f[5];
                String sport = f[6] + f[8] + f[10] + f[12] + f[14];
                String dport = f[7] + f[9] + f[11] + f[13] + f[15];
                assertThat(hash(0, proto, src, dst, sport, dport)).as("%s: %s", capture.getFileName(), String.join(" ", f))
                        .isEqualTo(f[16]);
                compared++;
            }
        }
        return compared;
    }

    static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static List<String[]> tsharkTuples(Path capture) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-n", "-r", capture.toString(), "--enable-protocol", "communityid",
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,",
                "-e", "ip.src", "-e", "ip.dst", "-e", "ipv6.src", "-e", "ipv6.dst", "-e", "ip.proto", "-e", "ipv6.nxt",
                "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "udp.srcport", "-e", "udp.dstport",
                "-e", "sctp.srcport", "-e", "sctp.dstport", "-e", "icmp.type", "-e", "icmp.code",
                "-e", "icmpv6.type", "-e", "icmpv6.code", "-e", "communityid")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                // several IP layers (tunnels, ICMP errors) make the hashed tuple ambiguous from fields alone
                boolean oneIpLayer = f.length == 17 && (f[0].isEmpty() || f[2].isEmpty());
                if (oneIpLayer && !line.contains(",") && !f[16].isEmpty()) {
                    out.add(f);
                }
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
