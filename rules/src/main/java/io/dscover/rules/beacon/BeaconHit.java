package io.dscover.rules.beacon;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Evidence;
import io.dscover.rules.state.GroupKey;
import java.util.List;

/**
 * A key scored at or above the threshold ({@code score} set), or became a strobe ({@code strobe}:
 * more connections in the window than the strobe limit; not scored).
 *
 * @param connections      connections of the key in the window (for a strobe: more than the limit)
 * @param windowStartNanos S, the start of the span the key was scored over
 * @param windowEndNanos   E, the event time of the event that raised it
 * @param evidence         the key's most recent connections in the window, oldest first
 * @param component        the DS0029 component of the key's latest connection
 * @param trigger          the connection that raised it; null when raised at the end of the input
 */
public record BeaconHit(GroupKey key, boolean strobe, int connections, BeaconScore score, long windowStartNanos,
                        long windowEndNanos, List<Evidence> evidence, String component, NetworkEvent trigger) {
}
