package io.dscover.rules.engine;

import io.dscover.model.event.NetworkEvent;

/**
 * Told of every event that passed a rule's predicate, in the order the state machines see them,
 * before the rule's window decides whether it alerts. Rule tests use it to say which events matched
 * but missed a threshold or a window; a run without a listener pays nothing for it.
 */
@FunctionalInterface
public interface MatchListener {

    /**
     * @param ruleId the rule whose predicate the event passed
     * @param step   for a sequence rule the step (0-based) it matched; -1 otherwise
     */
    void matched(String ruleId, int step, NetworkEvent event);
}
