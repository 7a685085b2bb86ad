package io.dscover.collect.cloud.aws;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.model.event.FlowEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The AWS text parse benchmark (run by {@code benchmarks/cloud/run.sh}, not by the build): reads a
 * flow log file through the collector — line splitting, field parsing, addresses, community id,
 * one {@code flow} event per record — sums the bytes field like the awk reference, and prints the
 * records per second of each run and their median. Single-threaded: the figure is per core.
 */
public final class AwsParseBench {

    private AwsParseBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        AwsVpcFlowCollector aws = new AwsVpcFlowCollector();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        long sum = 0;
        long records = 0;
        for (int r = -1; r < runs; r++) { // run -1 warms the JIT up and is not counted
            InputLedger ledger = new InputLedger(file.toString());
            long[] bytes = {0};
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (EventSource s = aws.open(Input.of(file), CollectorContext.of(ledger))) {
                s.readAll(e -> {
                    Long b = ((FlowEvent) e).getSourceBytes();
                    if (b != null) {
                        bytes[0] += b;
                    }
                });
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            records = ledger.recordsRead();
            sum = bytes[0];
            if (r >= 0) {
                rates[r] = records / ((t1 - t0) / 1e9);
                cpuRates[r] = records / ((c1 - c0) / 1e9);
                System.out.printf("run %d: %,d records in %.3f s wall (%,.0f records/s), %.3f s CPU (%,.0f records/s)"
                        + " (rejected %d)%n", r + 1, records, (t1 - t0) / 1e9, rates[r], (c1 - c0) / 1e9, cpuRates[r],
                        ledger.rejected());
            }
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] cpuSorted = cpuRates.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("dscover aws-vpc: median %,.0f records/s wall, %,.0f records per CPU-second, over %d runs;"
                + " bytes sum %d%n", sorted[runs / 2], cpuSorted[runs / 2], runs, sum);
    }
}
