package io.dscover.rules.engine;

/**
 * One call generated DRL made on {@code dscover} for one event, recorded by a matcher thread and
 * applied later, in event order, by the thread that owns the state machines.
 *
 * @param event index of the event in its batch
 * @param rule  index of the rule in the engine's rule list, or -1 when DRL named an unknown rule
 * @param ruleId the id DRL passed (kept for the error message of an unknown rule)
 * @param step  sequence step, or -1
 */
record Action(Kind kind, int event, int rule, String ruleId, int step, Object[] key, Object value) {

    enum Kind { ALERT, AGGREGATE, SEQUENCE_STEP, BEACON }

    /** Deterministic order of one event's actions: rule order, then the highest sequence step first. */
    static int compare(Action a, Action b) {
        int c = Integer.compare(a.rule, b.rule);
        return c != 0 ? c : Integer.compare(b.step, a.step);
    }
}
