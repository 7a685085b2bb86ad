package io.dscover.coverage.report;

import io.dscover.model.event.DataComponent;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts of entries: overall, per DS0029 component, per tactic. */
public final class Totals {

    private Totals() {
    }

    /**
     * All entries.
     *
     * @param entries       technique entries (parents and sub-techniques)
     * @param parents       of which parent techniques
     * @param byLevel       entries at each level
     */
    public record Summary(int entries, int parents, Map<Level, Integer> byLevel) {
        public Summary {
            byLevel = levels(byLevel);
        }

        public int subtechniques() {
            return entries - parents;
        }

        /** Entries at this level or better. */
        public int atLeast(Level level) {
            int n = 0;
            for (Level l : Level.values()) {
                if (l.atLeast(level)) {
                    n += byLevel.get(l);
                }
            }
            return n;
        }

        /** Share of entries at this level or better, in percent (0 when there are no entries). */
        public double percent(Level level) {
            return entries == 0 ? 0 : 100.0 * atLeast(level) / entries;
        }
    }

    /**
     * One DS0029 component's entries.
     *
     * @param component  the component
     * @param suppliedBy the profile's sources that supply it (empty: not supplied)
     * @param entries    entries ATT&amp;CK maps to it
     * @param visible    of those, how many the telemetry makes visible through it (all, when it is supplied)
     * @param detected   how many a runnable rule detects through it
     * @param validated  how many a validated runnable rule detects through it
     */
    public record Component(DataComponent component, List<String> suppliedBy, int entries, int visible, int detected,
            int validated) {
        public Component {
            suppliedBy = List.copyOf(suppliedBy);
        }
    }

    /** One tactic's entries by level (a technique with several tactics counts under each). */
    public record Tactic(String id, String shortName, String name, int entries, Map<Level, Integer> byLevel) {
        public Tactic {
            byLevel = levels(byLevel);
        }

        public int atLeast(Level level) {
            int n = 0;
            for (Level l : Level.values()) {
                if (l.atLeast(level)) {
                    n += byLevel.get(l);
                }
            }
            return n;
        }
    }

    static Map<Level, Integer> levels(Map<Level, Integer> in) {
        EnumMap<Level, Integer> m = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            m.put(l, in.getOrDefault(l, 0));
        }
        return Collections.unmodifiableMap(m);
    }
}
