package io.dscover.coverage.run;

import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import io.dscover.model.event.FieldDef;
import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, per event type and collector, how many events have each schema field set: a field is set when
 * its value is present and not empty (an empty string or list says nothing). Cheap enough to sit in
 * every run: the first {@value #EXAMINE_ALL} events of a type and collector are all examined, after that
 * one in {@value #STRIDE}, chosen by a hash of the event's position rather than every 64th, so traffic
 * that repeats with a period (request, response, request...) cannot line up with the sample. The choice
 * is deterministic: the same run gives the same rates. Not thread-safe: feed it from the thread that
 * reads the events.
 */
public final class FieldFillCounter {

    /** Events of one type and collector examined in full before sampling starts. */
    static final long EXAMINE_ALL = 10_000;
    /** After that, one event in this many is examined (a power of two). */
    static final long STRIDE = 64;

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    /** The tally of the previous event: runs are long stretches of one type from one collector. */
    private Tally last;

    private static final class Tally {
        final EventTypeDef type;
        final String collector;
        final List<FieldDef> fields;
        final long[] set;
        long events;
        long examined;

        Tally(EventTypeDef type, String collector) {
            this.type = type;
            this.collector = collector;
            this.fields = type.fields();
            this.set = new long[fields.size()];
        }
    }

    /** Counts one event that {@code collector} produced. */
    public void accept(String collector, NetworkEvent event) {
        EventTypeDef type = EventSchema.get().eventTypeOf(event);
        Tally t = last;
        if (t == null || t.type != type || !t.collector.equals(collector)) {
            t = tallies.computeIfAbsent(type.name() + '\u0000' + collector, k -> new Tally(type, collector));
            last = t;
        }
        t.events++;
        if (t.events > EXAMINE_ALL && (mix(t.events) & (STRIDE - 1)) != 0) {
            return;
        }
        t.examined++;
        List<FieldDef> fields = t.fields;
        for (int i = 0; i < fields.size(); i++) {
            if (isSet(fields.get(i).get(event))) {
                t.set[i]++;
            }
        }
    }

    /** SplitMix64's finaliser: consecutive positions map to unrelated bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static boolean isSet(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    /** The fill rates so far, by event type in schema order, then collector in first-seen order. */
    public List<RunRecord.EventTypeFill> results() {
        List<Tally> ordered = new ArrayList<>(tallies.values());
        List<EventTypeDef> schemaOrder = EventSchema.get().eventTypes();
        ordered.sort(java.util.Comparator.comparingInt(t -> schemaOrder.indexOf(t.type)));
        List<RunRecord.EventTypeFill> out = new ArrayList<>();
        for (Tally t : ordered) {
            List<RunRecord.FieldFill> fields = new ArrayList<>();
            for (int i = 0; i < t.fields.size(); i++) {
                double rate = t.examined == 0 ? 0 : (double) t.set[i] / t.examined;
                fields.add(new RunRecord.FieldFill(t.fields.get(i).name(), t.set[i], rate));
            }
            out.add(new RunRecord.EventTypeFill(t.type.name(), t.collector, t.events, t.examined, fields));
        }
        return out;
    }
}
