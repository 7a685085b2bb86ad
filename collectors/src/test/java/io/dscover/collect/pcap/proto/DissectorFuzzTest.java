package io.dscover.collect.pcap.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.TlsEvent;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Every dissector and parser fed random bytes, as datagrams and as streams cut at random points:
 * no exception escapes, memory stays within the caps, and whatever events come out are complete.
 * Short runs in the normal build, long ones behind the "soak" tag.
 */
class DissectorFuzzTest {

    /** A session that records what the dissectors do, with a dissector memory of {@code limit} bytes. */
    static final class Recorder implements Session {
        final List<NetworkEvent> events = new ArrayList<>();
        int malformed;
        long now = 1_000_000_000L;
        long limit = Long.MAX_VALUE;
        long used;
        int refused;

        @Override
        public boolean reserve(int bytes) {
            assertThat(bytes).isNotNegative();
            if (used + bytes > limit) {
                refused++;
                return false;
            }
            used += bytes;
            return true;
        }

        @Override
        public void release(int bytes) {
            used -= bytes;
            assertThat(used).as("memory given back that was never taken").isNotNegative();
        }

        @Override
        public void emit(NetworkEvent event) {
            if (event.getTs() == 0) {
                stampLocation(event);
            }
            events.add(event);
        }

        @Override
        public long now() {
            return now++;
        }

        @Override
        public void confirm(String service) {
        }

        @Override
        public void malformed(String reason, String detail) {
            malformed++;
        }

        @Override
        public void expect(byte[] address, int port, String service) {
        }

        @Override
        public boolean partial() {
            return false;
        }

        @Override
        public void stampLocation(NetworkEvent event) {
            event.setTs(now, 6);
        }
    }

    static List<Analyzer> all() {
        byte[] a = {10, 0, 0, 1};
        byte[] b = {10, 0, 0, 2};
        return List.of(new Dns(false, "dns"), new Dns(true, "dns"), new Dns(false, "nbns"), new Http(), new Tls(), new Ssh(),
                new Ftp(a, b), new Smtp(), new Rdp(), new Smb(), new DceRpc(null), new Snmp(), new Tftp(),
                new ServiceProbe("pop3"), new ServiceProbe("ntp"), new Kerberos(false), new Kerberos(true), new Quic());
    }

    static void feed(byte[] data, int cuts) {
        feed(data, cuts, Long.MAX_VALUE);
    }

    /** Feeds every dissector; afterwards each has given back all the dissector memory it took. */
    static void feed(byte[] data, int cuts, long memory) {
        for (Analyzer an : all()) {
            Recorder s = new Recorder();
            s.limit = memory;
            an.datagram(s, true, data, 0, data.length);
            int p = 0;
            int step = Math.max(1, data.length / Math.max(1, cuts));
            boolean orig = true;
            while (p < data.length && !an.done()) {
                int n = Math.min(step, data.length - p);
                an.stream(s, orig, data, p, n);
                p += n;
                orig = !orig;
            }
            if (!an.failed()) {
                an.end(s);
            }
            assertThat(an.held()).isEqualTo(s.used);
            an.releaseAll(s);
            assertThat(s.used).as(an.name() + " gives back all its memory").isZero();
            for (NetworkEvent e : s.events) {
                assertThat(e.getTs()).isPositive();
            }
        }
    }

    @Property(tries = 400)
    void randomBytesNeverEscapeAsExceptions(@ForAll("bytes") byte[] data, @ForAll("cuts") int cuts) {
        feed(data, cuts);
    }

    @Property(tries = 200)
    void dissectorsRefusedMemoryDegradeQuietly(@ForAll("bytes") byte[] data, @ForAll("cuts") int cuts,
            @ForAll("memory") long memory) {
        feed(data, cuts, memory);
    }

    @Property(tries = 400)
    void dnsNamesWithPointersAlwaysTerminate(@ForAll("bytes") byte[] data) {
        byte[] msg = new byte[12 + data.length];
        msg[5] = 1; // one question
        msg[7] = 3; // three answers
        System.arraycopy(data, 0, msg, 12, data.length);
        DnsMessage m = DnsMessage.parse(msg, 0, msg.length);
        assertThat(m.answers.size()).isLessThanOrEqualTo(DnsMessage.MAX_RECORDS);
        if (m.qname != null) {
            assertThat(m.qname.length()).isLessThanOrEqualTo(DnsMessage.MAX_NAME + 4 * DnsMessage.MAX_NAME);
        }
    }

    @Property(tries = 400)
    void helloAndCertificateParsersTolerateGarbage(@ForAll("bytes") byte[] data) {
        ClientHello.parse(data, 0, data.length, true);
        ClientHello.parse(data, 0, data.length, false);
        Certificates.describe(data, 0, data.length, new TlsEvent());
        Ntlm.authenticate(data, 0, data.length);
    }

    @Property(tries = 20_000)
    @Tag("soak")
    void soak(@ForAll("bytes") byte[] data, @ForAll("cuts") int cuts) {
        feed(data, cuts);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        // starts that pass the first checks of each protocol, so the fuzzer gets past them
        Arbitrary<byte[]> prefixed = Arbitraries.of(
                new byte[] {0x16, 3, 1, 0, 64, 1, 0, 0, 60, 3, 3},
                "GET / HTTP/1.1\r\nContent-Length: ".getBytes(),
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(),
                "SSH-2.0-x\r\n".getBytes(),
                "220 hi\r\n".getBytes(),
                new byte[] {0, 0, 0, 100, (byte) 0xfe, 'S', 'M', 'B', 64, 0},
                new byte[] {5, 0, 11, 3, 16, 0, 0, 0},
                new byte[] {3, 0, 0, 40, 35, (byte) 0xe0},
                new byte[] {0x30, (byte) 0x82},
                new byte[] {0, 1, 'a', 0},
                new byte[] {0, 0, 0, 100, (byte) 0xff, 'S', 'M', 'B', 0x73, 0, 0, 0, 0, 0x18, 0x43, (byte) 0xc8},
                new byte[] {0x6a, (byte) 0x81, (byte) 0xa0, 0x30, (byte) 0x81, (byte) 0x9d, (byte) 0xa1, 3, 2, 1, 5},
                new byte[] {0, 0, 0, (byte) 0xa3, 0x6d, (byte) 0x81, (byte) 0xa0, 0x30},
                new byte[] {(byte) 0xc3, 0, 0, 0, 1, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0x44, (byte) 0x9e})
                .flatMap(prefix -> Arbitraries.bytes().array(byte[].class).ofMaxSize(1024).map(tail -> {
                    byte[] all = java.util.Arrays.copyOf(prefix, prefix.length + tail.length);
                    System.arraycopy(tail, 0, all, prefix.length, tail.length);
                    return all;
                }));
        return Arbitraries.oneOf(random, prefixed);
    }

    @Provide
    Arbitrary<Long> memory() {
        return Arbitraries.longs().between(0, 4096);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(1, 64);
    }
}
