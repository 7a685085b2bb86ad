package io.dscover.coverage.telemetry;

import io.dscover.model.event.DataComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the organisation collects, resolved into sources.
 *
 * @param origin      where the profile came from
 * @param description for reports: the file, the run record, or "everything dscover can collect"
 * @param sources     in the order given
 * @param notes       what a reader of the profile should know (e.g. a Zeek log name dscover maps to no
 *                    event type of its own, close to one it does)
 */
public record TelemetryProfile(Origin origin, String description, List<TelemetrySource> sources, List<String> notes) {

    /** Where a profile came from. */
    public enum Origin {
        /** {@code --telemetry telemetry.yaml}. */
        FILE,
        /** Inferred from the inputs of a run ({@code --from-run}): what the collectors actually delivered. */
        RUN,
        /** No profile given: everything dscover can collect. */
        DEFAULT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TelemetryProfile {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    public TelemetryProfile(Origin origin, String description, List<TelemetrySource> sources) {
        this(origin, description, sources, List.of());
    }

    public Optional<TelemetrySource> source(String collector) {
        return sources.stream().filter(s -> s.collector().equals(collector)).findFirst();
    }

    /** Every component some source supplies. */
    public Set<DataComponent> components() {
        Set<DataComponent> all = EnumSet.noneOf(DataComponent.class);
        sources.forEach(s -> all.addAll(s.components()));
        return all;
    }

    /** The sources that supply a component, by label. */
    public List<String> suppliersOf(DataComponent component) {
        List<String> out = new ArrayList<>();
        for (TelemetrySource s : sources) {
            if (s.components().contains(component)) {
                out.add(s.label());
            }
        }
        return out;
    }

    /** This profile with one more source (or a source replaced by a wider one of the same collector). */
    public TelemetryProfile with(TelemetrySource added) {
        List<TelemetrySource> list = new ArrayList<>();
        boolean replaced = false;
        for (TelemetrySource s : sources) {
            if (s.collector().equals(added.collector())) {
                list.add(added);
                replaced = true;
            } else {
                list.add(s);
            }
        }
        if (!replaced) {
            list.add(added);
        }
        return new TelemetryProfile(origin, description, list, notes);
    }
}
