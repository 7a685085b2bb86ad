package io.dscover.coverage.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A parent technique's sub-technique entries taken together (the parent's own level is separate).
 *
 * @param count   sub-technique entries
 * @param byLevel how many are at each level
 * @param lowest  the lowest level among them
 * @param highest the highest level among them
 */
public record SubtechniqueAggregate(int count, Map<Level, Integer> byLevel, Level lowest, Level highest) {

    public SubtechniqueAggregate {
        EnumMap<Level, Integer> m = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            m.put(l, byLevel.getOrDefault(l, 0));
        }
        byLevel = Collections.unmodifiableMap(m);
    }

    /** Sub-techniques at this level or better. */
    public int atLeast(Level level) {
        int n = 0;
        for (Level l : Level.values()) {
            if (l.atLeast(level)) {
                n += byLevel.get(l);
            }
        }
        return n;
    }

    /** "sub-techniques (aggregate of 4): 1 detected or better, 3 visible or better; levels 0-2". */
    public String label() {
        return "sub-techniques (aggregate of " + count + "): " + atLeast(Level.VALIDATED) + " validated, "
                + atLeast(Level.DETECTED) + " detected or better, " + atLeast(Level.VISIBLE) + " visible or better; "
                + "levels " + lowest.score() + (lowest == highest ? "" : "-" + highest.score());
    }
}
