package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.NetworkEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * LLMNR, NBNS and mDNS, the link-local name services a poisoner answers (T1557.001), come out as
 * {@code dns} events told apart by {@code dns.protocol}, whichever way their connection is oriented.
 */
class NameResolutionTest {

    static final byte[] VICTIM = Captures.ip4("192.168.7.10");
    static final byte[] ATTACKER = Captures.ip4("192.168.7.66");
    static final byte[] GATEWAY = Captures.ip4("192.168.7.1");

    static byte[] name(String dotted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : dotted.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    /** RFC 1001 first-level encoding: 15 characters padded with spaces, the suffix byte, each nibble a letter A-P. */
    static byte[] netbiosName(String name, int suffix) {
        byte[] raw = new byte[16];
        byte[] chars = String.format(Locale.ROOT, "%-15s", name.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chars, 0, raw, 0, 15);
        raw[15] = (byte) suffix;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(32);
        for (byte c : raw) {
            out.write('A' + ((c >> 4) & 0xf));
            out.write('A' + (c & 0xf));
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] query(int id, int flags, byte[] qname, int qtype) {
        return ByteBuffer.allocate(12 + qname.length + 4).putShort((short) id).putShort((short) flags).putShort((short) 1)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).put(qname).putShort((short) qtype)
                .putShort((short) 1).array();
    }

    /** A response with one answer; LLMNR echoes the question, NBNS and mDNS responses have none. */
    static byte[] response(int id, int flags, byte[] qname, int qtype, boolean withQuestion, int ttl, byte[] rdata) {
        ByteBuffer b = ByteBuffer.allocate(12 + (withQuestion ? qname.length + 4 : 0) + qname.length + 10 + rdata.length);
        b.putShort((short) id).putShort((short) flags).putShort((short) (withQuestion ? 1 : 0)).putShort((short) 1)
                .putShort((short) 0).putShort((short) 0);
        if (withQuestion) {
            b.put(qname).putShort((short) qtype).putShort((short) 1);
        }
        b.put(qname).putShort((short) qtype).putShort((short) 1).putInt(ttl).putShort((short) rdata.length).put(rdata);
        return b.array();
    }

    static byte[] udpFrame(byte[] src, byte[] dst, int sport, int dport, byte[] payload) {
        return Captures.ethernet(Captures.ipv4(src, dst, 17, Captures.udp(sport, dport, payload)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * A victim asks the link for a file server by LLMNR and by NBNS broadcast; an attacker answers both
     * with its own address. A printer announces itself by mDNS. The same packets, written with Python,
     * read by tshark 4.x as llmnr, nbns and mdns with the same names and answers.
     */
    static Captures poisoning() {
        byte[] llmnrName = name("fileserv");
        byte[] nbName = netbiosName("fileserv", 0x20);
        byte[] mdnsName = name("printer.local");
        return new Captures()
                .add(10_000_000, udpFrame(VICTIM, Captures.ip4("224.0.0.252"), 55131, 5355, query(0x4a11, 0, llmnrName, 1)))
                .add(10_002_000, udpFrame(ATTACKER, VICTIM, 5355, 55131,
                        response(0x4a11, 0x8000, llmnrName, 1, true, 30, ATTACKER)))
                .add(11_000_000, udpFrame(VICTIM, Captures.ip4("192.168.7.255"), 137, 137, query(0x8101, 0x0110, nbName, 32)))
                .add(11_001_000, udpFrame(ATTACKER, VICTIM, 137, 137,
                        response(0x8101, 0x8500, nbName, 32, false, 165, concat(new byte[2], ATTACKER))))
                .add(12_000_000, udpFrame(VICTIM, Captures.ip4("224.0.0.251"), 5353, 5353, query(0, 0, mdnsName, 1)))
                .add(12_001_000, udpFrame(GATEWAY, Captures.ip4("224.0.0.251"), 5353, 5353,
                        response(0, 0x8400, mdnsName, 1, false, 120, GATEWAY)));
    }

    static List<DnsEvent> dns(Captures c, InputLedger ledger) throws IOException {
        return PcapCollectorTest.only(PcapCollectorTest.run(c.pcap(1, false, ByteOrder.LITTLE_ENDIAN), ledger), DnsEvent.class);
    }

    @Test
    void llmnrQueryAndTheUnicastAnswerOfAPoisonerAreDnsEventsOfProtocolLlmnr() throws IOException {
        List<DnsEvent> llmnr = dns(poisoning(), new InputLedger("t")).stream()
                .filter(e -> "llmnr".equals(e.getDnsProtocol())).toList();

        assertThat(llmnr).hasSize(2).allSatisfy(e -> {
            assertThat(e.getDnsQuestionName()).isEqualTo("fileserv");
            assertThat(e.getDnsQuestionType()).isEqualTo("A");
        });
        DnsEvent asked = llmnr.get(0);
        assertThat(asked.getDestinationIp()).isEqualTo("224.0.0.252");
        assertThat(asked.getDnsAnswers()).isNull();
        // the answer comes from another address, so it is another connection, oriented towards port 5355
        DnsEvent answered = llmnr.get(1);
        assertThat(answered.getSourceIp()).isEqualTo("192.168.7.10");
        assertThat(answered.getDestinationIp()).isEqualTo("192.168.7.66");
        assertThat(answered.getDestinationPort()).isEqualTo(5355L);
        assertThat(answered.getDnsAnswers()).containsExactly("192.168.7.66");
        assertThat(answered.getDnsResponseCode()).isEqualTo("NOERROR");
    }

    @Test
    void nbnsNamesAreDecodedAndTheBroadcastFlagIsNamed() throws IOException {
        List<DnsEvent> nbns = dns(poisoning(), new InputLedger("t")).stream()
                .filter(e -> "nbns".equals(e.getDnsProtocol())).toList();

        assertThat(nbns).hasSize(2).allSatisfy(e -> {
            assertThat(e.getDnsQuestionName()).isEqualTo("FILESERV");
            assertThat(e.getDnsId()).isEqualTo(0x8101L);
        });
        assertThat(nbns.get(0).getDnsHeaderFlags()).containsExactly("RD", "B");
        assertThat(nbns.get(1).getSourceIp()).isEqualTo("192.168.7.66");
        assertThat(nbns.get(1).getDnsHeaderFlags()).containsExactly("AA", "RD");
        assertThat(nbns.get(1).getDnsAnswers()).containsExactly("192.168.7.66");
        assertThat(nbns.get(1).getDnsAnswerTtls()).containsExactly(165L);
    }

    @Test
    void mdnsAnnouncementsWithoutAQuestionAreLoggedUnderTheAnswersName() throws IOException {
        List<DnsEvent> mdns = dns(poisoning(), new InputLedger("t")).stream()
                .filter(e -> "mdns".equals(e.getDnsProtocol())).toList();

        assertThat(mdns).extracting(DnsEvent::getDnsQuestionName).containsExactly("printer.local", "printer.local");
        assertThat(mdns.get(1).getDnsAnswers()).containsExactly("192.168.7.1");
        assertThat(mdns.get(1).getDnsHeaderFlags()).containsExactly("AA");
    }

    @Test
    void ordinaryDnsIsProtocolDns() throws IOException {
        Captures c = new Captures()
                .add(1, udpFrame(VICTIM, GATEWAY, 40000, 53, query(7, 0x0100, name("example.com"), 1)))
                .add(2, udpFrame(GATEWAY, VICTIM, 53, 40000, response(7, 0x8180, name("example.com"), 1, true, 60,
                        Captures.ip4("192.0.2.7"))));
        assertThat(dns(c, new InputLedger("t"))).singleElement().satisfies(e -> {
            assertThat(e.getDnsProtocol()).isEqualTo("dns");
            assertThat(e.getDnsHeaderFlags()).containsExactly("RD", "RA");
        });
    }

    /**
     * Every LLMNR, NBNS and mDNS message tshark dissects in the corpus is in a dns event of that protocol, with
     * the same name (NBNS: without the suffix tshark shows in angle brackets, as Zeek logs it).
     */
    @Test
    void corpusLinkLocalNameQueriesAgreeWithTshark() throws IOException {
        Path corpus = Path.of("../shared/corpus/pcap");
        Assumptions.assumeTrue(Files.isDirectory(corpus));
        int compared = 0;
        for (String capture : List.of("dns-http-wikipedia", "dns-tunnel-txt-longnames", "teredo-tunnel", "smtp-attachment")) {
            Path tsv = corpus.resolve(capture + ".tshark/packets.tsv");
            Map<String, List<String>> tshark = new TreeMap<>();
            try (Stream<String> lines = Files.lines(tsv)) {
                List<String> rows = lines.toList();
                List<String> header = List.of(rows.get(0).split("\t", -1));
                int protocols = header.indexOf("frame.protocols");
                int qname = header.indexOf("dns.qry.name");
                for (String row : rows.subList(1, rows.size())) {
                    String[] f = row.split("\t", -1);
                    String service = lastOf(f[protocols], "llmnr", "nbns", "mdns");
                    if (service != null && !service.equals("nbns")) {
                        tshark.computeIfAbsent(service, k -> new ArrayList<>()).add(f[qname].split(",")[0].toLowerCase(Locale.ROOT));
                    } else if (service != null) {
                        tshark.computeIfAbsent(service, k -> new ArrayList<>()).add("?");
                    }
                }
            }
            List<DnsEvent> events = PcapCollectorTest.only(
                    PcapCollectorTest.run(Files.readAllBytes(corpus.resolve(capture + ".pcap")), new InputLedger(capture)),
                    DnsEvent.class);
            for (Map.Entry<String, List<String>> e : tshark.entrySet()) {
                List<DnsEvent> ours = events.stream().filter(d -> e.getKey().equals(d.getDnsProtocol())).toList();
                // a query and its response in one connection are one event; none of these were answered in-connection
                assertThat(ours).as("%s %s", capture, e.getKey()).hasSameSizeAs(e.getValue());
                if (!e.getKey().equals("nbns")) {
                    // messages without a question (mDNS announcements) have no name in tshark's dns.qry.name
                    List<String> asked = e.getValue().stream().filter(n -> !n.isEmpty()).toList();
                    assertThat(ours.stream().map(DnsEvent::getDnsQuestionName).toList())
                            .as("%s %s names", capture, e.getKey()).containsAll(asked);
                }
                compared += ours.size();
            }
        }
        assertThat(compared).isPositive();
    }

    /** Zeek logs an mDNS announcement under its first answer's owner name: so do we (Zeek's baseline, 4 of 4). */
    @Test
    void corpusMdnsNamesAgreeWithZeek() throws IOException {
        Path corpus = Path.of("../shared/corpus/pcap");
        Path zeekDns = corpus.resolve("dns-http-wikipedia.zeek/dns.log");
        Assumptions.assumeTrue(Files.exists(zeekDns));
        List<String> zeek;
        try (Stream<String> lines = Files.lines(zeekDns)) {
            zeek = lines.filter(l -> !l.startsWith("#")).map(l -> l.split("\t", -1))
                    .filter(f -> f[3].equals("5353") || f[5].equals("5353")).map(f -> f[9]).sorted().toList();
        }
        List<String> ours = PcapCollectorTest.only(PcapCollectorTest.run(
                        Files.readAllBytes(corpus.resolve("dns-http-wikipedia.pcap")), new InputLedger("w")), DnsEvent.class)
                .stream().filter(d -> "mdns".equals(d.getDnsProtocol())).map(DnsEvent::getDnsQuestionName).sorted().toList();
        assertThat(zeek).hasSize(4);
        assertThat(ours).isEqualTo(zeek);
    }

    private static String lastOf(String protocols, String... services) {
        for (String s : services) {
            if (protocols.endsWith(":" + s)) {
                return s;
            }
        }
        return null;
    }
}
