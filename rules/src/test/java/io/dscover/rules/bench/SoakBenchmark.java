package io.dscover.rules.bench;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EngineRun;
import io.dscover.rules.engine.RunSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory soak: N synthetic events through the built-in library ({@code --rules library}, the default, on
 * Zeek-like traffic) or the realistic rule set ({@code --rules realistic}, flows), heap used after a full GC sampled
 * every {@code --every} events. Run with {@code -Xmx512m}. Prints {@code SAMPLE} lines and a
 * {@code RESULT} line with the spread (max - min) / min of all samples and of the steady ones: taken
 * after twice the longest span (the 6 h beacon window), by when windows are full and the groups
 * idle since before them have had their second chance and gone (see GroupTable).
 */
public final class SoakBenchmark {

    public static void main(String[] args) throws Exception {
        long events = 10_000_000;
        double rate = 40;
        long every = 1_000_000;
        int threads = 1;
        Path cache = null;
        String rules = "library";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = args[++i];
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--every" -> every = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Engine.Builder builder = Engine.builder().matcherThreads(threads).kjarCache(cache);
        boolean library = rules.equals("library");
        if (library) {
            io.dscover.dsl.spec.CompiledRuleSet set = io.dscover.rules.ruleset.BuiltInLibrary.compile().ruleSet()
                    .orElseThrow(() -> new IllegalStateException("the built-in library does not compile"));
            builder.drl(set.drl()).rules(io.dscover.rules.ruleset.EngineRules.of(set));
        } else {
            builder.drl(RealisticRules.drl()).rules(RealisticRules.engineRules());
        }
        Engine engine = builder.build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // the library's Zeek-like traffic has about 2.1 events a row
        long steadyAfter = (long) (2 * 6 * 3600 * rate * (library ? 2.1 : 1));
        List<Double> steady = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        long[] alerts = new long[1];
        long start = System.nanoTime();
        SyntheticFlows flows = library ? SyntheticFlows.zeek(events, rate) : SyntheticFlows.standard(events, rate);
        try (EngineRun run = engine.start(a -> alerts[0]++)) {
            NetworkEvent e;
            long n = 0;
            while ((e = flows.next()) != null) {
                run.accept(e);
                if (++n % every == 0) {
                    System.gc();
                    double mb = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
                    RunSummary s = run.summary();
                    long groups = s.rules().stream().mapToLong(RunSummary.RuleSummary::groups).sum();
                    long evictions = s.rules().stream().mapToLong(RunSummary.RuleSummary::evictions).sum();
                    System.out.printf("SAMPLE events=%d heap_after_gc_mb=%.1f state_mb=%.1f state_limit_mb=%.1f groups=%d "
                            + "evictions=%d alerts=%d event_hours=%.1f%n", n, mb, s.stateBytes() / 1048576.0,
                            s.stateBytesLimit() / 1048576.0, groups, evictions, alerts[0], (e.getTs() - SyntheticFlows.START) / 3.6e12);
                    all.add(mb);
                    if (n > steadyAfter) {
                        steady.add(mb);
                    }
                }
            }
            run.finish();
        }
        double min = steady.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = steady.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double allMin = all.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double allMax = all.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        System.out.printf("RESULT soak rules=" + rules + " rule_count=" + engine.rules().size() + " events=%d rate=%.0f xmx_mb=%d seconds=%.1f samples=%d min_mb=%.1f max_mb=%.1f "
                        + "spread_all=%.3f steady_after=%d steady_samples=%d steady_min_mb=%.1f steady_max_mb=%.1f "
                        + "steady_spread=%.3f alerts=%d%n", events, rate, Runtime.getRuntime().maxMemory() / 1048576,
                (System.nanoTime() - start) / 1e9, all.size(), allMin, allMax, (allMax - allMin) / allMin, steadyAfter,
                steady.size(), min, max, (max - min) / min, alerts[0]);
    }
}
