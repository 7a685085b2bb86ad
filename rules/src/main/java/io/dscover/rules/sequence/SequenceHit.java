package io.dscover.rules.sequence;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Evidence;
import io.dscover.rules.state.GroupKey;
import java.util.List;

/**
 * A sequence completed for a key.
 *
 * @param startNanos event time of the first step's event
 * @param endNanos   event time of the last step's event ({@code trigger})
 * @param steps      evidence for each step's event, in step order
 */
public record SequenceHit(GroupKey key, long startNanos, long endNanos, List<Evidence> steps, NetworkEvent trigger) {
}
