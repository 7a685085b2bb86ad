package io.dscover.rules.bench;

import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EngineRule;
import io.dscover.rules.engine.EngineRun;
import io.dscover.rules.engine.EventStream;
import io.dscover.rules.engine.RunSummary;
import io.dscover.rules.engine.TimeOrderedMerge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark run in this JVM; {@code benchmarks/engine/run.sh} runs it several times in fresh JVMs
 * and reports medians and ratios. Prints one {@code RESULT key=value ...} line.
 *
 * <pre>
 * --rules realistic | alpha50 | alpha200 | library   (library: the built-in .det rules, compiled by the DSL)
 * --impl drools | java | generate      (generate: the event generator alone)
 * --traffic flows | zeek               (zeek: connection + flow per row, dns for DNS rows; default: zeek for
 *                                       the library, flows otherwise)
 * --events N  --rate EVENTS_PER_SECOND  --threads MATCHER_THREADS  --merge (through TimeOrderedMerge)
 * --cache DIR (kjar cache)
 * </pre>
 */
public final class EngineBenchmark {

    public static void main(String[] args) throws Exception {
        String rules = "realistic";
        String impl = "drools";
        long events = 10_000_000;
        double rate = 2_000;
        int threads = 1;
        boolean merge = false;
        Path cache = null;
        String traffic = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--traffic" -> traffic = args[++i];
                case "--rules" -> rules = args[++i];
                case "--impl" -> impl = args[++i];
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--merge" -> merge = true;
                case "--cache" -> cache = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Map<String, Long> alerts = new TreeMap<>();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long compileMs = 0;
        long cpuStart = 0;
        long start;
        long half = 0;
        long halfAt = events / 2;
        if (traffic == null) {
            traffic = rules.equals("library") ? "zeek" : "flows";
        }
        EventStream stream = traffic.equals("zeek") ? SyntheticFlows.zeek(events, rate)
                : SyntheticFlows.standard(events, rate);
        String extra = "";
        switch (impl) {
            case "generate" -> {
                cpuStart = os.getProcessCpuTime();
                start = System.nanoTime();
                long n = 0;
                long sum = 0;
                NetworkEvent e;
                while ((e = stream.next()) != null) {
                    sum += e.getTs();
                    if (++n == halfAt) {
                        half = System.nanoTime();
                    }
                }
                extra = " checksum=" + (sum & 0xffff);
            }
            case "java" -> {
                cpuStart = os.getProcessCpuTime();
                start = System.nanoTime();
                long n = 0;
                if (rules.equals("realistic")) {
                    PlainJavaRealistic java = new PlainJavaRealistic();
                    NetworkEvent e;
                    while ((e = stream.next()) != null) {
                        java.accept((FlowEvent) e);
                        if (++n == halfAt) {
                            half = System.nanoTime();
                        }
                    }
                    java.finish();
                    alerts.putAll(java.alerts());
                    extra = " checksum=" + (java.sink() & 0xffff);
                } else {
                    List<AlphaRules.Rule> alpha = AlphaRules.generate(alphaCount(rules));
                    long matches = 0;
                    long sink = 0;
                    NetworkEvent e;
                    while ((e = stream.next()) != null) {
                        FlowEvent f = (FlowEvent) e;
                        for (AlphaRules.Rule r : alpha) {
                            if (r.test(f)) {
                                matches++;
                                Alert a = new Alert(f.getTs(), f.getTsPrecision(), ALPHA_INFO, io.dscover.rules.alert.AlertKind.MATCH,
                                        f.getEventComponent(), null, null, null, null, null,
                                        io.dscover.rules.alert.FlowTuple.of(f),
                                        List.of(io.dscover.rules.alert.Evidence.of(f)), null);
                                sink += a.tsNanos();
                            }
                        }
                        if (++n == halfAt) {
                            half = System.nanoTime();
                        }
                    }
                    alerts.put("all", matches);
                    extra = " checksum=" + (sink & 0xffff);
                }
            }
            case "drools" -> {
                String drl;
                List<EngineRule> engineRules;
                if (rules.equals("realistic")) {
                    drl = RealisticRules.drl();
                    engineRules = RealisticRules.engineRules();
                } else if (rules.equals("library")) {
                    io.dscover.dsl.spec.CompiledRuleSet set = io.dscover.rules.ruleset.BuiltInLibrary.compile().ruleSet()
                            .orElseThrow(() -> new IllegalStateException("the built-in library does not compile"));
                    drl = set.drl();
                    engineRules = io.dscover.rules.ruleset.EngineRules.of(set);
                } else {
                    List<AlphaRules.Rule> alpha = AlphaRules.generate(alphaCount(rules));
                    drl = AlphaRules.drl(alpha);
                    engineRules = AlphaRules.engineRules(alpha);
                }
                Engine engine = Engine.builder().drl(drl).rules(engineRules).matcherThreads(threads).kjarCache(cache)
                        .build();
                compileMs = engine.compileMillis();
                boolean alpha = rules.startsWith("alpha");
                cpuStart = os.getProcessCpuTime();
                start = System.nanoTime();
                long n = 0;
                RunSummary summary;
                String split;
                EventStream input = merge ? new TimeOrderedMerge(List.of(stream), Duration.ofSeconds(5)) : stream;
                try (EngineRun run = engine.start(a -> alerts.merge(alpha ? "all" : a.ruleId()
                        + (a.kind() == io.dscover.rules.alert.AlertKind.STROBE ? "(strobe)" : ""), 1L, Long::sum))) {
                    NetworkEvent e;
                    while ((e = input.next()) != null) {
                        run.accept(e);
                        if (++n == halfAt) {
                            half = System.nanoTime();
                        }
                    }
                    summary = run.finish();
                    split = threadCpu();
                }
                long evictions = summary.rules().stream().mapToLong(RunSummary.RuleSummary::evictions).sum();
                extra = " cached=" + engine.fromCache() + " out_of_order=" + summary.outOfOrder() + " evictions="
                        + evictions + " rule_errors=" + summary.ruleErrors() + " rule_count=" + engineRules.size()
                        + split;
            }
            default -> throw new IllegalArgumentException("unknown --impl " + impl);
        }
        long end = System.nanoTime();
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double load = os.getSystemLoadAverage();
        double seconds = (end - start) / 1e9;
        double secondHalf = (end - half) / 1e9;
        long total = alerts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("RESULT rules=%s traffic=" + traffic + " impl=%s threads=%d events=%d seconds=%.2f eps=%.0f eps_second_half=%.0f "
                        + "cpu_seconds=%.2f eps_per_cpu_second=%.0f load=%.1f compile_ms=%d alerts=%d%s by_rule=%s%n",
                rules, impl, threads, events, seconds, events / seconds, (events - halfAt) / secondHalf, cpuSeconds,
                events / cpuSeconds, load, compileMs, total, extra,
                alerts.toString().replace(" ", ""));
    }

    /** CPU seconds of the engine's threads (matchers run Drools, the state thread the windows): where the time went. */
    private static String threadCpu() {
        java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder sb = new StringBuilder(" main_cpu_s=" + String.format("%.2f", tm.getCurrentThreadCpuTime() / 1e9));
        for (java.lang.management.ThreadInfo t : tm.getThreadInfo(tm.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("dscover-")) {
                sb.append(' ').append(t.getThreadName().replace("dscover-", "")).append("_cpu_s=")
                        .append(String.format("%.2f", tm.getThreadCpuTime(t.getThreadId()) / 1e9));
            }
        }
        return sb.toString();
    }

    private static final io.dscover.rules.alert.RuleInfo ALPHA_INFO =
            new io.dscover.rules.alert.RuleInfo("alpha", "alpha", io.dscover.rules.alert.Severity.LOW, List.of());

    private static int alphaCount(String rules) {
        return switch (rules) {
            case "alpha50" -> 50;
            case "alpha200" -> 200;
            default -> throw new IllegalArgumentException("unknown --rules " + rules);
        };
    }
}
