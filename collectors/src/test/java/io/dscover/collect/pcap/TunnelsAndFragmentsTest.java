package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunnelsAndFragmentsTest {

    static final byte[] A = Captures.ip4("192.0.2.1");
    static final byte[] B = Captures.ip4("192.0.2.2");
    static final byte[] INNER_A = Captures.ip4("10.1.1.1");
    static final byte[] INNER_B = Captures.ip4("10.1.1.2");

    static byte[] innerUdp() {
        return Captures.ipv4(INNER_A, INNER_B, 17, Captures.udp(1234, 4321, "inner".getBytes(StandardCharsets.US_ASCII)));
    }

    static List<FlowEvent> flows(Captures c) throws IOException {
        return PcapCollectorTest.only(PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), new InputLedger("t")),
                FlowEvent.class);
    }

    static FlowEvent innerFlow(List<FlowEvent> flows) {
        return flows.stream().filter(f -> "10.1.1.1".equals(f.getSourceIp())).findFirst().orElseThrow();
    }

    @Test
    void greIpInIpVxlanAndTeredoCarryInnerFlowsWithTheirTunnelParent() throws IOException {
        byte[] gre = ByteBuffer.allocate(4 + innerUdp().length).putShort((short) 0).putShort((short) 0x0800).put(innerUdp()).array();
        FlowEvent viaGre = innerFlow(flows(new Captures().add(1, Captures.ethernet(Captures.ipv4(A, B, 47, gre)))));
        assertThat(viaGre.getSourceBytes()).isEqualTo(5L);
        assertThat(viaGre.getFlowTunnelParents()).hasSize(1);

        FlowEvent viaIpip = innerFlow(flows(new Captures().add(1, Captures.ethernet(Captures.ipv4(A, B, 4, innerUdp())))));
        assertThat(viaIpip.getFlowTunnelParents()).hasSize(1);

        byte[] vxlan = ByteBuffer.allocate(8 + 14 + innerUdp().length).put(new byte[] {8, 0, 0, 0, 0, 0, 1, 0})
                .put(Captures.ethernet(innerUdp())).array();
        List<FlowEvent> v = flows(new Captures().add(1, Captures.ethernet(Captures.ipv4(A, B, 17, Captures.udp(5555, 4789, vxlan)))));
        FlowEvent outer = v.stream().filter(f -> f.getDestinationPort() == 4789).findFirst().orElseThrow();
        assertThat(outer.getNetworkProtocol()).isEqualTo("vxlan");
        assertThat(innerFlow(v).getFlowTunnelParents()).containsExactly(outer.getConnectionUid());

        byte[] v6a = new byte[16];
        byte[] v6b = new byte[16];
        v6a[0] = 0x20;
        v6a[1] = 0x01;
        v6a[15] = 1;
        v6b[0] = 0x20;
        v6b[1] = 0x01;
        v6b[15] = 2;
        byte[] inner6 = Captures.ipv6(v6a, v6b, 17, Captures.udp(1, 2, new byte[3]));
        List<FlowEvent> t = flows(new Captures()
                .add(1, Captures.ethernet(Captures.ipv4(A, B, 17, Captures.udp(3797, 3544, inner6))))
                .add(2, Captures.ethernet(Captures.ipv4(B, A, 17, Captures.udp(3544, 3797, inner6)))));
        assertThat(t).anySatisfy(f -> assertThat(f.getNetworkProtocol()).isEqualTo("teredo"));
        assertThat(t).anySatisfy(f -> assertThat(f.getNetworkType()).isEqualTo("ipv6"));
    }

    @Test
    void ipv4FragmentsAreReassembledBeforeTheTransportIsRead() throws IOException {
        byte[] payload = new byte[3000];
        Arrays.fill(payload, (byte) 'x');
        byte[] udp = Captures.udp(7000, 7001, payload);
        Captures c = new Captures();
        int off = 0;
        int id = 77;
        while (off < udp.length) {
            int n = Math.min(1480, udp.length - off);
            boolean more = off + n < udp.length;
            ByteBuffer ip = ByteBuffer.allocate(20 + n);
            ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + n)).putShort((short) id)
                    .putShort((short) ((more ? 0x2000 : 0) | (off / 8))).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(A).put(B).put(udp, off, n);
            c.add(1000 + off, Captures.ethernet(ip.array()));
            off += n;
        }
        FlowEvent f = flows(c).get(0);
        assertThat(f.getSourceBytes()).isEqualTo(3000L);
        assertThat(f.getSourcePackets()).isEqualTo(1L);
        assertThat(f.getSourceIpBytes()).isEqualTo(3028L);
    }

    @Test
    void ipv6ExtensionHeadersAreSkipped() throws IOException {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        a[15] = 1;
        b[15] = 2;
        byte[] udp = Captures.udp(53000, 9, new byte[4]);
        byte[] hopByHop = ByteBuffer.allocate(8 + udp.length).put((byte) 17).put((byte) 0).put(new byte[6]).put(udp).array();
        FlowEvent f = flows(new Captures().add(1, Captures.ethernet(Captures.ipv6(a, b, 0, hopByHop)))).get(0);
        assertThat(f.getNetworkTransport()).isEqualTo("udp");
        assertThat(f.getDestinationPort()).isEqualTo(9L);
        assertThat(f.getSourceBytes()).isEqualTo(4L);
    }

    @Test
    void theFlowTableIsCappedAndEvictionsAreCounted() throws IOException {
        Captures c = new Captures();
        for (int i = 0; i < 100; i++) {
            c.add(i, Captures.ethernet(Captures.ipv4(A, B, 17, Captures.udp(10000 + i, 9, new byte[1]))));
        }
        InputLedger ledger = new InputLedger("t");
        List<NetworkEvent> events = new java.util.ArrayList<>();
        try (var s = new PcapCollector().open(io.dscover.collect.Input.ofStream("t", () -> new java.io.ByteArrayInputStream(
                c.pcap(1, false, ByteOrder.LITTLE_ENDIAN))), new io.dscover.collect.CollectorContext(
                io.dscover.collect.CollectorOptions.empty().with("pcap.max-flows", "16"), ledger, List.of()))) {
            s.readAll(events::add);
        }
        assertThat(PcapCollectorTest.only(events, FlowEvent.class)).hasSize(100);
        assertThat(ledger.skippedByReason()).containsEntry("flow table full: connection ended early (pcap.max-flows)", 84L);
    }
}
