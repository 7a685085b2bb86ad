package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.WeirdEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** ARP cache poisoning (T1557.002) seen as an IPv4 address moving to another hardware address. */
class ArpWatchTest {

    static final byte[] VICTIM_MAC = mac(0x10);
    static final byte[] GATEWAY_MAC = mac(0x01);
    static final byte[] ATTACKER_MAC = mac(0x66);
    static final byte[] VICTIM = Captures.ip4("192.168.7.10");
    static final byte[] GATEWAY = Captures.ip4("192.168.7.1");
    static final byte[] NOBODY = Captures.ip4("0.0.0.0");

    static byte[] mac(int last) {
        return new byte[] {2, 0, 0, 0, 0, (byte) last};
    }

    /** An Ethernet/IPv4 ARP request (1) or reply (2), in a frame from the sender's hardware address. */
    static byte[] arp(int op, byte[] senderMac, byte[] senderIp, byte[] targetMac, byte[] targetIp, int... vlans) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlans.length + 28);
        b.put(op == 1 ? new byte[] {-1, -1, -1, -1, -1, -1} : targetMac).put(senderMac);
        for (int vlan : vlans) {
            b.putShort((short) 0x8100).putShort((short) vlan);
        }
        b.putShort((short) 0x0806).putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4)
                .putShort((short) op).put(senderMac).put(senderIp).put(targetMac).put(targetIp);
        return b.array();
    }

    /** A victim resolves its gateway, an attacker answers too and keeps claiming the address, the gateway takes it back. */
    static Captures poisoning() {
        byte[] unknown = new byte[6];
        return new Captures()
                .add(1_000_000, arp(1, VICTIM_MAC, VICTIM, unknown, GATEWAY))
                .add(1_000_100, arp(2, GATEWAY_MAC, GATEWAY, VICTIM_MAC, VICTIM))
                .add(2_000_000, arp(2, ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM))
                .add(4_000_000, arp(2, ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM))
                .add(5_000_000, arp(1, GATEWAY_MAC, GATEWAY, unknown, GATEWAY));
    }

    static List<NetworkEvent> run(Captures c, InputLedger ledger) throws IOException {
        return PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), ledger);
    }

    @Test
    void anAddressClaimedByAnotherHardwareAddressIsAWeirdEachTimeItMoves() throws IOException {
        InputLedger ledger = new InputLedger("t");
        List<WeirdEvent> weirds = PcapCollectorTest.only(run(poisoning(), ledger), WeirdEvent.class);

        assertThat(weirds).extracting(WeirdEvent::getWeirdName).containsOnly("arp_binding_changed");
        assertThat(weirds).extracting(WeirdEvent::getWeirdAddl).containsExactly(
                "192.168.7.1 moved from 02:00:00:00:00:01 to 02:00:00:00:00:66 (reply)",
                "192.168.7.1 moved from 02:00:00:00:00:66 to 02:00:00:00:00:01 (request)");
        WeirdEvent spoof = weirds.get(0);
        assertThat(spoof.getSourceIp()).isEqualTo("192.168.7.1");
        assertThat(spoof.getDestinationIp()).isEqualTo("192.168.7.10");
        assertThat(spoof.getTs()).isEqualTo(2_000_000_000L);
        assertThat(spoof.getLogRecord()).isEqualTo(3L);
        assertThat(spoof.getEventProvider()).isEqualTo("pcap");
        assertThat(spoof.getNetworkVlanId()).isNull();
        assertThat(ledger.skippedByReason()).containsEntry("not IP: ARP request", 2L).containsEntry("not IP: ARP reply", 3L);
        assertThat(ledger.rejected()).isZero();
    }

    /**
     * arp-takeover.pcap was captured here with tcpdump on a Linux bridge between three network namespaces:
     * iputils arping resolves the gateway 10.9.0.1 (02:00:00:00:0a:01) from a victim, then an attacker
     * (02:00:00:00:0a:03) announces 10.9.0.1 with unsolicited requests (arping -U) and replies (arping -A), the
     * victim resolves the attacker's own address, and the gateway announces itself again. tshark 4.0 flags
     * frames 5 to 9 (arp.duplicate-address-detected: every frame disagreeing with the first address seen); the
     * moves are frames 5 and 12.
     */
    @Test
    void aTakeoverCapturedFromTheLinuxKernelAndArping() throws IOException {
        byte[] capture;
        try (java.io.InputStream in = ArpWatchTest.class.getResourceAsStream("arp-takeover.pcap")) {
            capture = in.readAllBytes();
        }
        InputLedger ledger = new InputLedger("arp-takeover.pcap");
        List<WeirdEvent> weirds = PcapCollectorTest.only(PcapCollectorTest.run(capture, ledger), WeirdEvent.class);

        assertThat(weirds).extracting(WeirdEvent::getLogRecord).containsExactly(5L, 12L);
        assertThat(weirds).extracting(WeirdEvent::getWeirdAddl).containsExactly(
                "10.9.0.1 moved from 02:00:00:00:0a:01 to 02:00:00:00:0a:03 (request)",
                "10.9.0.1 moved from 02:00:00:00:0a:03 to 02:00:00:00:0a:01 (request)");
        assertThat(ledger.skippedByReason()).containsEntry("not IP: ARP request", 8L).containsEntry("not IP: ARP reply", 5L);
    }

    @Test
    void flowsOnlyRunsReportNoMoves() throws IOException {
        List<NetworkEvent> events = new ArrayList<>();
        byte[] capture = poisoning().pcap(1, false, ByteOrder.LITTLE_ENDIAN);
        try (io.dscover.collect.EventSource s = new PcapCollector().open(
                io.dscover.collect.Input.ofStream("t.pcap", () -> new java.io.ByteArrayInputStream(capture)),
                new io.dscover.collect.CollectorContext(io.dscover.collect.CollectorOptions.of(Map.of("pcap.content", "false")),
                        new InputLedger("t"), List.of()))) {
            s.readAll(events::add);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void addressProbesAndOtherVlansClaimNothing() throws IOException {
        byte[] unknown = new byte[6];
        Captures c = new Captures()
                .add(1, arp(2, GATEWAY_MAC, GATEWAY, VICTIM_MAC, VICTIM, 10))
                // the same address on another VLAN is another host
                .add(2, arp(2, ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM, 20))
                // RFC 5227 probes come from 0.0.0.0 and bind nothing
                .add(3, arp(1, ATTACKER_MAC, NOBODY, unknown, GATEWAY, 10))
                .add(4, arp(1, VICTIM_MAC, NOBODY, unknown, GATEWAY, 10))
                .add(5, arp(2, GATEWAY_MAC, GATEWAY, VICTIM_MAC, VICTIM, 10))
                .add(6, arp(2, ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM, 10));
        List<WeirdEvent> weirds = PcapCollectorTest.only(run(c, new InputLedger("t")), WeirdEvent.class);

        assertThat(weirds).singleElement().satisfies(w -> {
            assertThat(w.getNetworkVlanId()).isEqualTo(10L);
            assertThat(w.getLogRecord()).isEqualTo(6L);
        });
    }

    @Test
    void aTruncatedOrForeignArpPacketIsCountedAndTheRunGoesOn() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(arp(2, ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM), 14 + 20);
        byte[] tokenRing = arp(2, ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM);
        tokenRing[15] = 6;
        Captures c = new Captures()
                .add(1, truncated)
                .add(2, tokenRing)
                .add(3, Captures.ethernet(Captures.ipv4(VICTIM, GATEWAY, 17,
                        Captures.udp(5000, 6000, "after".getBytes(StandardCharsets.US_ASCII)))));
        InputLedger ledger = new InputLedger("t");
        List<NetworkEvent> events = run(c, ledger);

        assertThat(ledger.rejectedByReason()).containsEntry("malformed packet", 1L);
        assertThat(ledger.examples()).anySatisfy(p -> {
            assertThat(p.location()).contains("packet 1");
            assertThat(p.detail()).isEqualTo("ARP packet truncated: 20 bytes");
        });
        assertThat(ledger.skippedByReason()).containsEntry("not IP: ARP other than Ethernet/IPv4 request or reply", 1L);
        assertThat(PcapCollectorTest.only(events, FlowEvent.class)).hasSize(1);
        assertThat(PcapCollectorTest.only(events, WeirdEvent.class)).isEmpty();
    }

    @Test
    void linuxCookedCapturesAreWatchedToo() throws IOException {
        Captures c = new Captures();
        for (Captures.Packet p : poisoning().packets) {
            ByteBuffer sll = ByteBuffer.allocate(16 + p.frame().length - 14);
            sll.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(p.frame(), 6, 6).putShort((short) 0)
                    .putShort((short) 0x0806).put(p.frame(), 14, p.frame().length - 14);
            c.add(p.tsMicros(), sll.array());
        }
        List<WeirdEvent> weirds = PcapCollectorTest.only(
                PcapCollectorTest.run(c.pcap(113, false, ByteOrder.BIG_ENDIAN), new InputLedger("t")), WeirdEvent.class);
        assertThat(weirds).hasSize(2);
    }

    /** Any sequence of claims gives one weird per claim whose hardware address differs from the last one for its VLAN and address. */
    @Property(tries = 100)
    void everyMoveAndNothingElseIsReported(@ForAll @Size(max = 60) List<@IntRange(max = 63) Integer> claims) throws IOException {
        Captures c = new Captures();
        Map<String, Integer> last = new HashMap<>();
        List<String> expected = new ArrayList<>();
        long t = 1;
        for (int claim : claims) {
            int address = claim & 3;
            int hardware = (claim >> 2) & 3;
            int vlan = (claim >> 4) & 1;
            int op = 1 + ((claim >> 5) & 1);
            byte[] ip = Captures.ip4("10.0.0." + (address + 1));
            c.add(t++, arp(op, mac(hardware), ip, new byte[6], VICTIM, 100 + vlan));
            Integer before = last.put(vlan + "/" + address, hardware);
            if (before != null && before != hardware) {
                expected.add("10.0.0." + (address + 1) + " moved from " + "02:00:00:00:00:0" + before + " to 02:00:00:00:00:0"
                        + hardware + (op == 2 ? " (reply)" : " (request)"));
            }
        }
        InputLedger ledger = new InputLedger("t");
        List<WeirdEvent> weirds = PcapCollectorTest.only(run(c, ledger), WeirdEvent.class);
        assertThat(weirds).extracting(WeirdEvent::getWeirdAddl).containsExactlyElementsOf(expected);
        assertThat(ledger.rejected()).isZero();
    }

    @Test
    void pastTenThousandMovesTheyAreOnlyCounted() throws IOException {
        Captures c = new Captures();
        for (int i = 0; i <= 10_001; i++) {
            c.add(i + 1, arp(2, i % 2 == 0 ? GATEWAY_MAC : ATTACKER_MAC, GATEWAY, VICTIM_MAC, VICTIM));
        }
        InputLedger ledger = new InputLedger("t");
        assertThat(PcapCollectorTest.only(run(c, ledger), WeirdEvent.class)).hasSize(10_000);
        assertThat(ledger.skippedByReason()).containsEntry("ARP binding changes past 10000 (no more weird events)", 1L);
    }

    /** Hostile ARP frames of any length and content are counted, never thrown. */
    @Property(tries = 300)
    void mangledArpFramesAreCountedNeverThrown(@ForAll @Size(max = 80) byte[] arpBody) throws IOException {
        byte[] frame = new byte[14 + arpBody.length];
        frame[12] = 0x08;
        frame[13] = 0x06;
        System.arraycopy(arpBody, 0, frame, 14, arpBody.length);
        InputLedger ledger = new InputLedger("t");
        run(new Captures().add(1, frame).add(2, frame), ledger);
        long arpSkips = ledger.skippedByReason().entrySet().stream().filter(e -> e.getKey().startsWith("not IP: ARP"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(arpSkips + ledger.rejected()).isEqualTo(2);
    }

    /**
     * The corpus holds benign LANs (an nmap ARP sweep, a Wikipedia session, ARP inside VXLAN): every ARP frame
     * tshark dissected is counted, and no address moves.
     */
    @Test
    void corpusArpFramesAreAllCountedAndNoneMovesAnAddress() throws IOException {
        Path corpus = Path.of("../shared/corpus/pcap");
        Assumptions.assumeTrue(Files.isDirectory(corpus));
        for (String name : List.of("nmap-arp-tcp80-scan", "dns-http-wikipedia", "vxlan-tunnel")) {
            Path tsv = corpus.resolve(name + ".tshark/packets.tsv");
            long tsharkArp;
            try (Stream<String> lines = Files.lines(tsv)) {
                tsharkArp = lines.skip(1).filter(l -> l.split("\t", 5)[3].contains(":arp")).count();
            }
            InputLedger ledger = new InputLedger(name);
            List<NetworkEvent> events = PcapCollectorTest.run(Files.readAllBytes(corpus.resolve(name + ".pcap")), ledger);
            long counted = ledger.skippedByReason().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("not IP: ARP")).mapToLong(e -> e.getValue()).sum();
            assertThat(counted).as(name).isEqualTo(tsharkArp).isPositive();
            assertThat(PcapCollectorTest.only(events, WeirdEvent.class)).as(name).isEmpty();
        }
    }
}
