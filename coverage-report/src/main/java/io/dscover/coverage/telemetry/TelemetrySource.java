package io.dscover.coverage.telemetry;

import io.dscover.model.event.DataComponent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source of a telemetry profile, resolved: the collector, the parts chosen of its input (empty for
 * all of it), and per event type it delivers the DS0029 components those events carry (the event type's
 * components that the collector declares).
 *
 * @param collector the collector name
 * @param partsKey  {@code logs} or {@code events} when parts were chosen, otherwise empty
 * @param parts     the chosen parts, as written (empty: the whole input)
 * @param supplied  event type name to the components its events from this source carry, in schema order
 */
public record TelemetrySource(String collector, String partsKey, List<String> parts,
        Map<String, Set<DataComponent>> supplied) {

    public TelemetrySource {
        parts = List.copyOf(parts);
        Map<String, Set<DataComponent>> copy = new LinkedHashMap<>();
        supplied.forEach((type, comps) -> copy.put(type, comps.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(comps))));
        supplied = Collections.unmodifiableMap(copy);
    }

    /** The components this source's events of a type carry; empty when it does not deliver that type. */
    public Set<DataComponent> components(String eventType) {
        return supplied.getOrDefault(eventType, Set.of());
    }

    /** Every component this source supplies. */
    public Set<DataComponent> components() {
        Set<DataComponent> all = EnumSet.noneOf(DataComponent.class);
        supplied.values().forEach(all::addAll);
        return all;
    }

    /** "zeek (logs: conn, dns)" or "aws-vpc". */
    public String label() {
        return parts.isEmpty() ? collector : collector + " (" + partsKey + ": " + String.join(", ", parts) + ")";
    }
}
