package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.AlertSink;
import io.dscover.rules.state.GroupTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * A compiled rule set, ready to replay events: the KieBase built from the rules' DRL, and what the
 * engine must know of each rule (metadata for alerts, configuration of its state machine).
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *         .drl(drlText)
 *         .rule(new EngineRule.Aggregate(info, AggregateWindowConfig.of(...)))
 *         .kjarCache(cacheDir)
 *         .build();                                   // compiles, or reloads the cached kjar
 * RunSummary s = engine.run(List.of(input1, input2), alerts::add);
 * }</pre>
 *
 * <p>The DRL follows the contract of {@link io.dscover.dsl.runtime.DetectionActions}: a global
 * {@code dscover} of that type, per-event rules calling {@code dscover.alert(id, $e)}, aggregate,
 * sequence and beacon rules calling the matching method. Drools matches; the engine keeps all window
 * state. An Engine is immutable and can run any number of times (each run has fresh state).
 */
public final class Engine {

    /** The DRL global generated rules call. */
    public static final String GLOBAL = "dscover";

    private final KieBase kieBase;
    private final List<EngineRule> rules;
    private final Map<String, Integer> ruleIndex;
    private final boolean bindsGlobal;
    /** Every rule tests one event on its own, so events can be matched in batches (computed once per rule base). */
    private final boolean singleEventRules;
    private final int groupCapacity;
    private final Duration lateness;
    private final int matcherThreads;
    private final int batchSize;
    private final long stateMemoryBytes;
    private final String ruleBaseHash;
    private final boolean fromCache;
    private final long compileMillis;

    private Engine(Builder b, RuleBaseCompiler.Compiled compiled) {
        this(compiled, b.rules, b.groupCapacity, b.lateness, b.matcherThreads, b.batchSize, b.stateMemoryBytes);
    }

    private Engine(RuleBaseCompiler.Compiled compiled, List<EngineRule> rules, int groupCapacity, Duration lateness,
                   int matcherThreads, int batchSize, long stateMemoryBytes) {
        this.kieBase = compiled.kieBase();
        this.rules = List.copyOf(rules);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            if (index.put(this.rules.get(i).id(), i) != null) {
                throw new IllegalArgumentException("rule '" + this.rules.get(i).id() + "' is given twice");
            }
        }
        this.ruleIndex = Map.copyOf(index);
        this.bindsGlobal = declaresGlobal(kieBase);
        this.singleEventRules = SingleEventRules.all(kieBase);
        this.groupCapacity = groupCapacity;
        this.lateness = lateness;
        this.matcherThreads = matcherThreads;
        this.batchSize = batchSize;
        this.stateMemoryBytes = stateMemoryBytes;
        this.ruleBaseHash = compiled.hash();
        this.fromCache = compiled.fromCache();
        this.compileMillis = compiled.millis();
    }

    private RuleBaseCompiler.Compiled compiled() {
        return new RuleBaseCompiler.Compiled(kieBase, ruleBaseHash, fromCache, compileMillis);
    }

    /**
     * The same compiled rule base with other rule configurations (e.g. tunables that change a
     * threshold or a window, not the DRL): no recompilation.
     */
    public Engine withRules(Collection<? extends EngineRule> newRules) {
        return new Engine(compiled(), List.copyOf(newRules), groupCapacity, lateness, matcherThreads, batchSize, stateMemoryBytes);
    }

    /** The same engine with another group cap per rule. */
    public Engine withGroupCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("group capacity must be at least 1: " + capacity);
        }
        return new Engine(compiled(), rules, capacity, lateness, matcherThreads, batchSize, stateMemoryBytes);
    }

    /** The same engine with another number of matcher threads (0: everything in the calling thread). */
    public Engine withMatcherThreads(int threads) {
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("matcher threads must be within 0..64: " + threads);
        }
        return new Engine(compiled(), rules, groupCapacity, lateness, threads, batchSize, stateMemoryBytes);
    }

    /** The same engine with another memory budget for rule state (bytes; 0: half the heap). */
    public Engine withStateMemory(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("state memory must not be negative: " + bytes);
        }
        return new Engine(compiled(), rules, groupCapacity, lateness, matcherThreads, batchSize, bytes);
    }

    /** The same engine with another lateness bound for {@link #run}. */
    public Engine withLateness(Duration l) {
        if (l.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative: " + l);
        }
        return new Engine(compiled(), rules, groupCapacity, l, matcherThreads, batchSize, stateMemoryBytes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where compiled rule bases are cached by default: {@code $XDG_CACHE_HOME/dscover/kjar}, else
     * {@code ~/.cache/dscover/kjar}.
     */
    public static Path defaultKjarCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("dscover").resolve("kjar");
    }

    /**
     * Compiles DRL at build time into a kjar under {@code classesDir} (the classpath root of the jar
     * being built): an engine later built from exactly this DRL loads it instead of compiling, with no
     * cache to warm. Returns the file written.
     */
    public static Path precompile(List<String> drls, Path classesDir) throws IOException {
        Path target = classesDir.resolve(RuleBaseCompiler.bundledResource(drls));
        Path folder = target.getParent();
        java.nio.file.Files.createDirectories(folder);
        // kjars of earlier builds' rules would only make the jar bigger
        try (var old = java.nio.file.Files.newDirectoryStream(folder, "*.kjar")) {
            for (Path p : old) {
                java.nio.file.Files.delete(p);
            }
        }
        java.nio.file.Files.write(target, RuleBaseCompiler.kjar(drls));
        java.nio.file.Files.writeString(folder.resolve(RuleBaseCompiler.INDEX), target.getFileName() + "\n");
        return target;
    }

    /**
     * Starts loading the rule bases compiled at build time (the built-in library) in the background:
     * a run that will use the built-in library calls this first, so loading overlaps with compiling
     * the rules. {@link Builder#build} then takes the loaded rule base when the DRL matches.
     */
    public static void prefetchPrecompiled() {
        RuleBaseCompiler.prefetchBundled();
    }

    /** Starts a run that is fed event by event (in event-time order). */
    public EngineRun start(AlertSink sink) {
        return new EngineRun(this, sink);
    }

    /**
     * Replays inputs merged by event time (disorder up to the lateness bound is sorted out) and
     * returns the run's summary; alerts go to {@code sink} as they are raised.
     */
    public RunSummary run(List<? extends EventStream> inputs, AlertSink sink) throws IOException {
        return run(inputs, sink, null);
    }

    /** As {@link #run(List, AlertSink)}, telling {@code listener} (may be null) of every predicate match. */
    public RunSummary run(List<? extends EventStream> inputs, AlertSink sink, MatchListener listener) throws IOException {
        TimeOrderedMerge merged = new TimeOrderedMerge(inputs, lateness);
        try (EngineRun run = new EngineRun(this, sink, listener)) {
            NetworkEvent e;
            while ((e = merged.next()) != null) {
                run.accept(e);
            }
            return run.finish().withMergeLate(merged.lateEvents());
        }
    }

    private static boolean declaresGlobal(KieBase base) {
        for (KiePackage p : base.getKiePackages()) {
            if (p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL))) {
                return true;
            }
        }
        return false;
    }

    public List<EngineRule> rules() {
        return rules;
    }

    KieBase kieBase() {
        return kieBase;
    }

    Map<String, Integer> ruleIndex() {
        return ruleIndex;
    }

    boolean bindsGlobal() {
        return bindsGlobal;
    }

    boolean singleEventRules() {
        return singleEventRules;
    }

    int groupCapacity() {
        return groupCapacity;
    }

    int matcherThreads() {
        return matcherThreads;
    }

    int batchSize() {
        return batchSize;
    }

    long stateMemoryBytes() {
        return stateMemoryBytes;
    }

    public Duration lateness() {
        return lateness;
    }

    /** SHA-256 of what the rule base was compiled from (the cache key). */
    public String ruleBaseHash() {
        return ruleBaseHash;
    }

    /** Whether the rule base was reloaded from the kjar cache instead of compiled. */
    public boolean fromCache() {
        return fromCache;
    }

    /** Time taken to compile or reload the rule base. */
    public long compileMillis() {
        return compileMillis;
    }

    /** Collects the DRL and the rules, then compiles. */
    public static final class Builder {
        private final List<String> drls = new ArrayList<>();
        private final List<EngineRule> rules = new ArrayList<>();
        private int groupCapacity = GroupTable.DEFAULT_CAPACITY;
        private Duration lateness = TimeOrderedMerge.DEFAULT_LATENESS;
        private int matcherThreads = defaultMatcherThreads();
        private int batchSize = 256;
        private long stateMemoryBytes;
        private Path kjarCache;

        private Builder() {
        }

        /** Adds one DRL resource (several may be given: e.g. the built-in library and a user's rules). */
        public Builder drl(String drl) {
            drls.add(Objects.requireNonNull(drl, "drl"));
            return this;
        }

        public Builder rule(EngineRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public Builder rules(Collection<? extends EngineRule> more) {
            more.forEach(this::rule);
            return this;
        }

        /** Most groups (keys) each stateful rule keeps; beyond it the least recently active is evicted, counted. */
        public Builder groupCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("group capacity must be at least 1: " + capacity);
            }
            this.groupCapacity = capacity;
            return this;
        }

        /** Disorder between and within inputs that {@link Engine#run} sorts out. */
        public Builder lateness(Duration l) {
            if (l.isNegative()) {
                throw new IllegalArgumentException("lateness must not be negative: " + l);
            }
            this.lateness = l;
            return this;
        }

        /**
         * Threads running Drools sessions besides the calling thread, which runs the state machines;
         * 0 does everything in the calling thread. Results do not depend on it.
         */
        public Builder matcherThreads(int n) {
            if (n < 0 || n > 64) {
                throw new IllegalArgumentException("matcher threads must be within 0..64: " + n);
            }
            this.matcherThreads = n;
            return this;
        }

        /**
         * Bytes all stateful rules of a run may hold together (estimated); beyond it the least
         * recently used groups are evicted and counted. 0 (the default): half the JVM's maximum heap.
         */
        public Builder stateMemory(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("state memory must not be negative: " + bytes);
            }
            this.stateMemoryBytes = bytes;
            return this;
        }

        /** Events handed to a matcher thread at a time. */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be at least 1: " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** Directory for compiled kjars keyed by content hash; null (the default) compiles every time. */
        public Builder kjarCache(Path dir) {
            this.kjarCache = dir;
            return this;
        }

        /** Compiles the DRL (or reloads it from the cache) into an engine. */
        public Engine build() {
            if (drls.isEmpty()) {
                throw new IllegalStateException("no DRL given");
            }
            return new Engine(this, RuleBaseCompiler.compile(drls, kjarCache));
        }

        private static int defaultMatcherThreads() {
            return Runtime.getRuntime().availableProcessors() > 1 ? 1 : 0;
        }
    }
}
