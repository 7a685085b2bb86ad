package io.dscover.collect.zeek;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ZeekThroughput FILE RUNS}: reads a Zeek log RUNS times through the collector into events
 * (the events are consumed, not printed) on one thread, and prints per run the records per second
 * of wall time and per second of CPU time of the whole process (JIT and GC included), then the
 * medians. CPU time is the "per core" figure and holds up on a busy machine where wall time does not.
 * Used by {@code benchmarks/zeek/run.sh}; the JVM's -Xmx there shows memory stays flat.
 */
public final class ZeekThroughput {

    private static long sink;

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ZeekCollector collector = new ZeekCollector();
        for (int run = 0; run < runs; run++) {
            InputLedger ledger = new InputLedger(file.toString());
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            long events = 0;
            try (EventSource source = collector.open(Input.of(file), CollectorContext.of(ledger))) {
                long[] count = new long[1];
                source.readAll(e -> {
                    count[0]++;
                    sink += consume(e);
                });
                events = count[0];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            rates[run] = ledger.recordsRead() / seconds;
            cpuRates[run] = ledger.recordsRead() / cpuSeconds;
            System.out.printf("run %d: %,d records, %,d events, %.2f s wall, %.2f s cpu, %,.0f records/s wall, "
                    + "%,.0f records/cpu-s, rejected %d%n", run + 1, ledger.recordsRead(), events, seconds, cpuSeconds,
                    rates[run], cpuRates[run], ledger.rejected());
        }
        System.out.printf("median %,.0f records/s wall, %,.0f records/cpu-s; best %,.0f records/cpu-s (sink %d)%n",
                median(rates), median(cpuRates), Arrays.stream(cpuRates).max().orElse(0), sink & 1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long consume(NetworkEvent e) {
        return e.getTs() ^ (e.getSourcePort() == null ? 0 : e.getSourcePort()) ^ e.getNetworkCommunityId().length();
    }
}
