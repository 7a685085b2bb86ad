package io.dscover.rules.window;

import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.Evidence;
import io.dscover.rules.state.GroupKey;
import java.util.List;

/**
 * An aggregate's condition became true for a group (or stayed true past the suppress period).
 *
 * @param value            the window's value when it did
 * @param windowStartNanos event time of the oldest event in the group's window
 * @param windowEndNanos   event time of the event that made the condition true
 * @param evidence         the group's most recent events in the window, oldest first, ending with
 *                         {@code trigger}
 */
public record AggregateHit(GroupKey key, Number value, long windowStartNanos, long windowEndNanos,
                           List<Evidence> evidence, NetworkEvent trigger) {
}
