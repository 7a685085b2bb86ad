package io.dscover.dsl.runtime;

import io.dscover.model.event.NetworkEvent;

/**
 * What generated DRL calls when an event passes a rule's {@code match} predicate: the contract
 * between the DRL generator (this module) and the engine (rules module), which implements it and
 * binds it as the DRL global {@code dscover}.
 *
 * <p>Drools only matches predicates over typed facts and fires these consequences; all window
 * state (aggregates, sequences, beacons, suppression) lives in the engine's incremental Java state
 * machines, which expire by event time, so events never need to stay in working memory.
 * Keys and values are computed in the DRL consequence (readable there) and passed in.
 */
public interface DetectionActions {

    /** A per-event rule matched: one alert for this event. */
    void alert(String ruleId, NetworkEvent event);

    /**
     * An event passed an {@code aggregate} rule's predicate.
     *
     * @param key   the values of the {@code by} fields, in order (elements may be null when unset)
     * @param value the aggregated field's value ({@code count(distinct f)}, {@code sum(f)}, ...), or
     *              {@code null} for {@code count()}
     */
    void aggregate(String ruleId, NetworkEvent event, Object[] key, Object value);

    /**
     * An event passed the predicate of step {@code step} (0-based) of a {@code sequence} rule.
     *
     * @param key the values of the sequence's {@code by} fields
     */
    void sequenceStep(String ruleId, int step, NetworkEvent event, Object[] key);

    /**
     * An event passed a {@code beacon} rule's predicate.
     *
     * @param key the values of the {@code by} fields (the pair whose callbacks are scored)
     */
    void beacon(String ruleId, NetworkEvent event, Object[] key);
}
