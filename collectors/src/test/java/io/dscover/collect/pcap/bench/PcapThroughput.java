package io.dscover.collect.pcap.bench;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.pcap.PcapCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Collector-only throughput (no JSON output): {@code PcapThroughput FILE [content=true|false] [rounds]}.
 * Each round reads the whole file; prints wall time, the reading thread's CPU time, packets/s and
 * MB/s per round, so JIT warm-up shows in the first round and steady state in the others.
 * Run by benchmarks/pcap/run.sh.
 */
public final class PcapThroughput {

    private PcapThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean content = args.length < 2 || Boolean.parseBoolean(args[1].replace("content=", ""));
        int rounds = args.length < 3 ? 3 : Integer.parseInt(args[2]);
        long bytes = Files.size(file);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= rounds; r++) {
            InputLedger ledger = new InputLedger(file.toString());
            long[] events = {0};
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (EventSource s = new PcapCollector().open(Input.of(file), new CollectorContext(
                    CollectorOptions.empty().with("pcap.content", String.valueOf(content)), ledger, java.util.List.of()))) {
                s.readAll(e -> events[0]++);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("round %d: %d packets, %d events, wall %.2f s, thread cpu %.2f s, %.0f pkt/s, %.1f MB/s (per cpu s), heap used %d MB%n",
                    r, ledger.recordsRead(), events[0], wall, cpu, ledger.recordsRead() / cpu, bytes / 1048576.0 / cpu,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }
}
