package io.dscover.rules.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a rule's {@code by} fields for one event, as generated DRL passes them
 * ({@code new Object[]{$e.getSourceIp(), ...}}); equal when the values are equal, element by element
 * (nulls included: an unset field is a value of its own).
 */
public final class GroupKey {

    private static final Object[] NONE = new Object[0];

    private final Object[] values;
    private final int hash;

    private GroupKey(Object[] values) {
        this.values = values;
        this.hash = hash(values);
    }

    /**
     * Mixes the elements' hashes (MurmurHash3's steps) instead of {@link Arrays#hashCode}: that one
     * combines with the factor 31, the same base String.hashCode uses, so keys of addresses such as
     * ("10.1.3.30", "23.5.0.17") and ("10.1.3.31", "23.5.0.16") collide in droves and turn table
     * lookups into list walks (it was 20% of the time in profiles).
     */
    private static int hash(Object[] values) {
        int h = 0x9747b28c ^ values.length;
        for (Object v : values) {
            int k = v == null ? 0 : v.hashCode();
            k *= 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15);
            k *= 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Wraps the array without copying: generated DRL creates a fresh one per call. */
    public static GroupKey of(Object[] values) {
        return new GroupKey(values == null ? NONE : values);
    }

    public int size() {
        return values.length;
    }

    public Object get(int i) {
        return values[i];
    }

    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * The key as field name to value, in order. Names missing from {@code names} (a rule that passes
     * more values than it declares fields) are called {@code key[i]}.
     */
    public Map<String, Object> toMap(List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(i < names.size() ? names.get(i) : "key[" + i + "]", values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && k.hash == hash && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
