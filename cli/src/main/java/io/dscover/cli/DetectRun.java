package io.dscover.cli;

import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.InputLedger;
import io.dscover.collect.builtin.BuiltInCollectors;
import io.dscover.coverage.run.FieldFillCounter;
import io.dscover.dsl.compile.CompileOptions;
import io.dscover.dsl.compile.CompileResult;
import io.dscover.dsl.compile.DetectionCompiler;
import io.dscover.dsl.drl.DrlGenerator;
import io.dscover.dsl.source.RuleSource;
import io.dscover.dsl.source.RuleSources;
import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.model.attack.AttackCatalog;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertSink;
import io.dscover.rules.engine.DrlCompilationException;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EventStream;
import io.dscover.rules.engine.RunSummary;
import io.dscover.rules.engine.TimeOrderedMerge;
import io.dscover.rules.ruleset.BuiltInLibrary;
import io.dscover.rules.ruleset.RuleSetEngine;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One detection run, for {@code dscover detect} and for anything else in the command line that needs
 * alerts (the demo): compile the rules (the built-in library and/or rule paths, with tunable
 * overrides), open every input with the collector that recognises it, merge the inputs by event time
 * and replay them through the engine.
 *
 * <pre>{@code
 * DetectRun.Result r = new DetectRun().inputs(List.of(Path.of("conn.log"))).execute();
 * r.alerts().forEach(...);   r.ledgers()  // per input: records, events, rejects
 * }</pre>
 *
 * Problems a user can fix (rules with errors, a path that does not exist) are {@link UserError}s; call
 * {@link #compile()} first to show the rules' diagnostics.
 */
public final class DetectRun {

    private List<Path> rulePaths = List.of();
    private boolean builtIn = true;
    private Map<String, String> tunables = Map.of();
    private List<Path> inputs = List.of();
    private Duration lateness = TimeOrderedMerge.DEFAULT_LATENESS;
    private String collector;
    private CollectorOptions collectorOptions = CollectorOptions.of(Map.of());
    private Path kjarCache = Engine.defaultKjarCache();
    private boolean countFieldFills;
    private CompileResult compiled;

    /** .det files or folders; with none, only the built-in library runs (whatever {@link #builtIn} says). */
    public DetectRun rules(List<Path> paths) {
        this.rulePaths = List.copyOf(paths);
        compiled = null;
        return this;
    }

    /** Whether the built-in library runs besides the rule paths (default: yes). */
    public DetectRun builtIn(boolean include) {
        this.builtIn = include;
        compiled = null;
        return this;
    }

    /** {@code rule.tunable -> value}, in rule syntax ({@code 200}, {@code 5m}, {@code [22, 23]}). */
    public DetectRun tunables(Map<String, String> overrides) {
        this.tunables = Map.copyOf(overrides);
        compiled = null;
        return this;
    }

    /** Files or folders to read (any format a collector recognises, gzip included). */
    public DetectRun inputs(List<Path> paths) {
        this.inputs = List.copyOf(paths);
        return this;
    }

    /** Disorder between and within inputs the time-ordered merge sorts out (default 5 s). */
    public DetectRun lateness(Duration d) {
        this.lateness = d;
        return this;
    }

    /** Read every input with this collector instead of detecting formats; null to detect. */
    public DetectRun collector(String name) {
        this.collector = name;
        return this;
    }

    public DetectRun collectorOptions(CollectorOptions options) {
        this.collectorOptions = options;
        return this;
    }

    /** Where compiled user rule sets are cached (default {@link Engine#defaultKjarCache()}); null: no cache. */
    public DetectRun kjarCache(Path dir) {
        this.kjarCache = dir;
        return this;
    }

    /** Also count field fill rates per event type (for the run record). */
    public DetectRun countFieldFills(boolean on) {
        this.countFieldFills = on;
        return this;
    }

    /** The rules' sources in the order compiled: the built-in library first, then the paths. */
    List<RuleSource> sources() {
        List<RuleSource> sources = new ArrayList<>();
        if (builtIn || rulePaths.isEmpty()) {
            sources.addAll(RuleFiles.builtIn());
        }
        if (!rulePaths.isEmpty()) {
            sources.addAll(RuleFiles.read(rulePaths, "--rules: "));
        }
        return sources;
    }

    /** Compiles the rules (once); never throws for rule problems: they are the result's diagnostics. */
    public CompileResult compile() {
        if (compiled == null) {
            if (rulePaths.isEmpty() && tunables.isEmpty()) {
                // the built-in library alone, untuned, compiles to the DRL compiled at build time: load it meanwhile
                Engine.prefetchPrecompiled();
            }
            compiled = DetectionCompiler.compile(sources(), AttackCatalog.embeddedDs0029(),
                    new CompileOptions(tunables, false, DrlGenerator.DEFAULT_PACKAGE));
        }
        return compiled;
    }

    /** Runs and keeps every alert in the result (for small inputs and tests; detect streams instead). */
    public Result execute() {
        List<Alert> alerts = new ArrayList<>();
        Result r = execute(alerts::add);
        return new Result(r.ruleSet(), r.summary(), r.ledgers(), alerts, r.fills(), r.engine());
    }

    /** Runs, handing each alert to {@code sink} as it is raised; the result's alert list is empty. */
    public Result execute(AlertSink sink) {
        CompileResult result = compile();
        if (result.ruleSet().isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "the rules have " + result.errorCount() + " error"
                    + (result.errorCount() == 1 ? "" : "s") + " (dscover rules check shows them)");
        }
        CompiledRuleSet set = result.ruleSet().get();
        Engine engine = engine(set);
        InputReader reader = new InputReader(BuiltInCollectors.registry(), collectorOptions);
        reader.plan(inputs, collector);
        FieldFillCounter fills = countFieldFills ? new FieldFillCounter() : null;
        List<CollectorEventStream> streams = new ArrayList<>();
        try {
            for (InputReader.PlannedInput p : reader.planned()) {
                Optional<EventSource> source = reader.open(p);
                if (source.isPresent()) {
                    String name = p.collector().name();
                    streams.add(new CollectorEventStream(source.get(), p.ledger(),
                            fills == null ? null : e -> fills.accept(name, e)));
                }
            }
            RunSummary summary = engine.run(List.<EventStream>copyOf(streams), sink);
            return new Result(set, summary, reader.ledgers(), List.of(), fills, engine);
        } catch (IOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot read inputs: " + e.getMessage(), e);
        } finally {
            streams.forEach(CollectorEventStream::close);
        }
    }

    private Engine engine(CompiledRuleSet set) {
        try {
            return RuleSetEngine.builder(set).kjarCache(kjarCache).lateness(lateness).build();
        } catch (DrlCompilationException e) {
            // the compiler emitted DRL Drools rejects: a bug, but the user needs to know which rule
            throw new UserError(ExitCodes.INTERNAL, "Drools rejected the generated DRL: " + e.getMessage(), e);
        }
    }

    /**
     * What a run did.
     *
     * @param ruleSet the compiled rules
     * @param summary the engine's account: events, alerts and state per rule, late events, errors
     * @param ledgers per input, in the order named: records, events by type, rejects by reason
     * @param alerts  the alerts, when {@link #execute()} kept them; empty otherwise
     * @param fills   field fill rates, when counted; null otherwise
     * @param engine  the engine (rule base hash, whether it was loaded or compiled, how long it took)
     */
    public record Result(CompiledRuleSet ruleSet, RunSummary summary, List<InputLedger> ledgers, List<Alert> alerts,
                         FieldFillCounter fills, Engine engine) {

        public Result {
            ledgers = List.copyOf(ledgers);
            alerts = List.copyOf(alerts);
        }

        /** Alerts per rule id, in rule order, rules without alerts included. */
        public Map<String, Long> alertsByRule() {
            Map<String, Long> m = new LinkedHashMap<>();
            summary.rules().forEach(r -> m.put(r.id(), r.alerts()));
            return m;
        }
    }
}
