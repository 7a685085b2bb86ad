package io.dscover.rules.engine;

import java.util.List;

/**
 * What a run did, for the ledger every run ends with.
 *
 * @param events          events the engine processed
 * @param outOfOrder      events older than an event processed before them (handled as arriving at the
 *                        engine's current time; see docs/engine.md)
 * @param mergeLate       of those, events the time-ordered merge could not put in order (later than
 *                        the lateness bound); 0 when the run was fed directly
 * @param ruleErrors      rule matches lost to a constraint or consequence that threw
 * @param errorExamples   the first few of those, with rule, event time and input record
 * @param matcherThreads  threads that ran Drools sessions (0: the calling thread)
 * @param stateBytes      estimated bytes the rules' state holds now
 * @param peakStateBytes  the most it held
 * @param stateBytesLimit the memory budget (beyond it groups are evicted, counted per rule)
 */
public record RunSummary(long events, long outOfOrder, long mergeLate, long alerts, List<RuleSummary> rules,
                         long ruleErrors, List<String> errorExamples, int matcherThreads, long stateBytes,
                         long peakStateBytes, long stateBytesLimit) {

    /**
     * One rule's share.
     *
     * @param matches    events that passed the rule's predicate (for sequences: step matches)
     * @param suppressed alerts held back by the rule's {@code suppress} clause
     * @param groups     groups still held at the end (stateful rules)
     * @param evictions  groups dropped because the group cap or the memory budget was reached (state lost)
     */
    public record RuleSummary(String id, String kind, long matches, long alerts, long suppressed, int groups,
                              long evictions) {
    }

    public RunSummary {
        rules = List.copyOf(rules);
        errorExamples = List.copyOf(errorExamples);
    }

    RunSummary withMergeLate(long late) {
        return new RunSummary(events, outOfOrder, late, alerts, rules, ruleErrors, errorExamples, matcherThreads,
                stateBytes, peakStateBytes, stateBytesLimit);
    }
}
