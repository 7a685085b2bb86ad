package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Hostile input never escapes as an exception: random bytes as a capture, and valid captures of
 * every dissector with random bytes flipped. The short runs are in the normal build; the soak
 * runs (tag "soak") try a hundred times more.
 */
class PcapFuzzTest {

    private static void mustNotThrow(byte[] capture) throws IOException {
        InputLedger ledger = new InputLedger("fuzz");
        List<NetworkEvent> events = PcapCollectorTest.run(capture, ledger);
        assertThat(events.size()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 300)
    void randomBytesBehindAPcapHeader(@ForAll("garbage") byte[] body) throws IOException {
        byte[] header = new Captures().pcap(1, false, ByteOrder.LITTLE_ENDIAN);
        byte[] c = java.util.Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, c, header.length, body.length);
        mustNotThrow(c);
        byte[] ng = new Captures().pcapng(1);
        byte[] d = java.util.Arrays.copyOf(ng, ng.length + body.length);
        System.arraycopy(body, 0, d, ng.length, body.length);
        mustNotThrow(d);
    }

    @Property(tries = 300)
    void mutatedSessionsOfEveryProtocol(@ForAll("seeds") long seed) throws IOException {
        mustNotThrow(mutate(seed));
    }

    @Property(tries = 30_000)
    @Tag("soak")
    void mutatedSessionsSoak(@ForAll("seeds") long seed) throws IOException {
        mustNotThrow(mutate(seed));
    }

    private static byte[] mutate(long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[][] payloads = {
            "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n".getBytes(),
            "SSH-2.0-x\r\n\u0000\u0000\u0000\u0010\u0004\u0014aaaaaaaaaaaaaaaa".getBytes(),
            {0x16, 3, 1, 0, 60, 1, 0, 0, 56, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 2, 0, 47, 1, 0, 0, 9, 0, 0, 0, 5, 0, 3, 0, 0, 1, 0x61},
            {3, 0, 0, 19, 14, (byte) 0xe0, 0, 0, 0, 0, 0, 1, 0, 8, 0, 3, 0, 0, 0},
            "220 hi\r\nUSER x\r\nPORT 1,2,3,4,5,6\r\n".getBytes(),
        };
        int[] ports = {80, 22, 443, 3389, 21};
        int k = r.nextInt(payloads.length);
        byte[] cap = PcapCollectorTest.tcpSession(payloads[k], payloads[(k + 1) % payloads.length], ports[k])
                .pcap(1, false, ByteOrder.LITTLE_ENDIAN);
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
            cap[24 + r.nextInt(cap.length - 24)] = (byte) r.nextInt(256);
        }
        return cap;
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(600);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
