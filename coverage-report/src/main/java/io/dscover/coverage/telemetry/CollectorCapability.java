package io.dscover.coverage.telemetry;

import io.dscover.model.event.DataComponent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a collector declares it can produce ({@code Collector.eventTypes()} and {@code components()}),
 * handed to coverage by the command line because coverage cannot see collectors.
 *
 * @param name            the collector's name: pcap, zeek, windows, aws-vpc, gcp-vpc, azure, jsonl
 * @param description     one line
 * @param eventTypes      event type names it can produce
 * @param components      DS0029 components its events can be evidence of
 * @param telemetrySource whether it reads an organisation's telemetry; false for a collector that reads
 *                        dscover's own output back (jsonl), which is then left out of "everything dscover
 *                        can collect" and of the sources suggested in the gap analysis
 */
public record CollectorCapability(String name, String description, Set<String> eventTypes,
        Set<DataComponent> components, boolean telemetrySource) {

    public CollectorCapability {
        eventTypes = Collections.unmodifiableSet(new LinkedHashSet<>(eventTypes));
        components = components.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(components));
    }
}
