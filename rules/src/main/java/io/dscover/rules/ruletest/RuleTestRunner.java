package io.dscover.rules.ruletest;

import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.dsl.spec.RuleSpec;
import io.dscover.dsl.spec.TestSpec;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EventStream;
import io.dscover.rules.engine.RunSummary;
import io.dscover.rules.ruleset.RuleSetEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the {@code test} blocks of a compiled rule set through the real engine: one engine (one
 * compiled rule base) for the whole set, a fresh run per test. A test counts the alerts of its own
 * rule only, and compares the count with its {@code expect}. Tests of disabled rules and tests whose
 * fixture file is missing are skipped, with the reason.
 *
 * <pre>{@code
 * List<RuleTestOutcome> outcomes = new RuleTestRunner(ruleSet, new JsonLinesFixtures()).runAll();
 * }</pre>
 */
public final class RuleTestRunner {

    private final CompiledRuleSet ruleSet;
    private final FixtureReader fixtures;
    private Engine engine;
    private Path kjarCache = Engine.defaultKjarCache();

    public RuleTestRunner(CompiledRuleSet ruleSet, FixtureReader fixtures) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
    }

    /** Where the compiled rule base is cached (default {@link Engine#defaultKjarCache()}); null: none. */
    public RuleTestRunner kjarCache(Path dir) {
        this.kjarCache = dir;
        return this;
    }

    /** Every test of every rule, in rule order, then test order. */
    public List<RuleTestOutcome> runAll() {
        List<RuleTestOutcome> out = new ArrayList<>();
        for (RuleSpec rule : ruleSet.rules()) {
            for (TestSpec test : rule.tests()) {
                out.add(run(rule, test));
            }
        }
        return out;
    }

    /** One test of one of the set's rules. */
    public RuleTestOutcome run(RuleSpec rule, TestSpec test) {
        long start = System.nanoTime();
        String where = test.location().source().name() + ":" + test.location().line();
        if (!rule.enabled()) {
            return new RuleTestOutcome(rule.id(), test.name(), where, RuleTestOutcome.Status.SKIPPED,
                    "the rule is disabled (enabled: false)", 0, System.nanoTime() - start);
        }
        if (test.input() instanceof TestSpec.Fixture f && !f.location().exists()) {
            return new RuleTestOutcome(rule.id(), test.name(), where, RuleTestOutcome.Status.SKIPPED,
                    "fixture not found: " + f.location().display(), 0, System.nanoTime() - start);
        }
        TestRecorder recorder = new TestRecorder(rule);
        RunSummary summary;
        String[] problems = {""};
        try {
            summary = replay(test, recorder, problems);
        } catch (IOException | UncheckedIOException e) {
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            return new RuleTestOutcome(rule.id(), test.name(), where, RuleTestOutcome.Status.FAILED,
                    "cannot read the test's events: " + message, 0, System.nanoTime() - start);
        }
        long alerts = recorder.alerts().size();
        if (test.expectation().test(alerts)) {
            return new RuleTestOutcome(rule.id(), test.name(), where, RuleTestOutcome.Status.PASSED, "", alerts,
                    System.nanoTime() - start);
        }
        String message = FailureExplanation.explain(rule, test.expectation(), recorder, summary)
                + (problems[0].isEmpty() ? "" : "\nthe fixture " + problems[0]);
        return new RuleTestOutcome(rule.id(), test.name(), where, RuleTestOutcome.Status.FAILED, message, alerts,
                System.nanoTime() - start);
    }

    private RunSummary replay(TestSpec test, TestRecorder recorder, String[] problems) throws IOException {
        Engine e = engine();
        if (test.input() instanceof TestSpec.InlineEvents inline) {
            String file = test.location().source().name();
            List<NetworkEvent> events = new ArrayList<>();
            long record = 0;
            for (TestSpec.TestEvent te : inline.events()) {
                NetworkEvent event = te.toEvent();
                record++;
                if (event.getLogFilePath() == null) {
                    // evidence then points at the test's n-th event, which is what its author counts
                    event.setLogFilePath(file + " test \"" + test.name() + "\"");
                    event.setLogRecord(record);
                }
                events.add(event);
            }
            recorder.events(events.size());
            return e.run(List.of(EventStream.of(events)), recorder, recorder);
        }
        TestSpec.Fixture fixture = (TestSpec.Fixture) test.input();
        try (FixtureStream stream = fixtures.open(fixture)) {
            EventStream counted = () -> {
                NetworkEvent ev = stream.next();
                if (ev != null) {
                    recorder.events(1);
                }
                return ev;
            };
            RunSummary summary = e.run(List.of(counted), recorder, recorder);
            problems[0] = stream.problems();
            return summary;
        }
    }

    private Engine engine() {
        if (engine == null) {
            // tests are small: matching in the calling thread beats handing batches to another
            engine = RuleSetEngine.builder(ruleSet).kjarCache(kjarCache).matcherThreads(0).build();
        }
        return engine;
    }

    /** The engine the tests run on (compiled, or loaded from the cache, on first use). */
    public Engine engineUsed() {
        return engine();
    }
}
