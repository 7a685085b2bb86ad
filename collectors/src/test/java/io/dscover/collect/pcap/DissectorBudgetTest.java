package io.dscover.collect.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import io.dscover.collect.pcap.flow.FlowSettings;
import io.dscover.collect.pcap.flow.FlowTracker;
import io.dscover.collect.pcap.read.CaptureReader;
import io.dscover.collect.pcap.read.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dissectors of all connections share one counted memory budget ({@code pcap.dissector-memory}),
 * as the stream reassemblers share theirs: a capture of many connections that each leave a
 * dissector holding a partial message cannot add up past the heap. The hostile capture is
 * {@link HandshakeFlood}: every connection sends the first 1,400 bytes of a 16 KiB TLS
 * ClientHello and stops, so each TLS dissector would hold 1,395 bytes (the record header is not
 * buffered) until the end of the capture.
 */
class DissectorBudgetTest {

    /** What each partial handshake holds: the payload less the 5-byte record header. */
    static final int HELD_PER_HANDSHAKE = HandshakeFlood.PAYLOAD - 5;
    static final String SPENT =
            "dissector memory budget spent (pcap.dissector-memory): content of a connection not analysed";

    @Test
    void theBudgetIsNeverExceededAndIsAllGivenBackWhenTheConnectionsEnd() throws IOException {
        int connections = 3000;
        long budget = 1L << 20;
        FlowSettings d = FlowSettings.defaults();
        FlowSettings settings = new FlowSettings(d.tcpTimeout(), d.udpTimeout(), d.icmpTimeout(), d.maxFlows(),
                d.streamCap(), false, true, budget);
        InputLedger ledger = new InputLedger("flood");
        List<Long> inUse = new ArrayList<>();
        FlowTracker tracker = new FlowTracker(settings, "flood", ledger, e -> {
        });
        try (CaptureReader reader = CaptureReader.open(new HandshakeFlood(connections), ledger)) {
            Frame f = new Frame();
            while (reader.next(f)) {
                tracker.frame(f.linkType(), f.data(), f.capturedLength(), f.tsNanos(), f.tsDigits(), f.number(), f.offset());
                inUse.add(tracker.dissectorMemoryInUse());
            }
        }
        long kept = budget / HELD_PER_HANDSHAKE;
        assertThat(inUse).allSatisfy(u -> assertThat(u).isLessThanOrEqualTo(budget));
        assertThat(tracker.dissectorMemoryInUse()).isEqualTo(kept * HELD_PER_HANDSHAKE);
        assertThat(ledger.skippedByReason()).containsEntry(SPENT, connections - kept);
        tracker.close();
        assertThat(tracker.dissectorMemoryInUse()).as("every connection ended and gave its share back").isZero();
    }

    @Test
    void sixtyThousandHalfFinishedHandshakesRunInA160MegabyteHeap() throws Exception {
        // without the budget the partial handshakes alone would need 60,000 x 1,395 bytes = 84 MB
        // on top of the connections themselves (about 1.3 KB each), which is more than this heap
        Map<String, String> out = runInChildJvm("160m", 60_000, "pcap.dissector-memory=16777216");
        assertThat(out).containsEntry("packets", "180000");
        assertThat(out).containsEntry("ledger " + SPENT, String.valueOf(60_000 - (16L << 20) / HELD_PER_HANDSHAKE));
        assertThat(Long.parseLong(out.get("live-heap-at-end"))).isLessThan(160L << 20);
    }

    @Test
    @Tag("soak")
    void twoHundredThousandHalfFinishedHandshakesRunInA384MegabyteHeapWithTheDefaultBudget() throws Exception {
        Map<String, String> out = runInChildJvm("384m", 200_000);
        assertThat(out).containsEntry("packets", "600000");
        assertThat(out).containsEntry("ledger " + SPENT, String.valueOf(200_000 - (64L << 20) / HELD_PER_HANDSHAKE));
    }

    /** Runs {@link HandshakeFlood#main} in a JVM with {@code heap}; its output lines as key and value. */
    static Map<String, String> runInChildJvm(String heap, int connections, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HandshakeFlood.class.getName(), String.valueOf(connections)));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Map<String, String> values = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                values.put(f[0], f[1]);
            } else if (f.length == 3) {
                values.put(f[0] + " " + f[1], f[2]);
            }
        }
        return values;
    }
}
