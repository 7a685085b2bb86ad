package io.dscover.coverage.ruletest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule test results from one or more JUnit XML files, by rule and test name. A later file's result for
 * the same rule and test replaces an earlier one (and says so in {@link #notes()}).
 */
public final class RuleTestResults {

    private final Map<String, Map<String, TestOutcome>> byRule = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** No results: every rule's tests count as not run. */
    public static RuleTestResults none() {
        return new RuleTestResults();
    }

    /**
     * Results produced in memory (e.g. by the rules engine running the tests in the same process), as if
     * read from a file named {@code source}.
     */
    public static RuleTestResults of(String source, List<TestOutcome> outcomes) {
        RuleTestResults r = new RuleTestResults();
        r.addSource(source);
        outcomes.forEach(r::add);
        return r;
    }

    void add(TestOutcome o) {
        TestOutcome earlier = byRule.computeIfAbsent(o.rule(), r -> new LinkedHashMap<>()).put(o.test(), o);
        if (earlier != null && !earlier.source().equals(o.source())) {
            notes.add("rule " + o.rule() + " test \"" + o.test() + "\": the result in " + o.source()
                    + " replaces the one in " + earlier.source());
        }
    }

    void addSource(String source) {
        sources.add(source);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Merges another set of results into this one (later wins). */
    public RuleTestResults merge(RuleTestResults other) {
        other.sources.forEach(this::addSource);
        other.notes.forEach(this::note);
        other.byRule.values().forEach(m -> m.values().forEach(this::add));
        return this;
    }

    /** The results of a rule's tests, by test name in file order; empty when there are none. */
    public Map<String, TestOutcome> of(String rule) {
        return Collections.unmodifiableMap(byRule.getOrDefault(rule, Map.of()));
    }

    /** Rule ids with results. */
    public Set<String> rules() {
        return Collections.unmodifiableSet(byRule.keySet());
    }

    public boolean isEmpty() {
        return byRule.isEmpty();
    }

    /** The files read, in order. */
    public List<String> sources() {
        return Collections.unmodifiableList(sources);
    }

    /** Things a reader should know, e.g. a result replaced by a later file's. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public int size() {
        return byRule.values().stream().mapToInt(Map::size).sum();
    }
}
